//! Fields equal to their default are left out of saved plan files, so files
//! stay small and read like the hand-written ones (which rely on the same
//! defaults). Reading fills them back in, so the plan is unchanged.

use std::cell::Cell;

thread_local! {
    static WRITE_ALL: Cell<bool> = const { Cell::new(false) };
}

/// True when `value` is its type's default and may be left out of the file.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    !WRITE_ALL.with(Cell::get) && *value == T::default()
}

/// True inside [`with_all_fields`] (on this thread).
pub fn writes_all_fields() -> bool {
    WRITE_ALL.with(Cell::get)
}

/// Run `f` with every field written, defaults included (used to list the
/// fields a plan has, for example to suggest the field a typo meant).
pub fn with_all_fields<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            WRITE_ALL.with(|w| w.set(self.0));
        }
    }
    let _restore = Restore(WRITE_ALL.with(|w| w.replace(true)));
    f()
}
