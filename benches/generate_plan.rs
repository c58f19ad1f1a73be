//! Write a generated plan to a file, for measuring the app with a large plan
//! open: `cargo bench --bench generate_plan -- 200 50 /tmp/plan-10k.ron`
//! (200 workflows of 50 steps: 10,000 steps).

use automap::testing::generate_plan;
use std::process::ExitCode;

fn main() -> ExitCode {
    // `cargo bench` passes `--bench` to every bench target; skip flags.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let (Some(w), Some(m), Some(path)) = (
        args.first().and_then(|a| a.parse().ok()),
        args.get(1).and_then(|a| a.parse().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: generate_plan WORKFLOWS STEPS_PER_WORKFLOW FILE");
        return ExitCode::FAILURE;
    };
    let plan = generate_plan(w, m, 2026);
    match automap::storage::save(&plan, std::path::Path::new(path)) {
        Ok(()) => {
            println!("{path}: {} steps", plan.step_count());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
