//! Everything Automap writes by itself goes under the one data folder that
//! `AUTOMAP_DATA_DIR` moves: settings (recent plans, last plan, panels),
//! recovery copies, crash reports and earlier versions of plans.

use automap::storage::generations::Generations;
use automap::storage::recovery::{DATA_DIR_ENV, RecoveryStore};
use std::path::Path;

/// Set in the child process that runs the checks with the variable set.
const CHILD: &str = "AUTOMAP_DATA_DIR_TEST_CHILD";

#[test]
fn the_data_folder_variable_moves_settings_recovery_and_versions() {
    if let Some(dir) = std::env::var_os(CHILD) {
        checks(Path::new(&dir));
        return;
    }
    // The variable is set for a fresh run of this test alone, as a user would
    // set it before starting Automap.
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("automap-data");
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "the_data_folder_variable_moves_settings_recovery_and_versions",
            "--nocapture",
        ])
        .env(DATA_DIR_ENV, &dir)
        .env(CHILD, &dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("crash-reports").is_dir(), "the child wrote there");
}

fn checks(dir: &Path) {
    let settings = automap::ui::settings_file().expect("a settings file");
    assert!(settings.starts_with(dir), "{}", settings.display());
    assert!(
        dir.is_dir(),
        "the folder is made for the settings to be written"
    );

    let store = RecoveryStore::default_location().unwrap();
    assert_eq!(store.data_dir(), dir);
    let report = store.write_crash_report("test").unwrap();
    assert!(report.starts_with(dir));

    let plans = tempfile::tempdir().unwrap();
    let plan = plans.path().join("shop.ron");
    std::fs::write(&plan, "(name: \"Shop\")").unwrap();
    let versions = Generations::default_location().unwrap();
    let kept = versions.keep_previous(&plan).unwrap().expect("a version");
    assert!(kept.starts_with(dir), "{}", kept.display());
}
