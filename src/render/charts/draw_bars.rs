//! Drawing of vertical and horizontal bar charts.

use super::*;

pub(crate) fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Bars,
    sc: f64,
) -> anyhow::Result<()> {
    let mut area = area.clone();
    if let Some(sub) = &c.subtitle {
        let (a, b) = area.split_vertically(px(22.0 * sc));
        a.draw(&Text::new(
            sub.clone(),
            (px(14.0 * sc), px(4.0 * sc)),
            font(14.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Top)),
        ))
        .map_err(de)?;
        area = b;
    }
    let n = c.cats.len().max(1);
    let keys = category_keys(&c.cats, false);
    let (y0, y1) = c.y_range;
    let mut chart = frame(
        &area,
        VERTICAL,
        category_axis(&keys),
        Keyed::new(y0, y1, c.y_ticks.clone()),
        sc,
    )?;
    let yf = c.y_fmt;
    mesh(&mut chart, sc)
        .disable_x_mesh()
        .x_labels(n + 1)
        .y_labels(c.y_ticks.len() + 1)
        .x_label_formatter(&|x| key_label(&keys, *x))
        .y_label_formatter(&|v| fmt_tick(yf, *v))
        .x_desc(c.x_desc.as_str())
        .y_desc(c.y_desc.as_str())
        .draw()
        .map_err(de)?;
    if y0 < 0.0 {
        chart
            .draw_series(LineSeries::new(
                vec![(-0.5, 0.0), (n as f64 - 0.5, 0.0)],
                stroke(AXIS, 1.5 * sc),
            ))
            .map_err(de)?;
    }
    let k = c.series.len().max(1);
    let group_w = if k == 1 { 0.62 } else { 0.8 };
    let w = group_w / k as f64;
    let base = if y0 > 0.0 { y0 } else { 0.0 };
    let label_style = font(13.0 * sc, INK);
    for (si, ser) in c.series.iter().enumerate() {
        for (i, v) in ser.values.iter().enumerate() {
            let Some(v) = v.filter(|v| v.is_finite()) else {
                continue;
            };
            let x0 = i as f64 - group_w / 2.0 + si as f64 * w + w * 0.04;
            let x1 = x0 + w * 0.92;
            let xc = (x0 + x1) / 2.0;
            let color = ser.bar_colors.get(i).copied().unwrap_or(ser.color);
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x0, base), (x1, v.clamp(y0, y1))],
                    color.filled(),
                )))
                .map_err(de)?;
            let mut top = v;
            if let Some(Some((lo, hi))) = ser.ci.get(i) {
                let (lo, hi) = (lo.clamp(y0, y1), hi.clamp(y0, y1));
                let cap = w * 0.18;
                let st = stroke(INK, 1.5 * sc);
                for seg in [
                    vec![(xc, lo), (xc, hi)],
                    vec![(xc - cap, lo), (xc + cap, lo)],
                    vec![(xc - cap, hi), (xc + cap, hi)],
                ] {
                    chart.draw_series(LineSeries::new(seg, st)).map_err(de)?;
                }
                top = top.max(hi);
            }
            if let Some(l) = ser.labels.get(i).filter(|l| !l.is_empty()) {
                let (dy, vpos, y) = if v < 0.0 {
                    (px(4.0 * sc), VPos::Top, v.max(y0))
                } else {
                    (-px(4.0 * sc), VPos::Bottom, top.min(y1))
                };
                text_at(
                    &chart,
                    (xc, y),
                    l.clone(),
                    (0, dy),
                    label_style.pos(Pos::new(HPos::Center, vpos)),
                )?;
            }
        }
    }
    for (y, l) in &c.refs {
        horizontal_reference(&mut chart, (-0.5, n as f64 - 0.5), *y, l, sc)?;
    }
    Ok(())
}

pub(crate) fn draw_hbars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &HBars,
    sc: f64,
) -> anyhow::Result<()> {
    let n = c.cats.len().max(1);
    let keys = category_keys(&c.cats, true);
    let xt = nice_axis(c.x_max, 5, false).1;
    let room = Room {
        right: 96.0,
        x_labels: 46.0,
        y_labels: 170.0,
    };
    let x_axis = Keyed::new(0.0, c.x_max, xt.clone());
    let mut chart = frame(area, room, x_axis, category_axis(&keys), sc)?;
    mesh(&mut chart, sc)
        .disable_y_mesh()
        .x_labels(xt.len() + 1)
        .y_labels(n + 1)
        .x_label_formatter(&|v| fmt_tick(c.x_fmt, *v))
        .y_label_formatter(&|y| key_label(&keys, *y))
        .x_desc(c.x_desc.as_str())
        .draw()
        .map_err(de)?;
    if let Some((x, l)) = &c.reference {
        let top = n as f64 - 0.5;
        let place = RefLabel {
            at: (*x, top),
            offset: (4.0, 2.0),
            anchor: (HPos::Left, VPos::Top),
        };
        reference(&mut chart, [(*x, -0.5), (*x, top)], l, place, INK, sc)?;
    }
    let label_style = font(13.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, v) in c.values.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        let end = match v.filter(|v| v.is_finite()) {
            Some(v) => {
                let v = v.clamp(0.0, c.x_max);
                let color = c.colors.get(i).copied().unwrap_or(OI_BLUE);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(0.0, y - 0.3), (v, y + 0.3)],
                        color.filled(),
                    )))
                    .map_err(de)?;
                v
            }
            None => 0.0,
        };
        if let Some(l) = c.labels.get(i).filter(|l| !l.is_empty()) {
            // A white plate keeps the label readable where it crosses the reference line.
            let (tw, th) = chart
                .plotting_area()
                .estimate_text_size(l, &label_style)
                .map_err(de)?;
            let (dx, pad, half) = (px(6.0 * sc), px(3.0 * sc), th as i32 / 2);
            chart
                .plotting_area()
                .draw(
                    &(EmptyElement::at((end, y))
                        + Rectangle::new(
                            [(dx - pad, -half - pad), (dx + tw as i32 + pad, half + pad)],
                            WHITE.filled(),
                        )
                        + Text::new(l.clone(), (dx, 0), label_style.clone())),
                )
                .map_err(de)?;
        }
    }
    Ok(())
}
