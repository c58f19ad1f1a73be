//! Sharing work between cores: large plans are read, written and exported a
//! part of their workflows per thread.

use std::ops::Range;

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

/// Cut `weights` into at most `parts` runs in order, of about equal weight.
/// Returns the index ranges of the runs; together they cover every index once.
pub fn split_even(weights: &[usize], parts: usize) -> Vec<Range<usize>> {
    let parts = parts.max(1);
    let total: usize = weights.iter().sum();
    let mut groups = Vec::with_capacity(parts);
    let mut start = 0;
    let mut done = 0;
    for (i, w) in weights.iter().enumerate() {
        done += w;
        if groups.len() + 1 < parts && done * parts >= total * (groups.len() + 1) {
            groups.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < weights.len() {
        groups.push(start..weights.len());
    }
    groups
}

/// Run `work` on each run of `items` cut by `split_even`, the first run on
/// this thread and the others on their own, and return the results in order.
/// `None` when a thread could not be started or stopped with a panic.
pub fn map_parts<T: Sync, R: Send>(
    items: &[T],
    weights: &[usize],
    parts: usize,
    work: impl Fn(&[T]) -> R + Sync,
) -> Option<Vec<R>> {
    let groups = split_even(weights, parts);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = groups
            .iter()
            .skip(1)
            .map(|g| {
                let slice = items.get(g.clone()).unwrap_or_default();
                spawn(scope, move || work(slice))
            })
            .collect();
        let first = groups
            .first()
            .map(|g| work(items.get(g.clone()).unwrap_or_default()));
        let mut out = Vec::with_capacity(groups.len());
        out.extend(first);
        for h in handles {
            out.push(h.ok()?.join().ok()?);
        }
        Some(out)
    })
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
    fn runs_are_about_equal_and_keep_the_order() {
        let groups = split_even(&[10; 10], 3);
        assert_eq!(groups, [0..4, 4..7, 7..10]);
        assert_eq!(split_even(&[10; 10], 1), vec![Range { start: 0, end: 10 }]);
        assert_eq!(split_even(&[], 4), Vec::<Range<usize>>::new());
        // One heavy item does not leave later runs empty of the rest.
        let groups = split_even(&[100, 1, 1, 1], 2);
        assert_eq!(groups, [0..1, 1..4]);
        // More parts than items: one item each.
        assert_eq!(split_even(&[1, 1], 5), [0..1, 1..2]);
    }

    #[test]
    fn parts_give_their_results_in_order() {
        let items: Vec<usize> = (0..100).collect();
        let weights = vec![1; 100];
        let sums =
            map_parts(&items, &weights, 4, |part| part.iter().sum::<usize>()).expect("threads run");
        assert_eq!(sums.len(), 4);
        assert_eq!(sums.iter().sum::<usize>(), 4950);
        assert_eq!(sums.first(), Some(&(0..25).sum::<usize>()));
    }

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
