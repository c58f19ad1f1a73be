use serde::{Deserialize, Serialize};

/// What a tool is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ToolCategory {
    /// Connects apps with rules (Zapier, Make, Shopify Flow).
    #[default]
    WorkflowAutomation,
    /// Email and SMS marketing (Klaviyo, ActiveCampaign).
    EmailMarketing,
    /// Help desk and chat (Gorgias, Tidio).
    Support,
    /// Writing and content generation (ChatGPT, Jasper).
    AiContent,
    Other,
}

impl ToolCategory {
    pub const ALL: [ToolCategory; 5] = [
        ToolCategory::WorkflowAutomation,
        ToolCategory::EmailMarketing,
        ToolCategory::Support,
        ToolCategory::AiContent,
        ToolCategory::Other,
    ];
    pub fn label(self) -> &'static str {
        match self {
            ToolCategory::WorkflowAutomation => "workflow automation",
            ToolCategory::EmailMarketing => "email marketing",
            ToolCategory::Support => "support and chat",
            ToolCategory::AiContent => "AI content",
            ToolCategory::Other => "other",
        }
    }
}

/// One way to pay for a tool.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PriceOption {
    /// "Professional, billed annually".
    pub name: String,
    /// Cost per month in the plan's currency; `None` when the price is not known.
    pub monthly: Option<f64>,
}

/// A tool in the catalog.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Tool {
    /// Short stable id used by steps ("zapier").
    pub id: String,
    pub name: String,
    pub category: ToolCategory,
    /// Layers (1–4) this tool suits.
    pub layers: Vec<u8>,
    pub prices: Vec<PriceOption>,
    /// Where the price comes from and that it must be checked.
    pub note: String,
}

const CATALOG_RON: &str = include_str!("../../assets/tools.ron");

/// The tool catalog shipped with the app (prices as the method guide gives them).
pub fn bundled_catalog() -> Vec<Tool> {
    // The bundled file is part of the program and checked by a test; an empty
    // catalog is the safe answer should it ever fail to parse.
    ron::from_str(CATALOG_RON).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn bundled_catalog_parses() {
        let tools: Vec<super::Tool> = ron::from_str(super::CATALOG_RON).expect("tools.ron parses");
        assert!(tools.len() >= 9);
        assert!(tools.iter().any(|t| t.id == "zapier"));
    }
}
