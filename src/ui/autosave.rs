//! Autosave to a recovery copy, and the panic hook that leaves one behind.
//!
//! A few seconds after the owner stops editing, the plan is cloned and written
//! to its recovery copy on a background thread; while edits go on without a
//! pause, a copy is still written at most [`AUTOSAVE_MAX_WAIT`] after the
//! first edit not yet in a copy. The copy goes away after a
//! successful save or an explicit "discard". If the program panics, the hook
//! writes the last autosaved snapshot again plus a short crash report, and the
//! next start offers to restore it.

use std::path::PathBuf;
use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::edit::Document;
use crate::model::Plan;
use crate::storage::recovery::{RecoveryError, RecoveryKey, RecoveryStore};

/// Quiet time after the last edit before the recovery copy is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// Longest time an edit waits for its recovery copy, even while edits continue.
pub const AUTOSAVE_MAX_WAIT: Duration = Duration::from_secs(5);

/// When the next recovery copy is due: after [`AUTOSAVE_DELAY`] without
/// edits, and never more than [`AUTOSAVE_MAX_WAIT`] after the first edit
/// not yet written. Takes the time as an argument, so tests can run a
/// simulated clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Debounce {
    pub delay: Duration,
    pub max_wait: Duration,
    last_change: Option<Instant>,
    first_unwritten: Option<Instant>,
}

impl Default for Debounce {
    fn default() -> Self {
        Self::new(AUTOSAVE_DELAY, AUTOSAVE_MAX_WAIT)
    }
}

impl Debounce {
    pub fn new(delay: Duration, max_wait: Duration) -> Self {
        Self {
            delay,
            max_wait,
            last_change: None,
            first_unwritten: None,
        }
    }

    /// An edit happened at `now`.
    pub fn changed(&mut self, now: Instant) {
        self.last_change = Some(now);
        self.first_unwritten.get_or_insert(now);
    }

    /// How long until a copy is due (zero: write now); `None` when no edit waits.
    pub fn due_in(&self, now: Instant) -> Option<Duration> {
        let first = self.first_unwritten?;
        let last = self.last_change.unwrap_or(first);
        let quiet = (last + self.delay).saturating_duration_since(now);
        let cap = (first + self.max_wait).saturating_duration_since(now);
        Some(quiet.min(cap))
    }

    /// A copy of every edit so far is being written (or nothing needs one).
    pub fn written(&mut self) {
        self.first_unwritten = None;
    }
}

/// The last plan handed to autosave, for the panic hook.
static SNAPSHOT: Mutex<Option<Snapshot>> = Mutex::new(None);

struct Snapshot {
    store: RecoveryStore,
    key: RecoveryKey,
    plan: Plan,
}

/// Autosave state of the open plan.
pub struct Autosave {
    store: Option<RecoveryStore>,
    key: RecoveryKey,
    debounce: Debounce,
    /// Revision seen on the last frame.
    seen: Option<u64>,
    /// Revision whose copy is on disk (or being written).
    written: Option<u64>,
    job: Option<JoinHandle<Result<PathBuf, RecoveryError>>>,
}

impl Autosave {
    /// Autosave into `store` (`None`: no recovery copies, e.g. no data folder).
    pub fn new(store: Option<RecoveryStore>, key: RecoveryKey) -> Self {
        Self {
            store,
            key,
            debounce: Debounce::default(),
            seen: None,
            written: None,
            job: None,
        }
    }

    pub fn disabled() -> Self {
        Self::new(None, RecoveryKey::new_untitled())
    }

    pub fn store(&self) -> Option<&RecoveryStore> {
        self.store.as_ref()
    }

    pub fn set_delay(&mut self, delay: Duration) {
        self.debounce.delay = delay;
        self.debounce.max_wait = self.debounce.max_wait.max(delay);
    }

    /// The open plan now belongs to another file (opened, new, saved as).
    /// The old copy is removed when `discard_old` (its plan was saved or thrown away).
    pub fn set_key(&mut self, key: RecoveryKey, discard_old: bool) {
        self.finish_job();
        if discard_old && key != self.key {
            self.discard();
        }
        self.key = key;
        self.written = None;
        self.seen = None;
        self.debounce.written();
    }

    /// Write the copy when edits have stopped for a moment. Returns an error
    /// message when the last background write failed.
    pub fn tick(&mut self, ctx: &egui::Context, doc: &Document) -> Option<String> {
        self.tick_at(ctx, doc, Instant::now())
    }

    /// [`Autosave::tick`] at a given time (tests run a simulated clock).
    pub fn tick_at(&mut self, ctx: &egui::Context, doc: &Document, now: Instant) -> Option<String> {
        let mut failure = None;
        if self.job.as_ref().is_some_and(JoinHandle::is_finished)
            && let Some(job) = self.job.take()
        {
            match job.join() {
                Ok(Ok(_)) => {}
                Ok(Err(e)) => failure = Some(format!("The recovery copy could not be written. {e}")),
                Err(_) => failure = Some("Writing the recovery copy stopped unexpectedly; save the plan to keep your changes.".to_owned()),
            }
        }
        let Some(store) = &self.store else {
            return failure;
        };
        let rev = doc.revision();
        if self.seen != Some(rev) {
            self.seen = Some(rev);
            self.debounce.changed(now);
        }
        if !doc.is_dirty() || self.written == Some(rev) {
            self.debounce.written();
            return failure;
        }
        if self.job.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
            return failure;
        }
        match self.debounce.due_in(now) {
            Some(wait) if wait.is_zero() => {}
            Some(wait) => {
                ctx.request_repaint_after(wait);
                return failure;
            }
            None => return failure,
        }
        // Cloning a plan costs well under a millisecond at the sizes owners draw.
        let plan = doc.plan().clone();
        if let Ok(mut snap) = SNAPSHOT.lock() {
            *snap = Some(Snapshot {
                store: store.clone(),
                key: self.key.clone(),
                plan: plan.clone(),
            });
        }
        let store = store.clone();
        let key = self.key.clone();
        let ctx2 = ctx.clone();
        let job = std::thread::Builder::new()
            .name("autosave".to_owned())
            .spawn(move || {
                let r = store.write(&key, &plan);
                ctx2.request_repaint();
                r
            });
        match job {
            Ok(handle) => {
                self.job = Some(handle);
                self.written = Some(rev);
                self.debounce.written();
            }
            Err(e) => {
                failure = Some(format!(
                    "The recovery copy could not be written: the system could not start the work ({e})."
                ))
            }
        }
        failure
    }

    /// A background write is under way.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Wait for a write in flight (so a later discard is not undone by it).
    pub fn finish_job(&mut self) {
        if let Some(job) = self.job.take() {
            let _ = job.join();
        }
    }

    /// The plan was saved or its changes thrown away: remove its recovery copy.
    pub fn discard(&mut self) {
        self.finish_job();
        if let Some(store) = &self.store
            && let Err(e) = store.discard(&self.key)
        {
            log::warn!("{e}");
        }
        self.written = None;
        if let Ok(mut snap) = SNAPSHOT.lock()
            && snap.as_ref().is_some_and(|s| s.key == self.key)
        {
            *snap = None;
        }
    }
}

/// Install the panic hook: write the last autosaved plan and a short crash
/// report, then let the default hook print the panic.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let mut report = format!(
            "Automap {} stopped unexpectedly.\n\n{info}\n",
            env!("CARGO_PKG_VERSION")
        );
        // try_lock: the panic may have happened while the lock was held.
        if let Ok(snap) = SNAPSHOT.try_lock()
            && let Some(s) = snap.as_ref()
        {
            match s.store.write(&s.key, &s.plan) {
                Ok(path) => report.push_str(&format!(
                    "\nThe last autosaved copy of \"{}\" is in {}.\n",
                    s.plan.name,
                    path.display()
                )),
                Err(e) => {
                    report.push_str(&format!("\nThe recovery copy could not be written: {e}\n"))
                }
            }
            if let Err(e) = s.store.write_crash_report(&report) {
                eprintln!("{e}");
            }
        } else if let Err(e) = crate::storage::recovery::write_crash_report(&report) {
            eprintln!("{e}");
        }
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steady_typing_still_gets_a_copy_every_five_seconds() {
        // An edit every half second for 12 s, checked every 100 ms: without
        // the max wait the copy would wait for a pause that never comes.
        let start = Instant::now();
        let mut d = Debounce::default();
        let mut writes = Vec::new();
        for tick in 0..=120u64 {
            let t = Duration::from_millis(tick * 100);
            let now = start + t;
            if tick % 5 == 0 {
                d.changed(now);
            }
            if d.due_in(now).is_some_and(|w| w.is_zero()) {
                d.written();
                writes.push(t.as_millis());
            }
        }
        // At 5 s; then at most 5 s after the next edit (5.5 s), not later.
        assert_eq!(writes, vec![5000, 10_500]);
        // After the typing stops, the quiet delay writes the rest.
        let end = start + Duration::from_secs(12);
        assert_eq!(d.due_in(end), Some(Duration::from_secs(2)));
        assert_eq!(d.due_in(end + Duration::from_secs(2)), Some(Duration::ZERO));
    }

    #[test]
    fn a_killed_session_loses_at_most_five_seconds_of_steady_edits() {
        use crate::edit::Edit;
        let dir = tempfile::tempdir().expect("a temporary folder");
        let store = RecoveryStore::new(dir.path());
        let key = RecoveryKey::new_untitled();
        let mut autosave = Autosave::new(Some(store.clone()), key.clone());
        let ctx = egui::Context::default();
        let mut doc = Document::new(Plan::new("Typing"));
        let start = Instant::now();
        let mut last_value = 0.0;
        for tick in 0..=120u32 {
            let now = start + Duration::from_millis(u64::from(tick) * 100);
            if tick % 5 == 0 {
                let mut method = doc.plan().method.clone();
                method.high_frequency_per_day = f64::from(tick) + 1.0;
                last_value = method.high_frequency_per_day;
                assert!(
                    doc.apply("Change a threshold", Edit::SetMethod(method))
                        .is_ok()
                );
            }
            assert_eq!(autosave.tick_at(&ctx, &doc, now), None);
            autosave.finish_job();
        }
        // "kill -9" now, at 12 s: the copy on disk has the edits up to 10.5 s.
        let copies = store.list();
        assert_eq!(copies.len(), 1);
        let Ok(copy) = store.restore(&copies[0]) else {
            panic!("the copy reads back")
        };
        assert_eq!(copy.plan.method.high_frequency_per_day, 106.0);
        assert_eq!(last_value, 121.0);
    }

    #[test]
    fn a_panic_leaves_the_last_snapshot_and_a_crash_report() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("temp dir")
        };
        let store = RecoveryStore::new(dir.path());
        if let Ok(mut snap) = SNAPSHOT.lock() {
            *snap = Some(Snapshot {
                store: store.clone(),
                key: RecoveryKey::new_untitled(),
                plan: Plan::new("Plan open at the crash"),
            });
        }
        install_panic_hook();
        let result = std::panic::catch_unwind(|| panic!("boom in a test"));
        // Back to the default hook for the other tests.
        drop(std::panic::take_hook());
        if let Ok(mut snap) = SNAPSHOT.lock() {
            *snap = None;
        }
        assert!(result.is_err());

        let copies = store.list();
        assert_eq!(copies.len(), 1);
        assert_eq!(copies[0].plan_name, "Plan open at the crash");
        let reports = store.crash_reports();
        assert!(
            reports
                .iter()
                .any(|r| r.text.contains("boom in a test")
                    && r.text.contains("Plan open at the crash")),
            "{reports:?}"
        );
    }
}
