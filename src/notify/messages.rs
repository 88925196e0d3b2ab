//! Every sentence a notification shows comes from the shared catalog (`locales/en/notify.ftl`,
//! through [`crate::text`]): the payload builders name message ids and pass variables; they
//! hold no text.

pub use crate::text::text;
