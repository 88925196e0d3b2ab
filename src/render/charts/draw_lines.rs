//! Drawing of line charts and quantile (box) charts.

use super::*;

pub(crate) fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Lines,
    sc: f64,
) -> anyhow::Result<()> {
    let (x0, x1) = c.x_range;
    let (y0, y1) = c.y_range;
    let room = Room {
        right: 22.0,
        ..VERTICAL
    };
    let x_axis = Keyed::new(x0, x1, positions(&c.x_ticks));
    let mut chart = frame(
        area,
        room,
        x_axis,
        Keyed::new(y0, y1, c.y_ticks.clone()),
        sc,
    )?;
    let yf = c.y_fmt;
    mesh(&mut chart, sc)
        .x_labels(c.x_ticks.len() + 1)
        .y_labels(c.y_ticks.len() + 1)
        .x_label_formatter(&|x| key_label(&c.x_ticks, *x))
        .y_label_formatter(&|v| fmt_tick(yf, *v))
        .x_desc(c.x_desc.as_str())
        .y_desc(c.y_desc.as_str())
        .draw()
        .map_err(de)?;
    for (y, l) in &c.hrefs {
        horizontal_reference(&mut chart, (x0, x1), *y, l, sc)?;
    }
    for (x, l) in &c.vrefs {
        let place = RefLabel {
            at: (*x, y0),
            offset: (4.0, -4.0),
            anchor: (HPos::Left, VPos::Bottom),
        };
        reference(&mut chart, [(*x, y0), (*x, y1)], l, place, MUTED, sc)?;
    }
    for ser in &c.series {
        let st = stroke(ser.look.color, 2.5 * sc);
        for seg in ser.segments.iter().filter(|s| s.len() >= 2) {
            match ser.look.dash {
                None => chart
                    .draw_series(LineSeries::new(seg.clone(), st))
                    .map_err(de)?,
                Some((d, g)) => chart
                    .draw_series(DashedLineSeries::new(
                        seg.clone(),
                        px(d * sc),
                        px(g * sc),
                        st,
                    ))
                    .map_err(de)?,
            };
        }
        for p in &ser.markers {
            marker!(
                chart.plotting_area(),
                *p,
                ser.look.marker,
                ser.look.color,
                sc
            )?;
        }
        for (p, l) in &ser.labels {
            let style = font(13.0 * sc, INK).pos(Pos::new(HPos::Center, VPos::Bottom));
            text_at(&chart, *p, l.clone(), (0, -px(9.0 * sc)), style)?;
        }
    }
    Ok(())
}

pub(crate) fn draw_quantiles<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Quantiles,
    sc: f64,
) -> anyhow::Result<()> {
    let n = c.cats.len().max(1);
    let keys = category_keys(&c.cats, false);
    let yt = nice_axis(c.y_max, 5, false).1;
    let y_axis = Keyed::new(0.0, c.y_max, yt.clone());
    let mut chart = frame(area, VERTICAL, category_axis(&keys), y_axis, sc)?;
    mesh(&mut chart, sc)
        .disable_x_mesh()
        .x_labels(n + 1)
        .y_labels(yt.len() + 1)
        .x_label_formatter(&|x| key_label(&keys, *x))
        .y_label_formatter(&|v| fmt_tick(Fmt::Num, *v))
        .x_desc(c.x_desc.as_str())
        .y_desc(c.y_desc.as_str())
        .draw()
        .map_err(de)?;
    let half = 0.22;
    for (i, row) in c.rows.iter().enumerate() {
        let x = i as f64;
        let Some([p25, med, p75, p90]) = row else {
            let style = font(12.0 * sc, MUTED).pos(Pos::new(HPos::Center, VPos::Bottom));
            let none = c.none_label.clone();
            text_at(&chart, (x, 0.0), none, (0, -px(6.0 * sc)), style)?;
            continue;
        };
        let whisker = stroke(INK, 1.5 * sc);
        chart
            .draw_series(LineSeries::new(vec![(x, *p75), (x, *p90)], whisker))
            .map_err(de)?;
        chart
            .draw_series(LineSeries::new(
                vec![(x - half * 0.5, *p90), (x + half * 0.5, *p90)],
                whisker,
            ))
            .map_err(de)?;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x - half, *p25), (x + half, *p75)],
                BOX_FILL.filled(),
            )))
            .map_err(de)?;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x - half, *p25), (x + half, *p75)],
                stroke(OI_BLUE, 1.2 * sc),
            )))
            .map_err(de)?;
        chart
            .draw_series(LineSeries::new(
                vec![(x - half, *med), (x + half, *med)],
                stroke(INK, 3.0 * sc),
            ))
            .map_err(de)?;
        let style = font(13.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Center));
        let median = c.median_labels.get(i).cloned().unwrap_or_default();
        text_at(&chart, (x + half, *med), median, (px(5.0 * sc), 0), style)?;
    }
    Ok(())
}
