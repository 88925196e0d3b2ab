//! Drawing of line charts and quantile (box) charts.

use super::*;

pub(crate) fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &Lines,
    sc: f64,
) -> anyhow::Result<()> {
    let (x0, x1) = c.x_range;
    let (y0, y1) = c.y_range;
    let xk: Vec<f64> = c.x_ticks.iter().map(|k| k.0).collect();
    let mut chart = ChartBuilder::on(area)
        .margin_left(px(6.0 * sc))
        .margin_right(px(22.0 * sc))
        .margin_top(px(8.0 * sc))
        .margin_bottom(px(6.0 * sc))
        .x_label_area_size(px(48.0 * sc))
        .y_label_area_size(px(62.0 * sc))
        .build_cartesian_2d(
            Keyed::new(x0, x1, xk),
            Keyed::new(y0, y1, c.y_ticks.clone()),
        )
        .map_err(de)?;
    let yf = c.y_fmt;
    chart
        .configure_mesh()
        .bold_line_style(stroke(GRID, sc))
        .light_line_style(TRANSPARENT.stroke_width(0))
        .axis_style(stroke(AXIS, sc))
        .x_labels(c.x_ticks.len() + 1)
        .y_labels(c.y_ticks.len() + 1)
        .x_label_formatter(&|x| key_label(&c.x_ticks, *x))
        .y_label_formatter(&|v| fmt_tick(yf, *v))
        .label_style(font(13.0 * sc, MUTED))
        .axis_desc_style(font(14.0 * sc, INK))
        .x_desc(c.x_desc.as_str())
        .y_desc(c.y_desc.as_str())
        .draw()
        .map_err(de)?;
    let ref_style = stroke(MUTED, 1.5 * sc);
    let ref_font = font(12.0 * sc, MUTED);
    for (y, l) in &c.hrefs {
        chart
            .draw_series(DashedLineSeries::new(
                vec![(x0, *y), (x1, *y)],
                px(6.0 * sc),
                px(4.0 * sc),
                ref_style,
            ))
            .map_err(de)?;
        chart
            .plotting_area()
            .draw(
                &(EmptyElement::at((x1, *y))
                    + Text::new(
                        l.clone(),
                        (-px(4.0 * sc), -px(3.0 * sc)),
                        ref_font.pos(Pos::new(HPos::Right, VPos::Bottom)),
                    )),
            )
            .map_err(de)?;
    }
    for (x, l) in &c.vrefs {
        chart
            .draw_series(DashedLineSeries::new(
                vec![(*x, y0), (*x, y1)],
                px(6.0 * sc),
                px(4.0 * sc),
                ref_style,
            ))
            .map_err(de)?;
        chart
            .plotting_area()
            .draw(
                &(EmptyElement::at((*x, y0))
                    + Text::new(
                        l.clone(),
                        (px(4.0 * sc), -px(4.0 * sc)),
                        ref_font.pos(Pos::new(HPos::Left, VPos::Bottom)),
                    )),
            )
            .map_err(de)?;
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
            chart
                .plotting_area()
                .draw(
                    &(EmptyElement::at(*p)
                        + Text::new(
                            l.clone(),
                            (0, -px(9.0 * sc)),
                            font(13.0 * sc, INK).pos(Pos::new(HPos::Center, VPos::Bottom)),
                        )),
                )
                .map_err(de)?;
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
    let keys: Vec<(f64, String)> = c
        .cats
        .iter()
        .enumerate()
        .map(|(i, l)| (i as f64, l.clone()))
        .collect();
    let xk: Vec<f64> = keys.iter().map(|k| k.0).collect();
    let yt = nice_axis(c.y_max, 5, false).1;
    let mut chart = ChartBuilder::on(area)
        .margin_left(px(6.0 * sc))
        .margin_right(px(16.0 * sc))
        .margin_top(px(8.0 * sc))
        .margin_bottom(px(6.0 * sc))
        .x_label_area_size(px(48.0 * sc))
        .y_label_area_size(px(62.0 * sc))
        .build_cartesian_2d(
            Keyed::new(-0.5, n as f64 - 0.5, xk),
            Keyed::new(0.0, c.y_max, yt.clone()),
        )
        .map_err(de)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(stroke(GRID, sc))
        .light_line_style(TRANSPARENT.stroke_width(0))
        .axis_style(stroke(AXIS, sc))
        .x_labels(n + 1)
        .y_labels(yt.len() + 1)
        .x_label_formatter(&|x| key_label(&keys, *x))
        .y_label_formatter(&|v| fmt_tick(Fmt::Num, *v))
        .label_style(font(13.0 * sc, MUTED))
        .axis_desc_style(font(14.0 * sc, INK))
        .x_desc(c.x_desc.as_str())
        .y_desc(c.y_desc.as_str())
        .draw()
        .map_err(de)?;
    let half = 0.22;
    for (i, row) in c.rows.iter().enumerate() {
        let x = i as f64;
        let Some([p25, med, p75, p90]) = row else {
            chart
                .plotting_area()
                .draw(
                    &(EmptyElement::at((x, 0.0))
                        + Text::new(
                            c.none_label.clone(),
                            (0, -px(6.0 * sc)),
                            font(12.0 * sc, MUTED).pos(Pos::new(HPos::Center, VPos::Bottom)),
                        )),
                )
                .map_err(de)?;
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
        chart
            .plotting_area()
            .draw(
                &(EmptyElement::at((x + half, *med))
                    + Text::new(
                        c.median_labels.get(i).cloned().unwrap_or_default(),
                        (px(5.0 * sc), 0),
                        font(13.0 * sc, INK).pos(Pos::new(HPos::Left, VPos::Center)),
                    )),
            )
            .map_err(de)?;
    }
    Ok(())
}
