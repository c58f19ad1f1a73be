#![deny(clippy::unwrap_used, clippy::expect_used)]
use clap::Parser;

use automap::cli::{Cli, run_command};

fn main() {
    let cli = Cli::parse();
    // The threads that share the analysis and export of large plans carry a
    // name, as every thread of the app does (crash reports, profilers).
    // Failing only means the pool was already set up.
    let _ = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("automap-work-{i}"))
        .build_global();
    let code = match &cli.command {
        Some(command) => {
            // A command never shows a backtrace: an internal error is one plain sentence.
            std::panic::set_hook(Box::new(|info| {
                let place = info
                    .location()
                    .map(|l| format!(" (at {}:{})", l.file(), l.line()))
                    .unwrap_or_default();
                eprintln!(
                    "Automap stopped because of an internal error{place}. Please report it; your files were not changed."
                );
            }));
            let stdout = std::io::stdout();
            let stderr = std::io::stderr();
            run_command(command, &mut stdout.lock(), &mut stderr.lock())
        }
        None => match automap::ui::run(cli.file.clone()) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("Automap could not start its window: {e:#}.");
                1
            }
        },
    };
    std::process::exit(code);
}
