//! What a save would drop from a hand-edited plan file: comments, and fields
//! Automap does not know (usually typos). Saving writes the plan as Automap
//! holds it, so both are lost from the file; the window warns before the
//! first save, and the file as it was stays in `NAME.ron.bak` and among the
//! earlier versions in the data folder.

use super::Problem;
use std::path::Path;

/// Code of the notices about unknown fields (from loading).
pub const UNKNOWN_FIELD: &str = "unknown-field";

/// The hand edits in one plan file that a save would not keep.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HandEdits {
    /// Line of each comment in the file.
    pub comment_lines: Vec<usize>,
    /// The notices about unknown fields, each with its place and the
    /// spelling suggestion `check` gives.
    pub unknown_fields: Vec<Problem>,
}

impl HandEdits {
    /// From the text of a plan file and the notices its loading gave.
    pub fn find(text: &str, problems: &[Problem]) -> Self {
        Self {
            comment_lines: super::text_scan::scan(text).comment_lines,
            unknown_fields: problems
                .iter()
                .filter(|p| p.code == UNKNOWN_FIELD)
                .cloned()
                .collect(),
        }
    }

    /// [`HandEdits::find`] on the file at `path` (read again; an unreadable
    /// file has no hand edits to lose).
    pub fn of_file(path: &Path, problems: &[Problem]) -> Self {
        if super::file_kind::check_readable(path).is_err() {
            return Self::default();
        }
        match std::fs::read(path) {
            Ok(bytes) => Self::find(&String::from_utf8_lossy(&bytes), problems),
            Err(_) => Self::default(),
        }
    }

    /// Nothing a save would drop.
    pub fn is_empty(&self) -> bool {
        self.comment_lines.is_empty() && self.unknown_fields.is_empty()
    }

    /// The warning before the first save over `file` (`None` when nothing
    /// would be dropped).
    pub fn warning(&self, file: &Path) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        match self.comment_lines.as_slice() {
            [] => {}
            [line] => parts.push(format!("the comment on line {line}")),
            lines => parts.push(format!(
                "{} comments (from line {})",
                lines.len(),
                lines.first().copied().unwrap_or(1)
            )),
        }
        match self.unknown_fields.len() {
            0 => {}
            1 => parts.push("1 field Automap does not know".to_owned()),
            n => parts.push(format!("{n} fields Automap does not know")),
        }
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| file.display().to_string());
        Some(format!(
            "{name} was edited by hand: saving will drop {}. The file as it is now is kept as {name}.bak and among the earlier versions (File › Restore an earlier version…).",
            parts.join(" and ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_unknown_fields_are_named_before_a_save_drops_them() {
        let text = "// Our shop\n(\n    name: \"Shop\",\n    nmae: \"typo\",\n)\n";
        let loaded = super::super::from_str(text, "shop.ron").expect("a plan");
        let edits = HandEdits::find(text, &loaded.problems);
        assert_eq!(edits.comment_lines, vec![1]);
        assert_eq!(edits.unknown_fields.len(), 1, "{:?}", loaded.problems);
        let warning = edits.warning(Path::new("/x/shop.ron")).unwrap_or_default();
        assert!(
            warning.starts_with("shop.ron was edited by hand: saving will drop the comment on line 1 and 1 field Automap does not know."),
            "{warning}"
        );
        let saved = super::super::to_ron(&loaded.plan);
        assert!(
            HandEdits::find(&saved, &[]).is_empty(),
            "a file Automap wrote has no hand edits"
        );
    }
}
