//! Helpers for tests and benchmarks, built only for them (the `testing`
//! feature, which the crate's own tests and benches turn on): nothing here is
//! part of the product.

mod generate;
mod tables;

pub use generate::generate_plan;
