//! Automap: plan e-commerce automations before buying tools.
//!
//! Data flows one way: `storage` loads a [`model::Plan`], `edit` changes it
//! (with undo), `analysis`, `roadmap` and `export` derive results from it, and
//! `ui` shows it. Only `ui` knows about egui.

#![deny(clippy::unwrap_used, clippy::expect_used)]

/// Every program built on this crate (the app, its tests and benches)
/// allocates with mimalloc: the analysis and the export make many small
/// strings and lists, and the system allocator spent about a quarter of their
/// time on them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod analysis;
pub mod cli;
pub mod diff;
pub mod edit;
pub mod export;
pub mod import;
pub mod model;
pub mod roadmap;
pub mod storage;
/// Large generated plans for tests and benchmarks; not part of the product.
#[cfg(any(test, feature = "testing"))]
pub mod testing;
mod text;
pub mod ui;
