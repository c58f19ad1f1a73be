//! Plans to start from: the method's workflows for a small shop, as plan
//! files in `assets/templates/` built into the program.

use crate::model::Plan;
use crate::storage;
use thiserror::Error;

/// One bundled template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// What `automap new --template` takes ("order-fulfillment").
    pub name: &'static str,
    /// What the menu shows.
    pub title: &'static str,
    /// One line on what it maps.
    pub summary: &'static str,
    /// The plan file, or `None` for the whole shop (all the others together).
    source: Option<&'static str>,
}

/// The templates, in menu order; the last is the whole shop.
pub const TEMPLATES: &[Template] = &[
    Template {
        name: "order-fulfillment",
        title: "Order fulfillment",
        summary: "from a paid order to the review request, with stock and address exceptions",
        source: Some(include_str!("../../assets/templates/order-fulfillment.ron")),
    },
    Template {
        name: "support-inbox",
        title: "Customer support inbox",
        summary: "questions sorted, common ones answered, complaints kept with a person",
        source: Some(include_str!("../../assets/templates/support-inbox.ron")),
    },
    Template {
        name: "marketing-emails",
        title: "Marketing emails",
        summary: "abandoned carts, review requests, restock notices and the newsletter",
        source: Some(include_str!("../../assets/templates/marketing-emails.ron")),
    },
    Template {
        name: "inventory",
        title: "Inventory and reordering",
        summary: "low-stock alerts, reorder decisions, receiving deliveries",
        source: Some(include_str!("../../assets/templates/inventory.ron")),
    },
    Template {
        name: "returns",
        title: "Returns and refunds",
        summary: "return requests, inspection, refund or exchange, restocking",
        source: Some(include_str!("../../assets/templates/returns.ron")),
    },
    Template {
        name: "product-listings",
        title: "New product listings",
        summary: "photos, descriptions, prices and the launch of a new product",
        source: Some(include_str!("../../assets/templates/product-listings.ron")),
    },
    Template {
        name: "whole-shop",
        title: "Whole shop",
        summary: "all of the above in one plan",
        source: None,
    },
];

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TemplateError {
    #[error("there is no template called \"{0}\" — `automap new --list` shows the templates")]
    Unknown(String),
    #[error("the built-in template \"{name}\" could not be read ({reason}); please report this")]
    Broken { name: String, reason: String },
}

/// The template called `name` (as listed, case and "-"/"_"/" " ignored).
pub fn find(name: &str) -> Option<&'static Template> {
    let norm = |s: &str| {
        s.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let wanted = norm(name);
    TEMPLATES
        .iter()
        .find(|t| norm(t.name) == wanted || norm(t.title) == wanted)
}

impl Template {
    /// A new plan from this template.
    pub fn plan(&self) -> Result<Plan, TemplateError> {
        let Some(source) = self.source else {
            return whole_shop();
        };
        let loaded = storage::from_str(source, &format!("{}.ron", self.name)).map_err(|e| {
            TemplateError::Broken {
                name: self.name.to_owned(),
                reason: e.to_string(),
            }
        })?;
        let mut plan = loaded.plan;
        for w in &mut plan.workflows {
            super::lay_out(w);
        }
        Ok(plan)
    }
}

/// A plan from the template called `name`.
pub fn plan(name: &str) -> Result<Plan, TemplateError> {
    find(name)
        .ok_or_else(|| TemplateError::Unknown(name.to_owned()))?
        .plan()
}

/// Every single-workflow template in one plan, with ids made unique.
fn whole_shop() -> Result<Plan, TemplateError> {
    let mut plan: Option<Plan> = None;
    for t in TEMPLATES.iter().filter(|t| t.source.is_some()) {
        let part = t.plan()?;
        match &mut plan {
            None => {
                let mut p = part;
                p.name = "Whole shop".to_owned();
                plan = Some(p);
            }
            Some(whole) => {
                let imported = super::Imported {
                    format: None,
                    workflows: part.workflows,
                    notes: Vec::new(),
                };
                let added = super::renumber(whole, imported.workflows);
                whole.workflows.extend(added);
            }
        }
    }
    plan.ok_or_else(|| TemplateError::Broken {
        name: "whole-shop".to_owned(),
        reason: "no templates".to_owned(),
    })
}
