//! The eframe app. The only module (with `main.rs`) that uses egui.
