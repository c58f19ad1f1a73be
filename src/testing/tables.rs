//! The steps, decisions and workflow names large generated plans are made of.

use crate::model::{Approach, Complexity, Judgment, Sensitivity};

pub(super) struct TaskTemplate {
    pub(super) title: &'static str,
    pub(super) owner: &'static str,
    pub(super) system: &'static str,
    /// Occurrences per day, low and high.
    pub(super) per_day: (f64, f64),
    /// Manual minutes per occurrence, low and high.
    pub(super) minutes: (f64, f64),
    pub(super) complexity: Complexity,
    pub(super) judgment: Judgment,
    pub(super) sensitivity: Sensitivity,
    pub(super) approach: Approach,
    /// Tools that would do it, by catalog id.
    pub(super) tools: &'static [&'static str],
    pub(super) event: &'static str,
    pub(super) message: &'static str,
    pub(super) reads: &'static [(&'static str, &'static str)],
    pub(super) writes: &'static [(&'static str, &'static str)],
}

const fn task(
    title: &'static str,
    owner: &'static str,
    system: &'static str,
    per_day: (f64, f64),
    minutes: (f64, f64),
) -> TaskTemplate {
    TaskTemplate {
        title,
        owner,
        system,
        per_day,
        minutes,
        complexity: Complexity::Low,
        judgment: Judgment::RuleBased,
        sensitivity: Sensitivity::None,
        approach: Approach::Workflow,
        tools: &[],
        event: "",
        message: "",
        reads: &[],
        writes: &[],
    }
}

const ORDERS: (&str, &str) = ("Shopify", "orders");
const INVENTORY: (&str, &str) = ("Shopify", "inventory");
const CUSTOMERS: (&str, &str) = ("Shopify", "customers");
const PRODUCTS: (&str, &str) = ("Shopify", "products");
const DISCOUNTS: (&str, &str) = ("Shopify", "discount codes");
const PAYMENTS: (&str, &str) = ("Stripe", "payments");
const PROFILE: (&str, &str) = ("Klaviyo", "customer profile");
const ORDER_LOG: (&str, &str) = ("Google Sheets", "order log");
const STOCK_SHEET: (&str, &str) = ("Google Sheets", "stock sheet");
const SHIPMENTS: (&str, &str) = ("ShipStation", "shipments");
const TICKETS: (&str, &str) = ("Gorgias", "tickets");

pub(super) const TASKS: &[TaskTemplate] = &[
    TaskTemplate {
        sensitivity: Sensitivity::CustomerFacing,
        tools: &["klaviyo", "shopify-flow"],
        event: "order placed",
        message: "order confirmation",
        reads: &[ORDERS, PROFILE],
        ..task(
            "Send order confirmation",
            "Owner",
            "Klaviyo",
            (20.0, 80.0),
            (1.0, 3.0),
        )
    },
    TaskTemplate {
        tools: &["zapier", "make"],
        event: "order placed",
        reads: &[ORDERS],
        writes: &[ORDER_LOG],
        ..task(
            "Log order in Google Sheets",
            "Owner",
            "Google Sheets",
            (20.0, 80.0),
            (0.5, 2.0),
        )
    },
    TaskTemplate {
        tools: &["zapier", "shopify-flow"],
        event: "order placed",
        reads: &[ORDERS],
        ..task(
            "Post new-order alert to Slack",
            "Owner",
            "Slack",
            (20.0, 80.0),
            (0.5, 1.0),
        )
    },
    TaskTemplate {
        reads: &[INVENTORY],
        ..task(
            "Check inventory",
            "Fulfillment",
            "Shopify",
            (20.0, 80.0),
            (1.0, 4.0),
        )
    },
    TaskTemplate {
        reads: &[ORDERS],
        ..task(
            "Print packing slip",
            "Fulfillment",
            "Shopify",
            (20.0, 80.0),
            (0.5, 1.5),
        )
    },
    TaskTemplate {
        complexity: Complexity::Medium,
        judgment: Judgment::SomeRules,
        ..task(
            "Pack the order",
            "Fulfillment",
            "Warehouse",
            (20.0, 80.0),
            (4.0, 9.0),
        )
    },
    TaskTemplate {
        judgment: Judgment::SomeRules,
        tools: &["zapier"],
        reads: &[ORDERS, ("Shopify", "shipping address")],
        writes: &[SHIPMENTS],
        ..task(
            "Create shipping label",
            "Fulfillment",
            "ShipStation",
            (20.0, 80.0),
            (1.0, 3.0),
        )
    },
    TaskTemplate {
        tools: &["shopify-flow", "zapier"],
        event: "label created",
        reads: &[SHIPMENTS],
        writes: &[ORDERS],
        ..task(
            "Mark order as fulfilled",
            "Fulfillment",
            "Shopify",
            (20.0, 80.0),
            (0.5, 1.5),
        )
    },
    TaskTemplate {
        sensitivity: Sensitivity::CustomerFacing,
        tools: &["shopify-flow", "klaviyo"],
        event: "order fulfilled",
        message: "shipping/tracking",
        reads: &[ORDERS, SHIPMENTS],
        ..task(
            "Send tracking email",
            "Owner",
            "Shopify",
            (20.0, 80.0),
            (1.0, 3.0),
        )
    },
    TaskTemplate {
        judgment: Judgment::SomeRules,
        sensitivity: Sensitivity::CustomerFacing,
        tools: &["klaviyo", "activecampaign"],
        event: "order delivered",
        message: "review request",
        reads: &[ORDERS, PROFILE],
        ..task(
            "Send review request",
            "Marketing",
            "Klaviyo",
            (15.0, 70.0),
            (1.0, 3.0),
        )
    },
    TaskTemplate {
        complexity: Complexity::Medium,
        judgment: Judgment::SomeRules,
        sensitivity: Sensitivity::CustomerFacing,
        tools: &["klaviyo", "activecampaign"],
        event: "checkout abandoned",
        message: "abandoned cart",
        reads: &[("Shopify", "checkouts"), PROFILE],
        ..task(
            "Send abandoned cart email",
            "Marketing",
            "Klaviyo",
            (5.0, 30.0),
            (2.0, 4.0),
        )
    },
    TaskTemplate {
        complexity: Complexity::Medium,
        judgment: Judgment::SomeRules,
        sensitivity: Sensitivity::CustomerFacing,
        tools: &["klaviyo"],
        event: "inventory changed",
        message: "restock notice",
        reads: &[INVENTORY, PROFILE],
        ..task(
            "Send restock notice",
            "Marketing",
            "Klaviyo",
            (0.5, 4.0),
            (5.0, 20.0),
        )
    },
    TaskTemplate {
        complexity: Complexity::Medium,
        judgment: Judgment::SomeRules,
        tools: &["klaviyo", "make"],
        event: "order placed",
        reads: &[ORDERS, CUSTOMERS],
        writes: &[PROFILE],
        ..task(
            "Segment customer by order value",
            "Marketing",
            "Klaviyo",
            (10.0, 60.0),
            (1.0, 2.0),
        )
    },
    TaskTemplate {
        tools: &["zapier", "make"],
        event: "inventory changed",
        reads: &[INVENTORY],
        writes: &[STOCK_SHEET],
        ..task(
            "Copy stock levels to the stock sheet",
            "Owner",
            "Google Sheets",
            (10.0, 60.0),
            (0.5, 2.0),
        )
    },
    TaskTemplate {
        tools: &["zapier", "make"],
        event: "stock sheet edited",
        reads: &[STOCK_SHEET],
        writes: &[INVENTORY],
        ..task(
            "Update Shopify stock from the sheet",
            "Owner",
            "Shopify",
            (0.3, 3.0),
            (5.0, 20.0),
        )
    },
    TaskTemplate {
        tools: &["shopify-flow", "zapier"],
        event: "inventory changed",
        reads: &[INVENTORY],
        ..task(
            "Send low-stock alert",
            "Owner",
            "Slack",
            (1.0, 6.0),
            (1.0, 3.0),
        )
    },
    TaskTemplate {
        complexity: Complexity::Medium,
        judgment: Judgment::HumanJudgment,
        reads: &[STOCK_SHEET],
        writes: &[("Google Sheets", "purchase orders")],
        ..task(
            "Reorder from supplier",
            "Owner",
            "Gmail",
            (0.3, 1.5),
            (10.0, 30.0),
        )
    },
    TaskTemplate {
        judgment: Judgment::SomeRules,
        sensitivity: Sensitivity::CustomerFacing,
        approach: Approach::AiAgent,
        tools: &["gorgias", "tidio"],
        message: "support reply",
        reads: &[TICKETS, ORDERS],
        ..task(
            "Answer order-status question",
            "Support",
            "Gorgias",
            (5.0, 25.0),
            (2.0, 5.0),
        )
    },
    TaskTemplate {
        complexity: Complexity::High,
        judgment: Judgment::HumanJudgment,
        sensitivity: Sensitivity::ComplaintOrRefund,
        tools: &["gorgias"],
        message: "refund confirmation",
        reads: &[ORDERS],
        writes: &[("Shopify", "refunds"), PAYMENTS],
        ..task(
            "Handle refund request",
            "Support",
            "Shopify",
            (0.5, 4.0),
            (5.0, 15.0),
        )
    },
    TaskTemplate {
        judgment: Judgment::SomeRules,
        tools: &["zapier", "make"],
        reads: &[PAYMENTS, ORDER_LOG],
        ..task(
            "Reconcile Stripe payouts",
            "Bookkeeping",
            "Stripe",
            (0.2, 1.0),
            (15.0, 45.0),
        )
    },
    TaskTemplate {
        complexity: Complexity::Medium,
        judgment: Judgment::SomeRules,
        sensitivity: Sensitivity::CustomerFacing,
        approach: Approach::AiAgent,
        tools: &["chatgpt", "jasper"],
        reads: &[("Google Sheets", "product specs")],
        writes: &[PRODUCTS],
        ..task(
            "Write product description",
            "Marketing",
            "Shopify",
            (0.2, 2.0),
            (15.0, 40.0),
        )
    },
    TaskTemplate {
        complexity: Complexity::High,
        judgment: Judgment::SomeRules,
        tools: &["make"],
        reads: &[("Google Sheets", "competitor prices")],
        writes: &[PRODUCTS],
        ..task(
            "Match competitor prices",
            "Owner",
            "Shopify",
            (0.1, 0.5),
            (30.0, 90.0),
        )
    },
    TaskTemplate {
        complexity: Complexity::High,
        judgment: Judgment::SomeRules,
        tools: &["make", "klaviyo"],
        reads: &[ORDERS, PROFILE],
        writes: &[DISCOUNTS],
        ..task(
            "Set discounts by lifetime value",
            "Marketing",
            "Make",
            (0.05, 0.3),
            (45.0, 120.0),
        )
    },
    TaskTemplate {
        complexity: Complexity::High,
        judgment: Judgment::HumanJudgment,
        sensitivity: Sensitivity::BrandVoice,
        tools: &["klaviyo", "chatgpt"],
        message: "newsletter",
        ..task(
            "Write the newsletter",
            "Owner",
            "Klaviyo",
            (0.03, 0.15),
            (90.0, 240.0),
        )
    },
];

/// A decision: its question, its two branch labels, and the exception the second branch leads to.
pub(super) struct DecisionTemplate {
    pub(super) question: &'static str,
    pub(super) yes: &'static str,
    pub(super) no: &'static str,
    pub(super) exception: &'static str,
    pub(super) system: &'static str,
    pub(super) reads: &'static [(&'static str, &'static str)],
}

pub(super) const DECISIONS: &[DecisionTemplate] = &[
    DecisionTemplate {
        question: "In stock?",
        yes: "in stock",
        no: "out of stock",
        exception: "Item out of stock: contact the customer",
        system: "Shopify",
        reads: &[INVENTORY],
    },
    DecisionTemplate {
        question: "Payment cleared?",
        yes: "paid",
        no: "payment failed",
        exception: "Payment failed: follow up with the customer",
        system: "Stripe",
        reads: &[PAYMENTS],
    },
    DecisionTemplate {
        question: "Repeat buyer?",
        yes: "repeat buyer",
        no: "first order",
        exception: "First order flagged for a fraud check",
        system: "Shopify",
        reads: &[CUSTOMERS],
    },
    DecisionTemplate {
        question: "Address valid?",
        yes: "address valid",
        no: "address invalid",
        exception: "Address cannot be verified",
        system: "ShipStation",
        reads: &[("Shopify", "shipping address")],
    },
    DecisionTemplate {
        question: "Domestic shipping?",
        yes: "domestic",
        no: "Alaska, Hawaii or abroad",
        exception: "Quote special shipping by hand",
        system: "ShipStation",
        reads: &[ORDERS],
    },
    DecisionTemplate {
        question: "Order over 200 USD?",
        yes: "under 200 USD",
        no: "200 USD or more",
        exception: "Large order: check it by hand",
        system: "Shopify",
        reads: &[ORDERS],
    },
];

pub(super) const WORKFLOW_NAMES: &[(&str, &str)] = &[
    ("Order fulfillment", "Customer places order"),
    ("Customer support", "Customer message arrives"),
    ("Marketing emails", "Shop event reaches Klaviyo"),
    ("Inventory and reordering", "Stock level changes"),
    ("Returns", "Return request arrives"),
    ("Wholesale orders", "Wholesale order arrives"),
    ("Product listings", "New product arrives"),
    ("Bookkeeping", "Week closes"),
];
