//! Fields equal to their default are left out of saved plan files, so files
//! stay small and read like the hand-written ones (which rely on the same
//! defaults). Reading fills them back in, so the plan is unchanged.

/// True when `value` is its type's default and may be left out of the file.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}
