//! Saving and recovering never lose work: recovery is decided by content,
//! earlier versions are kept in the data folder, a save never writes a file
//! the next open would refuse, and a save never replaces a pipe or a device.

use automap::model::Plan;
use automap::storage::generations::{GENERATIONS_KEPT, Generations};
use automap::storage::recovery::{RecoveryKey, RecoveryStore};
use automap::storage::{self, HandEdits, Newer};
use std::path::Path;
use std::time::{Duration, SystemTime};

fn example_text() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("plans")
            .join("order-fulfillment.ron"),
    )
    .unwrap()
}

fn example_plan() -> Plan {
    storage::from_str(&example_text(), "order-fulfillment.ron")
        .unwrap()
        .plan
}

/// Give `path` a modification time, as `touch -d` would.
fn set_mtime(path: &Path, t: SystemTime) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(t).unwrap();
}

#[test]
fn a_touched_plan_file_does_not_hide_its_recovery_copy() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let plans = tempfile::tempdir().unwrap();
    let saved = plans.path().join("shop.ron");
    let plan = example_plan();
    storage::save(&plan, &saved).unwrap();

    // Edits not saved, then a crash: the copy holds them.
    let mut edited = plan.clone();
    edited.name = "Edited, never saved".into();
    let key = RecoveryKey::for_file(&saved);
    let written = SystemTime::now() - Duration::from_secs(600);
    store.write_at(&key, &edited, written).unwrap();

    // A sync tool (or `touch`, or `git pull`) gives the file a newer time.
    set_mtime(&saved, SystemTime::now());
    let offers = store.take_offers();
    assert_eq!(offers.len(), 1, "the copy is still offered");
    assert_eq!(offers[0].newer(), Newer::File);
    assert!(
        offers[0]
            .describe(SystemTime::now())
            .contains("was changed after this copy was made, and differs from it"),
        "{}",
        offers[0].describe(SystemTime::now())
    );

    // While the owner decides, the running app autosaves and saves the same
    // plan: the offered copy is not touched.
    store.write(&key, &plan).unwrap();
    store.discard(&key).unwrap();
    storage::save(&plan, &saved).unwrap();
    let still = store.list();
    assert_eq!(still.len(), 1, "{still:?}");
    assert_eq!(store.restore(&still[0]).unwrap().plan, edited);

    // Only the owner's choice removes it.
    store.discard_copy(&offers[0]).unwrap();
    assert!(store.list().is_empty());
}

#[test]
fn a_copy_equal_to_its_file_is_not_offered_and_a_newer_copy_says_so() {
    let data = tempfile::tempdir().unwrap();
    let store = RecoveryStore::new(data.path());
    let plans = tempfile::tempdir().unwrap();
    let saved = plans.path().join("shop.ron");
    let plan = example_plan();
    storage::save(&plan, &saved).unwrap();
    let key = RecoveryKey::for_file(&saved);

    // Same plan as the file, even written later: nothing to recover.
    store
        .write_at(&key, &plan, SystemTime::now() + Duration::from_secs(60))
        .unwrap();
    assert!(store.offers().is_empty());

    // Different plan, written after the file: offered, the copy is newer.
    let mut edited = plan.clone();
    edited.name = "Edited".into();
    store
        .write_at(&key, &edited, SystemTime::now() + Duration::from_secs(60))
        .unwrap();
    let offers = store.take_offers();
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].newer(), Newer::Copy);
    // Restoring makes it the plan's live copy again: the next save removes it.
    let adopted = store.adopt(&offers[0]).unwrap();
    assert_eq!(adopted.file, store.path_for(&key));
    store.discard(&key).unwrap();
    assert!(store.list().is_empty());

    // The file is gone: the copy is offered.
    store.write(&key, &edited).unwrap();
    std::fs::remove_file(&saved).unwrap();
    let offers = store.offers();
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].newer(), Newer::NoFile);
}

#[test]
fn the_last_five_versions_are_kept_and_a_hand_edit_survives_two_saves() {
    let data = tempfile::tempdir().unwrap();
    let versions = Generations::new(data.path());
    let plans = tempfile::tempdir().unwrap();
    let path = plans.path().join("shop.ron");

    // A hand-edited plan: a comment and a misspelt field.
    let hand = storage::to_ron(&example_plan()).replacen(
        "(\n",
        "// Checked by Sam on Monday\n(\n    nmae_typo: \"keep me\",\n",
        1,
    );
    std::fs::write(&path, &hand).unwrap();
    let loaded = storage::load(&path).unwrap();
    let edits = HandEdits::of_file(&path, &loaded.problems);
    assert_eq!(edits.comment_lines, vec![1]);
    assert_eq!(edits.unknown_fields.len(), 1, "{:?}", loaded.problems);
    assert!(
        edits
            .warning(&path)
            .is_some_and(|w| w.contains("saving will drop the comment on line 1 and 1 field")),
        "{:?}",
        edits.warning(&path)
    );

    // Two saves: the .bak no longer has the hand edits, the versions do.
    let mut plan = loaded.plan;
    let start = SystemTime::now();
    for i in 0..2u64 {
        versions
            .keep_previous_at(&path, start + Duration::from_secs(i))
            .unwrap();
        plan.name = format!("Save {i}");
        storage::save(&plan, &path).unwrap();
    }
    let bak = std::fs::read_to_string(storage::backup_path(&path)).unwrap();
    assert!(!bak.contains("Checked by Sam"));
    let kept = versions.list(&path);
    assert_eq!(kept.len(), 2);
    let oldest = kept.last().unwrap();
    assert_eq!(std::fs::read_to_string(&oldest.file).unwrap(), hand);
    assert!(versions.restore(oldest).is_ok());

    // The file's content now becomes a version once; asking again adds none.
    assert_eq!(
        versions
            .keep_previous_at(&path, start + Duration::from_secs(10))
            .unwrap(),
        versions.list(&path).first().map(|g| g.file.clone())
    );
    assert_eq!(versions.list(&path).len(), 3);
    assert_eq!(
        versions
            .keep_previous_at(&path, start + Duration::from_secs(11))
            .unwrap(),
        None,
        "unchanged since the last version"
    );

    // Many saves: only the newest five are kept, newest first.
    for i in 2..10u64 {
        plan.name = format!("Save {i}");
        storage::save(&plan, &path).unwrap();
        versions
            .keep_previous_at(&path, start + Duration::from_secs(20 + i))
            .unwrap();
    }
    let kept = versions.list(&path);
    assert_eq!(kept.len(), GENERATIONS_KEPT);
    assert!(kept.windows(2).all(|w| w[0].replaced > w[1].replaced));
    assert_eq!(
        versions.restore(&kept[0]).unwrap().plan.name,
        "Save 9",
        "the newest version first"
    );
    // Found again from the plan's path alone, by a new store on the same folder.
    assert_eq!(Generations::new(data.path()).list(&path), kept);
    // Another plan has versions of its own.
    assert!(versions.list(&plans.path().join("other.ron")).is_empty());
}

#[test]
fn a_plan_too_large_to_open_again_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let small = example_plan();
    storage::save(&small, &path).unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut big = small.clone();
    big.name = "x".repeat(usize::try_from(storage::MAX_FILE_BYTES).unwrap() + 1);
    let e = storage::save(&big, &path).unwrap_err().to_string();
    assert!(
        e.starts_with(&format!(
            "Could not save {}: the plan would take 50 MB on disk, more than the 50 MB Automap opens",
            path.display()
        )),
        "{e}"
    );
    assert!(e.contains("The file on disk was not changed."), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // Close to the limit, a save warns.
    assert!(storage::size_warning(storage::MAX_FILE_BYTES - 1).is_some());
    assert!(storage::size_warning(before.len() as u64).is_none());
}

#[cfg(unix)]
#[test]
fn a_plan_is_never_saved_into_a_pipe_or_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.ron");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
    );
    // No reader is waiting: a save that opened the pipe would hang here.
    let e = storage::save(&example_plan(), &fifo)
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with(&format!(
            "Could not save {}: it is a named pipe (FIFO), not a file.",
            fifo.display()
        )),
        "{e}"
    );
    let meta = std::fs::symlink_metadata(&fifo).unwrap();
    assert!(meta.file_type().is_fifo());
    assert!(!storage::backup_path(&fifo).exists());
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_owner_of_the_file() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("theirs.ron");
    storage::save(&example_plan(), &path).unwrap();
    // Only a process allowed to give files away (root) can set this up, and
    // only such a process could leave the plan owned by itself.
    if std::os::unix::fs::chown(&path, Some(4321), Some(4321)).is_err() {
        return;
    }
    let mut plan = example_plan();
    plan.name = "Saved by root".into();
    storage::save(&plan, &path).unwrap();
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
    assert_eq!(storage::load(&path).unwrap().plan.name, "Saved by root");
}
