//! Everything Automap writes by itself goes under the one data folder that
//! `AUTOMAP_DATA_DIR` moves: settings (recent plans, last plan, panels),
//! recovery copies, crash reports and earlier versions of plans.
//! One test in its own binary: it sets the variable for the whole process.

use automap::storage::generations::Generations;
use automap::storage::recovery::{DATA_DIR_ENV, RecoveryStore};

#[test]
fn the_data_folder_variable_moves_settings_recovery_and_versions() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("automap-data");
    // SAFETY: this test binary has this one test, so no other thread reads
    // the environment while it is changed.
    unsafe { std::env::set_var(DATA_DIR_ENV, &dir) };

    let settings = automap::ui::settings_file().expect("a settings file");
    assert!(settings.starts_with(&dir), "{}", settings.display());
    assert!(
        dir.is_dir(),
        "the folder is made for the settings to be written"
    );

    let store = RecoveryStore::default_location().unwrap();
    assert_eq!(store.data_dir(), dir.as_path());
    let report = store.write_crash_report("test").unwrap();
    assert!(report.starts_with(&dir));

    let plans = tempfile::tempdir().unwrap();
    let plan = plans.path().join("shop.ron");
    std::fs::write(&plan, "(name: \"Shop\")").unwrap();
    let versions = Generations::default_location().unwrap();
    let kept = versions.keep_previous(&plan).unwrap().expect("a version");
    assert!(kept.starts_with(&dir), "{}", kept.display());
}
