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
    pub const MONTHS: [Column; 3] = [Column::Month1, Column::Month2, Column::Month3];

    pub fn label(self) -> &'static str {
        match self {
            Column::Month1 => "Month 1",
            Column::Month2 => "Month 2",
            Column::Month3 => "Month 3",
            Column::Later => "Later",
            Column::StaysManual => "Stays manual",
        }
    }

    /// 0, 1, 2 for the months; `None` for Later and Stays manual.
    pub fn month_index(self) -> Option<usize> {
        match self {
            Column::Month1 => Some(0),
            Column::Month2 => Some(1),
            Column::Month3 => Some(2),
            Column::Later | Column::StaysManual => None,
        }
    }

    /// The column after this one when a month is full (Month 3 spills into Later).
    pub fn next(self) -> Column {
        match self {
            Column::Month1 => Column::Month2,
            Column::Month2 => Column::Month3,
            Column::Month3 | Column::Later => Column::Later,
            Column::StaysManual => Column::StaysManual,
        }
    }

    /// First and last day (1-based, inclusive) of a month of the 90 days.
    pub fn days(self) -> Option<(u32, u32)> {
        self.month_index()
            .map(|i| (i as u32 * 30 + 1, i as u32 * 30 + 30))
    }
}

/// One step placed on the roadmap.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct RoadmapItem {
    pub step: StepId,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub column: Column,
    /// The owner placed it by hand: "Suggest" leaves it where it is.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub pinned: bool,
    /// Setup hours when the owner changed the estimate.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub setup_hours: Option<f64>,
    /// Chosen price option of the item's tool, by name.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub price_option: Option<String>,
    /// Tool id chosen for this item when it differs from the step's own tool.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub tool: Option<String>,
    /// Set by the suggestion when the item was meant for an earlier month
    /// that had no setup hours left.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub moved_from: Option<Column>,
    /// How far the automation has got.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub status: CardStatus,
    /// The day it went live, "YYYY-MM-DD", once it has.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub live_since: Option<String>,
    /// Minutes per week it really saves, once measured; until then the
    /// estimate (the step's manual time) counts.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub actual_minutes_per_week: Option<f64>,
    /// The step's test plan was carried out before it went live.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub tested: bool,
}

/// How far a roadmap card has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum CardStatus {
    /// Not started.
    #[default]
    Planned,
    /// Being set up or tested.
    Building,
    /// Running for real.
    Live,
    /// Switched off for now.
    Paused,
    /// Given up.
    Dropped,
}

impl CardStatus {
    pub const ALL: [CardStatus; 5] = [
        CardStatus::Planned,
        CardStatus::Building,
        CardStatus::Live,
        CardStatus::Paused,
        CardStatus::Dropped,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CardStatus::Planned => "planned",
            CardStatus::Building => "building",
            CardStatus::Live => "live",
            CardStatus::Paused => "paused",
            CardStatus::Dropped => "dropped",
        }
    }
}

/// Which of the three failure questions an incident was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FailureCase {
    /// The automation did not run.
    NotRun,
    /// It ran twice.
    RunsTwice,
    /// Its data was missing or wrong.
    DataMissing,
}

impl FailureCase {
    pub const ALL: [FailureCase; 3] = [
        FailureCase::NotRun,
        FailureCase::RunsTwice,
        FailureCase::DataMissing,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FailureCase::NotRun => "did not run",
            FailureCase::RunsTwice => "ran twice",
            FailureCase::DataMissing => "data missing",
        }
    }

    /// The step's answer for this case (may be empty).
    pub fn answer(self, plan: &super::FailurePlan) -> &str {
        match self {
            FailureCase::NotRun => &plan.not_run,
            FailureCase::RunsTwice => &plan.runs_twice,
            FailureCase::DataMissing => &plan.data_missing,
        }
    }
}

/// Something that went wrong with a live automation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Incident {
    pub step: StepId,
    /// When it happened, "YYYY-MM-DD".
    pub date: String,
    /// What happened ("sent the confirmation twice on Black Friday").
    pub note: String,
    /// The failure question it was about; `None`: none of the three.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub case: Option<FailureCase>,
    /// The step's failure plan worked as written.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub plan_held: bool,
}

/// Goal and expected outcome of one month, written by the owner.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PhaseNote {
    pub goal: String,
    pub outcome: String,
}

impl PhaseNote {
    /// The starting text of month `index` (0–2), after the method's three phases.
    pub fn default_for(index: usize) -> PhaseNote {
        let (goal, outcome) = match index {
            0 => (
                "Take frequent, simple, rule-based tasks off the team's hands (layer 1).",
                "Order emails go out and stock is watched without anyone doing it by hand.",
            ),
            1 => (
                "Win revenue with marketing flows that follow if/then rules (layers 2 and 3).",
                "Abandoned carts are followed up, reviews come in, customers get offers that fit them.",
            ),
            _ => (
                "Grow support and content with AI agents, with people checking their work (layer 4).",
                "Common questions get an instant answer and new content takes less time to write.",
            ),
        };
        PhaseNote {
            goal: goal.to_owned(),
            outcome: outcome.to_owned(),
        }
    }
}

/// A what-if the owner saved: another value of an hour, volumes × N (peak
/// season), another price tier of one tool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    pub name: String,
    /// Value of an hour; `None`: the plan's.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub hourly_value: Option<f64>,
    /// Every step's volume × this.
    pub volume: f64,
    /// Tool id whose price tier changes.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub tool: Option<String>,
    /// The tier (price option name) of that tool.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub price_option: Option<String>,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            name: String::new(),
            hourly_value: None,
            volume: 1.0,
            tool: None,
            price_option: None,
        }
    }
}

/// The 90-day plan. Items are kept in board order within each column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Roadmap {
    /// First day of the plan, "YYYY-MM-DD", if set.
    pub start_date: Option<String>,
    pub items: Vec<RoadmapItem>,
    /// Goal and outcome of Month 1, 2 and 3.
    pub phases: Vec<PhaseNote>,
    /// What-if scenarios the owner saved.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub scenarios: Vec<Scenario>,
    /// What went wrong with live automations, oldest first.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub incidents: Vec<Incident>,
}

impl Default for Roadmap {
    fn default() -> Self {
        Self {
            start_date: None,
            items: Vec::new(),
            phases: (0..3).map(PhaseNote::default_for).collect(),
            scenarios: Vec::new(),
            incidents: Vec::new(),
        }
    }
}

impl Roadmap {
    /// Goal and outcome of month `index` (0–2); the default text when the file has none.
    pub fn phase(&self, index: usize) -> PhaseNote {
        self.phases
            .get(index)
            .cloned()
            .unwrap_or_else(|| PhaseNote::default_for(index))
    }

    pub fn item(&self, step: StepId) -> Option<&RoadmapItem> {
        self.items.iter().find(|i| i.step == step)
    }
}
