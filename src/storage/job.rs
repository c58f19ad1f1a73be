//! Opening and saving a plan on a background thread, so a window stays
//! responsive while a large plan is read or written.
//!
//! [`LoadJob::start`] reads, parses and checks a plan file on its own named
//! thread; [`LoadJob::progress`] says which phase it is in (and, while
//! reading, how many bytes of how many are read); [`LoadJob::poll`] hands
//! over the result once it is there. [`LoadJob::cancel`] (or dropping the
//! job) stops it: the result is thrown away and the file is only ever read.
//! [`SaveJob`] does the same for [`super::save_stamped`]; a save is never
//! stopped half-way (it is atomic either way), so it has no cancel.
//!
//! Nothing here knows about windows: `notify` is called from the worker
//! thread with the progress whenever the phase changes, as bytes are read
//! and when the result is ready, so a window can ask for a repaint.

use super::{FileStamp, LoadError, Loaded, SaveError, io_reason};
use crate::model::Plan;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};

/// What a background open or save is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Not started yet.
    Waiting,
    /// Open: reading the file's bytes.
    Reading,
    /// Open: parsing the text.
    Parsing,
    /// Open: checking the plan (validation, unknown fields).
    Checking,
    /// Save: writing the plan as text.
    Encoding,
    /// Save: writing the file (temporary file, sync, backup, rename).
    Writing,
    /// Finished; the result is ready (or was taken).
    Done,
}

impl Phase {
    const ALL: [Phase; 7] = [
        Phase::Waiting,
        Phase::Reading,
        Phase::Parsing,
        Phase::Checking,
        Phase::Encoding,
        Phase::Writing,
        Phase::Done,
    ];

    /// The phase in a few words, for a status line.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Waiting => "Starting",
            Phase::Reading => "Reading the file",
            Phase::Parsing => "Reading the plan",
            Phase::Checking => "Checking the plan",
            Phase::Encoding => "Writing the plan",
            Phase::Writing => "Saving the file",
            Phase::Done => "Done",
        }
    }

    fn index(self) -> u8 {
        Phase::ALL
            .iter()
            .position(|&p| p == self)
            .and_then(|i| u8::try_from(i).ok())
            .unwrap_or(0)
    }

    fn from_index(i: u8) -> Phase {
        Phase::ALL
            .get(usize::from(i))
            .copied()
            .unwrap_or(Phase::Waiting)
    }
}

/// A snapshot of a job's progress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub phase: Phase,
    /// Bytes read so far (open, while [`Phase::Reading`] and after).
    pub bytes_done: u64,
    /// The file's size when the job started (0 when unknown, and for saves).
    pub bytes_total: u64,
}

impl Progress {
    /// How far the job is, from 0.0 to 1.0: reading fills the first half
    /// (by bytes), parsing and checking the rest; a save is half done once
    /// its text is written.
    pub fn fraction(&self) -> f32 {
        let read = if self.bytes_total == 0 {
            0.0
        } else {
            (self.bytes_done as f64 / self.bytes_total as f64).min(1.0) as f32
        };
        match self.phase {
            Phase::Waiting => 0.0,
            Phase::Reading => 0.5 * read,
            Phase::Parsing => 0.55,
            Phase::Checking => 0.9,
            Phase::Encoding => 0.0,
            Phase::Writing => 0.5,
            Phase::Done => 1.0,
        }
    }
}

/// Shared between a job and its worker thread.
pub(super) struct Watch {
    phase: AtomicU8,
    bytes_done: AtomicU64,
    bytes_total: AtomicU64,
    cancelled: AtomicBool,
    notify: Box<dyn Fn(Progress) + Send + Sync>,
}

impl Watch {
    fn new(notify: Box<dyn Fn(Progress) + Send + Sync>) -> Self {
        Watch {
            phase: AtomicU8::new(Phase::Waiting.index()),
            bytes_done: AtomicU64::new(0),
            bytes_total: AtomicU64::new(0),
            cancelled: AtomicBool::new(false),
            notify,
        }
    }

    fn progress(&self) -> Progress {
        Progress {
            phase: Phase::from_index(self.phase.load(Ordering::Acquire)),
            bytes_done: self.bytes_done.load(Ordering::Relaxed),
            bytes_total: self.bytes_total.load(Ordering::Relaxed),
        }
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// Tell `watch` (if any) that the work entered `phase`.
pub(super) fn enter(watch: Option<&Watch>, phase: Phase) {
    if let Some(w) = watch {
        let before = w.phase.swap(phase.index(), Ordering::AcqRel);
        if before != phase.index() {
            (w.notify)(w.progress());
        }
    }
}

/// Bytes read between two progress updates and cancel checks.
const CHUNK: usize = 256 * 1024;

/// Read everything from `from` into `bytes`, telling `watch` the bytes read
/// (of `total`) and stopping with an error once it is cancelled.
pub(super) fn read_watched(
    mut from: impl Read,
    bytes: &mut Vec<u8>,
    watch: Option<&Watch>,
    total: u64,
) -> std::io::Result<usize> {
    let Some(watch) = watch else {
        return from.read_to_end(bytes);
    };
    watch.bytes_total.store(total, Ordering::Relaxed);
    enter(Some(watch), Phase::Reading);
    let mut read = 0;
    loop {
        if watch.is_cancelled() {
            return Err(std::io::Error::other("the open was cancelled"));
        }
        let n = (&mut from).take(CHUNK as u64).read_to_end(bytes)?;
        if n == 0 {
            return Ok(read);
        }
        read += n;
        watch.bytes_done.store(read as u64, Ordering::Relaxed);
        (watch.notify)(watch.progress());
    }
}

/// Start a named worker thread that runs `work` and sends its result.
fn spawn<R: Send + 'static>(
    name: &str,
    watch: &Arc<Watch>,
    work: impl FnOnce(&Watch) -> R + Send + 'static,
) -> std::io::Result<Receiver<R>> {
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    let watch = Arc::clone(watch);
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            let result = work(&watch);
            if !watch.is_cancelled() {
                // The job may have been dropped meanwhile: then nobody wants it.
                let _ = send.send(result);
            }
            enter(Some(&watch), Phase::Done);
        })?;
    Ok(receive)
}

/// The result of a worker thread, taken once; a thread that ends without
/// one (it panicked) gives `gone(path)`.
struct Outcome<T, E> {
    path: PathBuf,
    result: Receiver<Result<T, E>>,
    finished: bool,
    gone: fn(&Path) -> E,
}

impl<T, E> Outcome<T, E> {
    fn new(path: PathBuf, result: Receiver<Result<T, E>>, gone: fn(&Path) -> E) -> Self {
        Self {
            path,
            result,
            finished: false,
            gone,
        }
    }

    fn poll(&mut self) -> Option<Result<T, E>> {
        if self.finished {
            return None;
        }
        match self.result.try_recv() {
            Ok(result) => {
                self.finished = true;
                Some(result)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.finished = true;
                Some(Err((self.gone)(&self.path)))
            }
        }
    }

    fn wait_for(&mut self, time: std::time::Duration) -> Option<Result<T, E>> {
        if self.finished {
            return None;
        }
        match self.result.recv_timeout(time) {
            Ok(result) => {
                self.finished = true;
                Some(result)
            }
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                self.finished = true;
                Some(Err((self.gone)(&self.path)))
            }
        }
    }

    fn wait(&self) -> Result<T, E> {
        self.result
            .recv()
            .unwrap_or_else(|_| Err((self.gone)(&self.path)))
    }
}

/// A plan file being opened on a background thread.
pub struct LoadJob {
    watch: Arc<Watch>,
    outcome: Outcome<(Loaded, FileStamp), LoadError>,
}

impl LoadJob {
    /// Start opening `path` on a thread named `automap-open`, as
    /// [`super::load_stamped`] does. `notify` is called from that thread
    /// when the phase changes, as bytes are read and when the result is
    /// ready.
    pub fn start(
        path: impl Into<PathBuf>,
        notify: impl Fn(Progress) + Send + Sync + 'static,
    ) -> Result<LoadJob, LoadError> {
        let path = path.into();
        let watch = Arc::new(Watch::new(Box::new(notify)));
        let for_thread = path.clone();
        let result = spawn("automap-open", &watch, move |w| {
            super::load_watched(&for_thread, Some(w))
        })
        .map_err(|source| LoadError::Read {
            file: path.display().to_string(),
            reason: io_reason(&source),
            what_to_do: "Try again; close other programs if the computer is busy.".to_owned(),
            source,
        })?;
        Ok(LoadJob {
            watch,
            outcome: Outcome::new(path, result, gone),
        })
    }

    /// The file being opened.
    pub fn path(&self) -> &Path {
        &self.outcome.path
    }

    /// Where the job is now.
    pub fn progress(&self) -> Progress {
        self.watch.progress()
    }

    /// The result, once it is there (then `Some` once, `None` before and after).
    pub fn poll(&mut self) -> Option<Result<(Loaded, FileStamp), LoadError>> {
        self.outcome.poll()
    }

    /// Wait at most `time` for the result; `None` if it is not there by then
    /// (or was already taken).
    pub fn wait_for(
        &mut self,
        time: std::time::Duration,
    ) -> Option<Result<(Loaded, FileStamp), LoadError>> {
        self.outcome.wait_for(time)
    }

    /// Wait for the result (for the command line and tests).
    pub fn wait(self) -> Result<(Loaded, FileStamp), LoadError> {
        self.outcome.wait()
    }

    /// Stop opening: the file is left as it is and the result is thrown
    /// away. Reading stops at once; a parse already under way runs to its
    /// end on the worker thread, unseen.
    pub fn cancel(self) {
        drop(self);
    }
}

impl Drop for LoadJob {
    fn drop(&mut self) {
        self.watch.cancelled.store(true, Ordering::Relaxed);
    }
}

fn gone(path: &Path) -> LoadError {
    LoadError::Read {
        file: path.display().to_string(),
        reason: "the reading stopped unexpectedly".to_owned(),
        what_to_do: "Try again.".to_owned(),
        source: std::io::Error::other("worker thread ended without a result"),
    }
}

/// A plan being saved on a background thread.
pub struct SaveJob {
    watch: Arc<Watch>,
    outcome: Outcome<FileStamp, SaveError>,
}

impl SaveJob {
    /// Start saving `plan` to `path` on a thread named `automap-save`, as
    /// [`super::save_stamped`] does (atomic, keeps the backup). The plan is
    /// the one at the moment of the call: later edits are not in this save.
    /// Dropping the job does not stop the save.
    pub fn start(
        plan: Plan,
        path: impl Into<PathBuf>,
        notify: impl Fn(Progress) + Send + Sync + 'static,
    ) -> Result<SaveJob, SaveError> {
        let path = path.into();
        let watch = Arc::new(Watch::new(Box::new(notify)));
        let for_thread = path.clone();
        let result = spawn("automap-save", &watch, move |w| {
            super::save_watched(&plan, &for_thread, Some(w))
        })
        .map_err(|source| SaveError::Io {
            file: path.display().to_string(),
            reason: io_reason(&source),
            file_state: "The file on disk was not changed.".to_owned(),
            what_to_do: "Try again; close other programs if the computer is busy.".to_owned(),
            source,
        })?;
        Ok(SaveJob {
            watch,
            outcome: Outcome::new(path, result, save_gone),
        })
    }

    /// The file being written.
    pub fn path(&self) -> &Path {
        &self.outcome.path
    }

    /// Where the job is now.
    pub fn progress(&self) -> Progress {
        self.watch.progress()
    }

    /// The result, once it is there (then `Some` once, `None` before and after).
    pub fn poll(&mut self) -> Option<Result<FileStamp, SaveError>> {
        self.outcome.poll()
    }

    /// Wait at most `time` for the result; `None` if it is not there by then
    /// (or was already taken).
    pub fn wait_for(&mut self, time: std::time::Duration) -> Option<Result<FileStamp, SaveError>> {
        self.outcome.wait_for(time)
    }

    /// Wait for the result.
    pub fn wait(self) -> Result<FileStamp, SaveError> {
        self.outcome.wait()
    }
}

fn save_gone(path: &Path) -> SaveError {
    let file_state = if path.exists() {
        "The file on disk was not changed."
    } else {
        "Nothing was written."
    };
    SaveError::Io {
        file: path.display().to_string(),
        reason: "the saving stopped unexpectedly".to_owned(),
        file_state: file_state.to_owned(),
        what_to_do: "Save again.".to_owned(),
        source: std::io::Error::other("worker thread ended without a result"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::time::Duration;

    fn plan_text(workflows: usize, steps: usize) -> (Plan, String) {
        let plan = crate::testing::generate_plan(workflows, steps, 5);
        let text = super::super::to_ron(&plan);
        (plan, text)
    }

    fn wait_for<T>(mut poll: impl FnMut() -> Option<T>) -> T {
        let start = std::time::Instant::now();
        loop {
            if let Some(v) = poll() {
                return v;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the job never finished"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Every progress the worker reports, in order.
    fn recorder() -> (
        Arc<Mutex<Vec<Progress>>>,
        impl Fn(Progress) + Send + Sync + 'static,
    ) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let into = Arc::clone(&seen);
        (seen, move |p| into.lock().unwrap().push(p))
    }

    /// The phases in `seen`, each once.
    fn phases(seen: &Mutex<Vec<Progress>>) -> Vec<Phase> {
        let mut out: Vec<Phase> = Vec::new();
        for p in seen.lock().unwrap().iter() {
            if out.last() != Some(&p.phase) {
                out.push(p.phase);
            }
        }
        out
    }

    #[test]
    fn a_background_open_goes_through_its_phases_and_gives_what_load_gives() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        // Over one chunk, so reading reports bytes more than once.
        let (plan, text) = plan_text(12, 60);
        assert!(text.len() > 2 * CHUNK, "{} bytes", text.len());
        std::fs::write(&path, &text).unwrap();
        let (seen, notify) = recorder();
        let mut job = LoadJob::start(&path, notify).unwrap();
        assert_eq!(job.path(), path);
        let (loaded, stamp) = wait_for(|| job.poll()).expect("the plan loads");
        assert_eq!(loaded.plan, plan);
        assert!(stamp.matches(&path));
        assert_eq!(
            (loaded, stamp),
            crate::storage::load_stamped(&path).unwrap()
        );
        assert!(job.poll().is_none(), "the result is handed over once");
        wait_for(|| (job.progress().phase == Phase::Done).then_some(()));
        let last = job.progress();
        assert_eq!(last.bytes_done, text.len() as u64);
        assert_eq!(last.bytes_total, text.len() as u64);
        assert_eq!(last.fraction(), 1.0);
        assert_eq!(
            phases(&seen),
            [Phase::Reading, Phase::Parsing, Phase::Checking, Phase::Done]
        );
        // While reading, the bytes read grow chunk by chunk up to the size.
        let read: Vec<u64> = seen
            .lock()
            .unwrap()
            .iter()
            .filter(|p| p.phase == Phase::Reading)
            .map(|p| p.bytes_done)
            .collect();
        assert!(read.len() >= 3, "{read:?}");
        assert!(read.windows(2).all(|w| w[0] <= w[1]), "{read:?}");
        assert_eq!(read.last(), Some(&(text.len() as u64)));
    }

    #[test]
    fn a_background_open_reports_the_same_errors_as_load() {
        let dir = tempfile::tempdir().unwrap();
        let broken = dir.path().join("broken.ron");
        std::fs::write(&broken, "(name: \"Shop\", workflows: [").unwrap();
        let missing = dir.path().join("missing.ron");
        for path in [broken, missing] {
            let job = LoadJob::start(&path, |_| {}).unwrap();
            let background = job.wait().expect_err("refused").to_string();
            let direct = crate::storage::load(&path)
                .expect_err("refused")
                .to_string();
            assert_eq!(background, direct);
        }
    }

    #[test]
    fn reading_stops_at_the_next_chunk_once_cancelled() {
        /// A file that asks to cancel as soon as it is first read from.
        struct CancelOnRead<'a>(&'a [u8], &'a AtomicBool);
        impl Read for CancelOnRead<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.1.store(true, Ordering::Relaxed);
                self.0.read(buf)
            }
        }
        let data = vec![b' '; 3 * CHUNK];
        let watch = Watch::new(Box::new(|_| {}));
        let mut bytes = Vec::new();
        let from = CancelOnRead(&data, &watch.cancelled);
        let err =
            read_watched(from, &mut bytes, Some(&watch), data.len() as u64).expect_err("cancelled");
        assert_eq!(err.kind(), std::io::ErrorKind::Other);
        assert_eq!(bytes.len(), CHUNK, "one chunk read, then it stopped");
        assert_eq!(watch.progress().bytes_done, CHUNK as u64);
    }

    #[test]
    fn a_cancelled_open_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let (_, text) = plan_text(4, 60);
        std::fs::write(&path, &text).unwrap();
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        let (done_send, done) = std::sync::mpsc::channel();
        let done_send = Mutex::new(done_send);
        let job = LoadJob::start(&path, move |p| {
            if p.phase == Phase::Done {
                let _ = done_send.lock().unwrap().send(());
            }
        })
        .unwrap();
        job.cancel();
        done.recv_timeout(Duration::from_secs(60))
            .expect("the worker ends");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            before
        );
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no file was added");
    }

    #[test]
    fn a_background_save_writes_what_save_writes_and_keeps_the_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let (old, old_text) = plan_text(1, 3);
        crate::storage::save(&old, &path).unwrap();
        let (plan, text) = plan_text(3, 20);
        let (seen, notify) = recorder();
        let mut job = SaveJob::start(plan, &path, notify).unwrap();
        assert_eq!(job.path(), path);
        let stamp = job
            .wait_for(Duration::from_secs(60))
            .expect("finished")
            .expect("saved");
        assert!(job.wait_for(Duration::ZERO).is_none(), "handed over once");
        assert!(stamp.matches(&path));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        assert_eq!(
            std::fs::read_to_string(crate::storage::backup_path(&path)).unwrap(),
            old_text
        );
        wait_for(|| (job.progress().phase == Phase::Done).then_some(()));
        assert_eq!(
            phases(&seen),
            [Phase::Encoding, Phase::Writing, Phase::Done]
        );
    }

    #[test]
    fn a_failed_background_save_says_why_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no such folder").join("plan.ron");
        let (plan, _) = plan_text(1, 3);
        let err = SaveJob::start(plan.clone(), &path, |_| {})
            .unwrap()
            .wait()
            .expect_err("the folder is missing");
        let direct = crate::storage::save(&plan, &path).expect_err("the folder is missing");
        assert_eq!(err.to_string(), direct.to_string());
        assert!(!path.exists());
    }

    #[test]
    fn workers_are_named() {
        let (send, names) = std::sync::mpsc::channel();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let (plan, _) = plan_text(1, 3);
        let s = Mutex::new(send.clone());
        SaveJob::start(plan, &path, move |_| {
            let name = std::thread::current().name().map(str::to_owned);
            let _ = s.lock().unwrap().send(name);
        })
        .unwrap()
        .wait()
        .unwrap();
        let s = Mutex::new(send);
        LoadJob::start(&path, move |_| {
            let name = std::thread::current().name().map(str::to_owned);
            let _ = s.lock().unwrap().send(name);
        })
        .unwrap()
        .wait()
        .unwrap();
        // Both senders are gone once their threads end.
        let names: std::collections::BTreeSet<String> = names.iter().flatten().collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        assert_eq!(names, ["automap-open", "automap-save"]);
    }

    #[test]
    fn progress_fraction_grows_with_the_phases() {
        let at = |phase, done| Progress {
            phase,
            bytes_done: done,
            bytes_total: 100,
        };
        let fractions = [
            at(Phase::Waiting, 0).fraction(),
            at(Phase::Reading, 10).fraction(),
            at(Phase::Reading, 100).fraction(),
            at(Phase::Parsing, 100).fraction(),
            at(Phase::Checking, 100).fraction(),
            at(Phase::Done, 100).fraction(),
        ];
        assert!(fractions.windows(2).all(|w| w[0] < w[1]), "{fractions:?}");
        assert_eq!(fractions[0], 0.0);
        assert_eq!(fractions[5], 1.0);
        for p in Phase::ALL {
            assert_eq!(Phase::from_index(p.index()), p);
        }
    }
}
