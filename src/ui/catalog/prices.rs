//! The price options of one tool: name, whether the price is known, and the
//! monthly price.

use egui::{DragValue, RichText, TextEdit, Ui};

use crate::model::PriceOption;
use crate::roadmap::price_text;

use super::RowCtx;
use super::tool_edits::price_problem;

/// The price options cell of one tool's row.
pub(super) fn prices_cell(ui: &mut Ui, cx: &mut RowCtx<'_>) {
    let (i, tool, label) = (cx.i, cx.tool, cx.label);
    ui.vertical(|ui| {
        let mut remove = None;
        for (k, p) in tool.prices.iter().enumerate() {
            ui.horizontal(|ui| {
                let mut name = p.name.clone();
                let r = ui.add(
                    TextEdit::singleline(&mut name)
                        .id_salt(("catalog-price-name", i, k))
                        .hint_text("Plan name")
                        .desired_width(170.0)
                        .min_size(egui::vec2(170.0, 0.0)),
                )
                .accessible_name(format!("Price option of {label}"));
                if r.changed()
                    && let Some(o) =
                        cx.tools.get_mut(i).and_then(|t| t.prices.get_mut(k))
                {
                    o.name = name;
                    cx.change.text(&r, "Rename price option");
                }
                let mut known = p.monthly.is_some();
                let r = ui
                    .checkbox(&mut known, "price known")
                    .on_hover_text(
                        "Untick when the price is not known: it shows as \"verify price\", never as 0",
                    )
                    .accessible_name(format!(
                        "Price known: {label}, {}",
                        p.name
                    ));
                if r.changed()
                    && let Some(o) =
                        cx.tools.get_mut(i).and_then(|t| t.prices.get_mut(k))
                {
                    o.monthly = known.then_some(0.0);
                    cx.change.discrete(true, "Change price");
                    if known {
                        cx.state.focus_price = Some((i, k));
                    }
                }
                match p.monthly {
                    Some(mut v) => {
                        let r = ui
                            .add(
                                DragValue::new(&mut v)
                                    .speed(0.5)
                                    .min_decimals(2)
                                    .max_decimals(2)
                                    .suffix(format!(" {}", cx.currency)),
                            )
                            .accessible_name(format!(
                                "Monthly price of {label}, {}",
                                p.name
                            ));
                        if cx.state.focus_price == Some((i, k)) {
                            r.request_focus();
                            cx.state.focus_price = None;
                        }
                        if r.changed() {
                            if let Some(why) = price_problem(v) {
                                *cx.refused = Some(format!(
                                    "{why} The price of {label} was not changed."
                                ));
                            } else if let Some(o) = cx.tools
                                .get_mut(i)
                                .and_then(|t| t.prices.get_mut(k))
                            {
                                o.monthly = Some(v);
                                cx.change.text(&r, "Change price");
                            }
                        }
                    }
                    None => {
                        ui.label(
                            RichText::new(price_text(None, cx.currency))
                                .color(ui.visuals().warn_fg_color),
                        );
                    }
                }
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this price option")
                    .clicked()
                {
                    remove = Some(k);
                }
            });
        }
        if let Some(k) = remove
            && let Some(t) = cx.tools.get_mut(i)
            && k < t.prices.len()
        {
            t.prices.remove(k);
            cx.change.discrete(true, "Remove price option");
        }
        if ui.small_button("Add price option").clicked()
            && let Some(t) = cx.tools.get_mut(i)
        {
            t.prices.push(PriceOption {
                name: String::new(),
                monthly: None,
            });
            cx.change.discrete(true, "Add price option");
        }
    });
}
