use serde::{Deserialize, Serialize};

/// Thresholds and weights of the method, editable per plan.
/// The analysis module documents what each one does (`docs/findings.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MethodSettings {
    /// Occurrences per day from which a step counts as high frequency ("many times daily").
    pub high_frequency_per_day: f64,
    /// Occurrences per day from which a step counts as medium frequency ("several times daily").
    pub medium_frequency_per_day: f64,
    /// Occurrences per day from which work an AI agent could do counts as
    /// high volume: an AI candidate even before its setup is repaid.
    pub ai_volume_per_day: f64,
    /// A simple rule-based task is a quick win when the hours it saves repay
    /// a layer-1 setup within this many weeks.
    pub quick_win_payback_weeks: f64,
    /// Work an AI agent could do is an AI candidate when the hours it saves
    /// repay a layer-4 setup within this many weeks.
    pub ai_payback_weeks: f64,
    /// Share (0–1) of its workflow's manual time from which a step is a bottleneck.
    pub bottleneck_share: f64,
    /// Incoming arrows from which a step counts as a point many paths run through.
    pub bottleneck_in_degree: u32,
}

impl Default for MethodSettings {
    fn default() -> Self {
        Self {
            high_frequency_per_day: 10.0,
            medium_frequency_per_day: 2.0,
            ai_volume_per_day: 5.0,
            quick_win_payback_weeks: 4.0,
            ai_payback_weeks: 13.0,
            bottleneck_share: 0.25,
            bottleneck_in_degree: 3,
        }
    }
}
