//! Fonts, palette, line looks and small drawing helpers shared by every chart.

use super::*;

pub(crate) const FONT_BYTES: &[u8] = include_bytes!("../../../assets/DejaVuSans.ttf");

pub(crate) const FAMILY: &str = "sans-serif";

pub(crate) const WIDTH: u32 = 800;

pub(crate) const HEIGHT: u32 = 440;

/// PNGs are drawn at twice the SVG size so they stay sharp in slides and documents.
pub(crate) const PNG_SCALE: u32 = 2;

pub(crate) static FONT_INIT: Once = Once::new();

pub(crate) static FONT_OK: AtomicBool = AtomicBool::new(false);

/// Register the embedded font with plotters, once per process.
pub(crate) fn ensure_font() -> anyhow::Result<()> {
    FONT_INIT.call_once(|| {
        let ok = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_BYTES).is_ok();
        FONT_OK.store(ok, Ordering::SeqCst);
    });
    if FONT_OK.load(Ordering::SeqCst) {
        Ok(())
    } else {
        Err(anyhow!("the embedded chart font could not be loaded"))
    }
}

pub(crate) const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);

pub(crate) const MUTED: RGBColor = RGBColor(0x5f, 0x6b, 0x7a);

pub(crate) const GRID: RGBColor = RGBColor(0xe3, 0xe7, 0xec);

pub(crate) const AXIS: RGBColor = RGBColor(0x9a, 0xa5, 0xb1);

pub(crate) const OI_BLUE: RGBColor = RGBColor(0x00, 0x72, 0xb2);

pub(crate) const OI_SKY: RGBColor = RGBColor(0x56, 0xb4, 0xe9);

pub(crate) const OI_ORANGE: RGBColor = RGBColor(0xe6, 0x9f, 0x00);

pub(crate) const OI_VERMILLION: RGBColor = RGBColor(0xd5, 0x5e, 0x00);

pub(crate) const BOX_FILL: RGBColor = RGBColor(0xc6, 0xdb, 0xef);

/// Day 30 / 60 / 90: one hue, increasing darkness (ordered in greyscale too).
pub(crate) const DAYS: [RGBColor; 3] = [
    RGBColor(0x9e, 0xca, 0xe1),
    RGBColor(0x42, 0x92, 0xc6),
    RGBColor(0x08, 0x30, 0x6b),
];

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Marker {
    Circle,
    Triangle,
    Square,
    Diamond,
}

/// How one line looks: colour, dash pattern (dash, gap in px) and marker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Look {
    pub(crate) color: RGBColor,
    pub(crate) dash: Option<(f64, f64)>,
    pub(crate) marker: Marker,
}

pub(crate) fn band_color(band: &str) -> RGBColor {
    match band {
        "excellent" => OI_BLUE,
        "good" => OI_SKY,
        "acceptable" => OI_ORANGE,
        "substandard" => OI_VERMILLION,
        _ => MUTED,
    }
}

pub(crate) fn band_look(band: &str) -> Look {
    let (dash, marker) = match band {
        "excellent" => (None, Marker::Circle),
        "good" => (Some((10.0, 5.0)), Marker::Triangle),
        "acceptable" => (Some((3.0, 4.0)), Marker::Square),
        "substandard" => (Some((18.0, 6.0)), Marker::Diamond),
        _ => (Some((6.0, 6.0)), Marker::Circle),
    };
    Look {
        color: band_color(band),
        dash,
        marker,
    }
}

pub(crate) fn font(size: f64, color: RGBColor) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&color)
}

pub(crate) fn px(v: f64) -> i32 {
    v.round() as i32
}

pub(crate) fn stroke(color: RGBColor, width: f64) -> ShapeStyle {
    color.stroke_width(width.round().max(1.0) as u32)
}

pub(crate) fn de<E: std::fmt::Display>(e: E) -> anyhow::Error {
    anyhow!("drawing failed: {e}")
}

/// A category label from the data: no control characters, at most 28 characters.
pub(crate) fn label(s: &str) -> String {
    let clean: String = s.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() > 28 {
        let mut t: String = clean.chars().take(27).collect();
        t.push('…');
        t
    } else {
        clean
    }
}
