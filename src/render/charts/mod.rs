//! Charts: each report chart drawn with plotters twice from one description — as SVG
//! (inlined in `index.html`, linked from `report.md`) and as a 2× PNG (encoded with the
//! `png` crate, no temporary file). The chart specs (`specs_*.rs`, `drivers.rs`: what each
//! chart shows) are apart from the drawing primitives (`style`, `axes`, `plot` — the frame, mesh and
//! reference lines every plot shares — and `draw*`). The data comes from the report
//! tables and `metrics.json`; an empty or missing table skips its chart. Colours follow the
//! Okabe–Ito colour-blind-safe palette, lines also differ by dash pattern and marker shape
//! so they survive greyscale printing, and every axis names its unit. Text is drawn with
//! the embedded DejaVu Sans (registered once), so output is the same on every machine;
//! nothing random or time-dependent goes in. Labels from the data are stripped of control
//! characters; the SVG backend escapes `& < > " '` in every text it writes.

/// Draw a marker centred at `$at` in the coordinates of `$area`.
macro_rules! marker {
    ($area:expr, $at:expr, $m:expr, $color:expr, $sc:expr) => {{
        let r = px(4.0 * $sc);
        let st = ShapeStyle {
            color: $color.to_rgba(),
            filled: true,
            stroke_width: 1,
        };
        match $m {
            Marker::Circle => $area.draw(&(EmptyElement::at($at) + Circle::new((0, 0), r, st))),
            Marker::Triangle => {
                $area.draw(&(EmptyElement::at($at) + TriangleMarker::new((0, 0), r + 1, st)))
            }
            Marker::Square => {
                $area.draw(&(EmptyElement::at($at) + Rectangle::new([(-r, -r), (r, r)], st)))
            }
            Marker::Diamond => $area.draw(
                &(EmptyElement::at($at)
                    + Polygon::new(vec![(0, -r - 1), (r + 1, 0), (0, r + 1), (-r - 1, 0)], st)),
            ),
        }
        .map_err(de)
    }};
}

mod axes;
mod draw;
mod draw_bars;
mod draw_lines;
mod drivers;
mod km;
mod plot;
mod spec;
mod specs_monthly;
mod specs_quarterly;
mod style;

pub(crate) use axes::*;
pub(crate) use draw::*;
pub(crate) use draw_bars::*;
pub(crate) use draw_lines::*;
pub(crate) use km::*;
pub(crate) use plot::*;
pub(crate) use spec::*;
pub(crate) use specs_monthly::*;
pub(crate) use specs_quarterly::*;
pub(crate) use style::*;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use anyhow::{anyhow, Context};
use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::sections::{activity_label, band_label, field_label, segment_label};
use super::{
    col_f64, col_str, get, humanize, int, localize_ungrouped, num1, pct, pct0, Chart, ReportView,
    LOW_SAMPLE,
};
use crate::metrics::ttfv::Ttfv;
use crate::schema as s;
use crate::vocab::Band;

/// Every chart the data supports, in report order (monthly and quarterly charts both).
pub fn charts(view: &ReportView) -> anyhow::Result<Vec<Chart>> {
    let _scope = view.scope();
    let specs: Vec<Spec> = [
        spec_quality_bands(view),
        spec_trend(view),
        spec_sla(view),
        spec_missing(view),
        spec_ttfv_segment(view),
        spec_ttfv_km(view),
        spec_adoption_health(view),
        spec_churn(view),
        spec_retention(view),
        spec_expansion_nps(view),
        drivers::spec_drivers(view),
        drivers::spec_cohorts(view),
    ]
    .into_iter()
    .flatten()
    .collect();
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    ensure_font()?;
    specs
        .iter()
        .map(|sp| render(sp).with_context(|| format!("drawing chart {}", sp.name)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_numbers_and_ticks() {
        assert_eq!(nice_axis(10.6, 5, true), (15.0, vec![0.0, 5.0, 10.0, 15.0]));
        assert_eq!(nice_axis(0.343, 5, false).0, 0.4);
        assert_eq!(ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(fmt_tick(Fmt::Pct, 0.25), "25%");
        assert_eq!(fmt_tick(Fmt::Signed, 50.0), "+50");
    }

    #[test]
    fn staircase_steps() {
        let s = staircase(&[(0.0, 1.0), (10.0, 0.8), (20.0, 0.5)]);
        assert_eq!(
            s,
            vec![
                (0.0, 1.0),
                (10.0, 1.0),
                (10.0, 0.8),
                (20.0, 0.8),
                (20.0, 0.5)
            ]
        );
        assert_eq!(step_at(&[(0.0, 1.0), (10.0, 0.8)], 5.0), Some(1.0));
        assert_eq!(step_at(&[(0.0, 1.0), (10.0, 0.8)], 11.0), None);
    }

    #[test]
    fn png_has_signature_and_chunks() {
        let png = encode_png(&[255u8; 2 * 2 * 3], 2, 2).unwrap_or_default();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&png[12..16], b"IHDR");
        assert!(png.ends_with(&[0xae, 0x42, 0x60, 0x82]));
    }

    #[test]
    fn hostile_labels_are_escaped_in_svg() {
        // Band keys of the metrics are typed now; data text reaches charts through tables
        // (here a band column) and the period label in titles.
        let m = serde_json::json!({"period": {"kind": "monthly", "label": "<b>Q</b>"}});
        let bands = polars::prelude::df!(
            "band" => ["<b>Initech</b>"],
            "deals" => [3.0],
            "share" => [1.0],
        )
        .unwrap_or_default();
        let tables = [("quality_bands".to_string(), bands)];
        let view = ReportView {
            metrics: &m,
            tables: &tables,
            settings: &crate::config::Settings::default(),
        };
        let charts = charts(&view).unwrap_or_default();
        assert_eq!(charts.len(), 1);
        assert!(charts[0].svg.starts_with("<svg"));
        assert!(!charts[0].svg.contains("<b>"));
        assert!(charts[0].svg.contains("&lt;b&gt;"));
    }
}
