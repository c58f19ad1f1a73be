//! Sharing work between cores: large plans are read, written, analysed and
//! exported a workflow (or a rule, or a section) per free thread.

/// Threads to use for one piece of work: the cores there are, at most eight.
pub fn cores() -> usize {
    std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(8)
}

/// Start `work` on a thread of `scope`, with room for the parser's deepest
/// nesting on its stack.
pub fn spawn<'scope, 'env, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> std::io::Result<std::thread::ScopedJoinHandle<'scope, T>> {
    std::thread::Builder::new()
        .name("automap-part".to_owned())
        .stack_size(8 * 1024 * 1024)
        .spawn_scoped(scope, work)
}

/// Run `work` on every item, spread over `threads` threads (this one
/// included) that each take the next item not yet taken, and return the
/// results in the order of the items. A panic in `work` is passed on.
pub fn map_each<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if threads < 2 || items.len() < 2 {
        return items.iter().map(work).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let run = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, work(item)));
        }
    };
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        // A thread that cannot be started takes no items; this one takes the rest.
        let handles: Vec<_> = (1..threads.min(items.len()))
            .filter_map(|_| spawn(scope, run).ok())
            .collect();
        let mut all = run();
        for h in handles {
            match h.join() {
                Ok(done) => all.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (i, r) in all {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(r);
            }
        }
    });
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_item_is_done_once_and_results_keep_the_order() {
        let items: Vec<u64> = (0..500).collect();
        for threads in [1, 2, 3, 8] {
            let squares = map_each(&items, threads, |x| x * x);
            let expected: Vec<u64> = items.iter().map(|x| x * x).collect();
            assert_eq!(squares, expected, "{threads} threads");
        }
        assert!(map_each(&[] as &[u8], 4, |x| *x).is_empty());
    }

    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_in_the_work_is_passed_on() {
        let items: Vec<usize> = (0..20).collect();
        map_each(&items, 3, |&i| assert_ne!(i, 7, "item {i}"));
    }
}
