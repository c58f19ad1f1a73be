use super::StepId;
use serde::{Deserialize, Serialize};

/// Where a roadmap item sits.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Column {
    /// Days 1–30.
    Month1,
    /// Days 31–60.
    Month2,
    /// Days 61–90.
    Month3,
    /// Not in the 90 days.
    #[default]
    Later,
    StaysManual,
}

impl Column {
    pub const ALL: [Column; 5] = [
        Column::Month1,
        Column::Month2,
        Column::Month3,
        Column::Later,
        Column::StaysManual,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Column::Month1 => "Month 1",
            Column::Month2 => "Month 2",
            Column::Month3 => "Month 3",
            Column::Later => "Later",
            Column::StaysManual => "Stays manual",
        }
    }
}

/// One step placed on the roadmap.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RoadmapItem {
    pub step: StepId,
    pub column: Column,
    /// The owner placed it by hand: "Suggest" leaves it where it is.
    pub pinned: bool,
    /// Setup hours when the owner changed the estimate.
    pub setup_hours: Option<f64>,
    /// Chosen price option of the step's tool, by name.
    pub price_option: Option<String>,
}

/// The 90-day plan. Items are kept in board order within each column.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Roadmap {
    /// First day of the plan, "YYYY-MM-DD", if set.
    pub start_date: Option<String>,
    pub items: Vec<RoadmapItem>,
}
