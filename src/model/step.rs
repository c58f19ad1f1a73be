use super::StepId;
use serde::{Deserialize, Serialize};

/// What a box on the map is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum StepKind {
    /// The event that starts the workflow ("Customer places order").
    Trigger,
    #[default]
    Task,
    /// A question with labelled branches ("In stock?").
    Decision,
    /// A case off the standard path ("Item out of stock").
    Exception,
    End,
}

impl StepKind {
    pub const ALL: [StepKind; 5] = [
        StepKind::Trigger,
        StepKind::Task,
        StepKind::Decision,
        StepKind::Exception,
        StepKind::End,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StepKind::Trigger => "Trigger",
            StepKind::Task => "Task",
            StepKind::Decision => "Decision",
            StepKind::Exception => "Exception",
            StepKind::End => "End",
        }
    }
}

/// How often a step happens: `count` times per `per`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Frequency {
    pub count: f64,
    pub per: Period,
}

impl Default for Frequency {
    fn default() -> Self {
        Self {
            count: 0.0,
            per: Period::Day,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Period {
    #[default]
    Day,
    Week,
    Month,
}

impl Period {
    pub const ALL: [Period; 3] = [Period::Day, Period::Week, Period::Month];

    /// How many of this period fit in one week (a shop sells seven days a week).
    pub fn per_week(self) -> f64 {
        match self {
            Period::Day => 7.0,
            Period::Week => 1.0,
            Period::Month => 12.0 / 52.0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Period::Day => "per day",
            Period::Week => "per week",
            Period::Month => "per month",
        }
    }
}

impl Frequency {
    pub fn per_day(count: f64) -> Self {
        Self {
            count,
            per: Period::Day,
        }
    }

    /// Occurrences in an average week.
    pub fn per_week(&self) -> f64 {
        self.count * self.per.per_week()
    }

    /// Occurrences in an average day.
    pub fn daily(&self) -> f64 {
        self.per_week() / 7.0
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Complexity {
    #[default]
    Low,
    Medium,
    High,
}

impl Complexity {
    pub const ALL: [Complexity; 3] = [Complexity::Low, Complexity::Medium, Complexity::High];
    pub fn label(self) -> &'static str {
        match self {
            Complexity::Low => "low",
            Complexity::Medium => "medium",
            Complexity::High => "high",
        }
    }
}

/// How much judgment a step needs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Judgment {
    /// Done the same way every time.
    #[default]
    RuleBased,
    /// Some if/then rules.
    SomeRules,
    /// Needs a person's judgment.
    HumanJudgment,
}

impl Judgment {
    pub const ALL: [Judgment; 3] = [
        Judgment::RuleBased,
        Judgment::SomeRules,
        Judgment::HumanJudgment,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Judgment::RuleBased => "rule-based",
            Judgment::SomeRules => "some rules",
            Judgment::HumanJudgment => "human judgment",
        }
    }
}

/// What is at stake if a step goes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Sensitivity {
    #[default]
    None,
    CustomerFacing,
    BrandVoice,
    ComplaintOrRefund,
    Legal,
    Strategic,
}

impl Sensitivity {
    pub const ALL: [Sensitivity; 6] = [
        Sensitivity::None,
        Sensitivity::CustomerFacing,
        Sensitivity::BrandVoice,
        Sensitivity::ComplaintOrRefund,
        Sensitivity::Legal,
        Sensitivity::Strategic,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Sensitivity::None => "none",
            Sensitivity::CustomerFacing => "customer-facing",
            Sensitivity::BrandVoice => "brand voice",
            Sensitivity::ComplaintOrRefund => "complaint or refund",
            Sensitivity::Legal => "legal",
            Sensitivity::Strategic => "strategic",
        }
    }
    /// Steps the method keeps with people whatever their numbers say.
    pub fn is_never_automate(self) -> bool {
        matches!(
            self,
            Sensitivity::BrandVoice
                | Sensitivity::ComplaintOrRefund
                | Sensitivity::Legal
                | Sensitivity::Strategic
        )
    }
}

/// The owner's decision for a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Tag {
    #[default]
    Undecided,
    Automate,
    KeepManual,
}

impl Tag {
    pub const ALL: [Tag; 3] = [Tag::Undecided, Tag::Automate, Tag::KeepManual];
    pub fn label(self) -> &'static str {
        match self {
            Tag::Undecided => "undecided",
            Tag::Automate => "automate",
            Tag::KeepManual => "keep manual",
        }
    }
}

/// How an automated step would be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Approach {
    /// Rules: if X happens, do Y (Zapier, Make, Shopify Flow, Klaviyo flows).
    #[default]
    Workflow,
    /// Needs understanding or writing (chatbots, content generation).
    AiAgent,
}

impl Approach {
    pub const ALL: [Approach; 2] = [Approach::Workflow, Approach::AiAgent];
    pub fn label(self) -> &'static str {
        match self {
            Approach::Workflow => "workflow automation",
            Approach::AiAgent => "AI agent",
        }
    }
}

/// What kind of work a step is. It decides whether an AI agent fits, which
/// layer a rule-based automation belongs to, and keeps hands-on work with people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WorkKind {
    /// Answers customers' questions (order status, return policy, sizing).
    AnswersQuestions,
    /// Writes content (product descriptions, subject lines, captions).
    WritesContent,
    /// Analyses or forecasts (demand, recommendations, reports).
    Analyses,
    /// Moves or copies data between systems (order log, label, sync).
    MovesData,
    /// Tells someone something happened (confirmation, tracking, alert).
    Notifies,
    /// Decides between paths by rules or judgment.
    Decides,
    /// Work done with hands (pick, pack, put back in stock).
    Physical,
    Other,
}

impl WorkKind {
    pub const ALL: [WorkKind; 8] = [
        WorkKind::AnswersQuestions,
        WorkKind::WritesContent,
        WorkKind::Analyses,
        WorkKind::MovesData,
        WorkKind::Notifies,
        WorkKind::Decides,
        WorkKind::Physical,
        WorkKind::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            WorkKind::AnswersQuestions => "answers customer questions",
            WorkKind::WritesContent => "writes content",
            WorkKind::Analyses => "analyses or forecasts",
            WorkKind::MovesData => "moves or copies data",
            WorkKind::Notifies => "notifies",
            WorkKind::Decides => "decides",
            WorkKind::Physical => "physical work",
            WorkKind::Other => "other",
        }
    }
    /// Work where the guide sees AI agents add value: answering common
    /// questions, writing, forecasting and recommending.
    pub fn suits_ai(self) -> bool {
        matches!(
            self,
            WorkKind::AnswersQuestions | WorkKind::WritesContent | WorkKind::Analyses
        )
    }
}

/// Automation layer, L1 (simple, frequent) to L4 (AI-driven).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Layer {
    L1,
    L2,
    L3,
    L4,
}

impl Layer {
    pub const ALL: [Layer; 4] = [Layer::L1, Layer::L2, Layer::L3, Layer::L4];
    pub fn label(self) -> &'static str {
        match self {
            Layer::L1 => "L1",
            Layer::L2 => "L2",
            Layer::L3 => "L3",
            Layer::L4 => "L4",
        }
    }
    pub fn number(self) -> u8 {
        match self {
            Layer::L1 => 1,
            Layer::L2 => 2,
            Layer::L3 => 3,
            Layer::L4 => 4,
        }
    }
}

/// The three questions every automated step must answer before it goes live.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct FailurePlan {
    /// What happens if the automation does not run.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub not_run: String,
    /// What happens if it runs twice.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub runs_twice: String,
    /// What happens if the data it needs is missing or wrong.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub data_missing: String,
}

impl FailurePlan {
    pub fn is_complete(&self) -> bool {
        [&self.not_run, &self.runs_twice, &self.data_missing]
            .iter()
            .all(|s| !s.trim().is_empty())
    }
}

/// A piece of data a step reads or writes, e.g. "Shopify: inventory".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DataRef {
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub system: String,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub object: String,
    /// The owner has checked that this field is filled reliably (not "Hi ,").
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub reliable: bool,
}

impl DataRef {
    pub fn new(system: &str, object: &str, reliable: bool) -> Self {
        Self {
            system: system.to_owned(),
            object: object.to_owned(),
            reliable,
        }
    }
}

/// Position of a step on the canvas, in canvas units (one unit is one point at 100 %).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Pos {
    pub x: f32,
    pub y: f32,
}

impl Pos {
    pub fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// One box on a workflow map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Step {
    pub id: StepId,
    pub title: String,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub kind: StepKind,
    /// Centre of the box on the canvas.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub pos: Pos,
    /// Who does it today (person or role).
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub owner: String,
    /// Main system it happens in (Shopify, Stripe, ShipStation, …).
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub system: String,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub frequency: Frequency,
    /// Minutes of manual work per occurrence.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub minutes: f64,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub complexity: Complexity,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub judgment: Judgment,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub sensitivity: Sensitivity,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub tag: Tag,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub approach: Approach,
    /// The kind of work, when the owner chose it; `None`: Automap suggests
    /// one from the title and system.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub work: Option<WorkKind>,
    /// The owner's layer when it differs from the suggested one.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub layer: Option<Layer>,
    /// Tool id from the plan's catalog (empty: none chosen).
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub tool: String,
    /// The event that starts this step, when it is not the workflow's trigger.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub event: String,
    /// The kind of customer message this step sends ("order confirmation"), if any.
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub message: String,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub failure_plan: FailurePlan,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub test_plan: String,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub reads: Vec<DataRef>,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub writes: Vec<DataRef>,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub notes: String,
}

impl Default for Step {
    fn default() -> Self {
        Self {
            id: StepId(0),
            title: String::new(),
            kind: StepKind::Task,
            pos: Pos::default(),
            owner: String::new(),
            system: String::new(),
            frequency: Frequency::default(),
            minutes: 0.0,
            complexity: Complexity::Low,
            judgment: Judgment::RuleBased,
            sensitivity: Sensitivity::None,
            tag: Tag::Undecided,
            approach: Approach::Workflow,
            work: None,
            layer: None,
            tool: String::new(),
            event: String::new(),
            message: String::new(),
            failure_plan: FailurePlan::default(),
            test_plan: String::new(),
            reads: Vec::new(),
            writes: Vec::new(),
            notes: String::new(),
        }
    }
}

impl Step {
    pub fn new(id: StepId, kind: StepKind, title: impl Into<String>, pos: Pos) -> Self {
        Self {
            id,
            kind,
            title: title.into(),
            pos,
            ..Self::default()
        }
    }

    /// Manual hours per week: frequency × minutes.
    pub fn manual_hours_per_week(&self) -> f64 {
        self.frequency.per_week() * self.minutes / 60.0
    }
}

/// An arrow from one step to another; decisions label their branches.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Link {
    pub from: StepId,
    pub to: StepId,
    #[serde(skip_serializing_if = "super::defaults::is_default")]
    pub label: String,
}

impl Link {
    pub fn new(from: StepId, to: StepId) -> Self {
        Self {
            from,
            to,
            label: String::new(),
        }
    }
    pub fn labelled(from: StepId, to: StepId, label: &str) -> Self {
        Self {
            from,
            to,
            label: label.to_owned(),
        }
    }
}
