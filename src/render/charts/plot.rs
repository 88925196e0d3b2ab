//! The pieces every cartesian plot shares: category keys, the frame (margins and label
//! areas around a keyed plotting area), the styled mesh, dashed reference lines with their
//! label, and text anchored at a data point. `draw_bars` and `draw_lines` compose these, so
//! a change of look (grid colour, label size, reference style) is made once here.

use super::*;

/// A plot on two keyed axes, as `frame` builds it.
pub(crate) type KeyedChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<Keyed, Keyed>>;

/// Categories on integer positions, labelled: left to right from 0, or (`top_down`, for
/// horizontal bars) the first category on top.
pub(crate) fn category_keys(cats: &[String], top_down: bool) -> Vec<(f64, String)> {
    let n = cats.len().max(1);
    cats.iter()
        .enumerate()
        .map(|(i, l)| (if top_down { n - 1 - i } else { i } as f64, l.clone()))
        .collect()
}

/// The positions of category keys, for a `Keyed` axis.
pub(crate) fn positions(keys: &[(f64, String)]) -> Vec<f64> {
    keys.iter().map(|k| k.0).collect()
}

/// The axis over `n` categories, half a slot of room at each end.
pub(crate) fn category_axis(keys: &[(f64, String)]) -> Keyed {
    let n = keys.len().max(1) as f64;
    Keyed::new(-0.5, n - 0.5, positions(keys))
}

/// Room around the plotting area in unscaled pixels: the right margin and the sizes of the
/// x and y label areas (left, top and bottom margins are the same for every plot).
pub(crate) struct Room {
    pub(crate) right: f64,
    pub(crate) x_labels: f64,
    pub(crate) y_labels: f64,
}

/// The vertical plots' room: category or time axis below, value labels left.
pub(crate) const VERTICAL: Room = Room {
    right: 16.0,
    x_labels: 48.0,
    y_labels: 62.0,
};

/// Build the plotting area on `area` with the given axes.
pub(crate) fn frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    room: Room,
    x: Keyed,
    y: Keyed,
    sc: f64,
) -> anyhow::Result<KeyedChart<'a, DB>> {
    ChartBuilder::on(area)
        .margin_left(px(6.0 * sc))
        .margin_right(px(room.right * sc))
        .margin_top(px(8.0 * sc))
        .margin_bottom(px(6.0 * sc))
        .x_label_area_size(px(room.x_labels * sc))
        .y_label_area_size(px(room.y_labels * sc))
        .build_cartesian_2d(x, y)
        .map_err(de)
}

/// The mesh in the house style (light grid, muted tick labels, ink axis titles); the caller
/// adds what differs (which grid to hide, tick counts, formatters, titles) and draws it.
pub(crate) fn mesh<'a, 'b, DB: DrawingBackend>(
    chart: &'b mut KeyedChart<'a, DB>,
    sc: f64,
) -> MeshStyle<'a, 'b, Keyed, Keyed, DB> {
    let mut m = chart.configure_mesh();
    m.bold_line_style(stroke(GRID, sc))
        .light_line_style(TRANSPARENT.stroke_width(0))
        .axis_style(stroke(AXIS, sc))
        .label_style(font(13.0 * sc, MUTED))
        .axis_desc_style(font(14.0 * sc, INK));
    m
}

/// Text at a data point, shifted by `offset` pixels.
pub(crate) fn text_at<DB: DrawingBackend>(
    chart: &KeyedChart<DB>,
    at: (f64, f64),
    text: String,
    offset: (i32, i32),
    style: TextStyle,
) -> anyhow::Result<()> {
    chart
        .plotting_area()
        .draw(&(EmptyElement::at(at) + Text::new(text, offset, style)))
        .map_err(de)
}

/// Where a reference line's label sits: the data point it hangs on, its pixel offset and
/// its anchor.
pub(crate) struct RefLabel {
    pub(crate) at: (f64, f64),
    pub(crate) offset: (f64, f64),
    pub(crate) anchor: (HPos, VPos),
}

/// A dashed reference line (a target, a floor, an average) and its label, in `color`.
pub(crate) fn reference<DB: DrawingBackend>(
    chart: &mut KeyedChart<DB>,
    line: [(f64, f64); 2],
    label: &str,
    place: RefLabel,
    color: RGBColor,
    sc: f64,
) -> anyhow::Result<()> {
    chart
        .draw_series(DashedLineSeries::new(
            line.to_vec(),
            px(6.0 * sc),
            px(4.0 * sc),
            stroke(color, 1.5 * sc),
        ))
        .map_err(de)?;
    let (h, v) = place.anchor;
    text_at(
        chart,
        place.at,
        label.to_string(),
        (px(place.offset.0 * sc), px(place.offset.1 * sc)),
        font(12.0 * sc, color).pos(Pos::new(h, v)),
    )
}

/// A reference line across the plot at height `y`, labelled at its right end.
pub(crate) fn horizontal_reference<DB: DrawingBackend>(
    chart: &mut KeyedChart<DB>,
    (x0, x1): (f64, f64),
    y: f64,
    label: &str,
    sc: f64,
) -> anyhow::Result<()> {
    let place = RefLabel {
        at: (x1, y),
        offset: (-4.0, -3.0),
        anchor: (HPos::Right, VPos::Bottom),
    };
    reference(chart, [(x0, y), (x1, y)], label, place, MUTED, sc)
}
