//! Load, validate and save plan files (RON).
//!
//! CONTRACT (the UI and CLI build on these; extend, don't rename):
//! - `load(path) -> Result<Loaded, LoadError>`; `Loaded { plan, problems }`
//!   where problems are validation notices that did not stop loading;
//! - `save(plan, path) -> Result<(), SaveError>`: atomic, keeps `NAME.ron.bak`;
//! - `to_ron(plan) -> String` and `from_str(text, name) -> Result<Loaded, LoadError>`.
