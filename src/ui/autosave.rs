//! Autosave to a recovery copy, and the panic hook that leaves one behind.
//!
//! A few seconds after the owner stops editing, the plan is cloned and written
//! to its recovery copy on a background thread. The copy goes away after a
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
    delay: Duration,
    /// Revision seen on the last frame, and when it changed.
    seen: Option<u64>,
    changed_at: Instant,
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
            delay: AUTOSAVE_DELAY,
            seen: None,
            changed_at: Instant::now(),
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
        self.delay = delay;
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
    }

    /// Write the copy when edits have stopped for a moment. Returns an error
    /// message when the last background write failed.
    pub fn tick(&mut self, ctx: &egui::Context, doc: &Document) -> Option<String> {
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
            self.changed_at = Instant::now();
        }
        if !doc.is_dirty() || self.written == Some(rev) {
            return failure;
        }
        if self.job.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
            return failure;
        }
        let waited = self.changed_at.elapsed();
        if waited < self.delay {
            ctx.request_repaint_after(self.delay - waited);
            return failure;
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
