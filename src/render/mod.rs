//! The render stage: turns a finished report (metrics document + tables) into bytes —
//! tables (CSV/Parquet), and later HTML, Markdown and charts. Renderers know nothing about
//! files; [`crate::report`] decides paths and writes atomically.

pub mod tables;
