//! Walking a text column by its string views. polars keeps each string as a 16-byte view:
//! the length and, up to 12 bytes, the text itself, else the length, a 4-byte prefix and
//! where the bytes are in the chunk's buffers. Two equal views are equal text, so a row that
//! repeats the row before it (an account's snapshot rows come together) is recognised with
//! one integer comparison instead of a byte comparison. Unequal views may still be equal
//! text (the same id stored twice): callers treat that row as new, which costs time, never
//! a different result.

use polars::prelude::*;

/// Each row of `ca`: `None` for a null, else its text and whether its view equals the
/// previous non-null row's in the same chunk (a view points into its own chunk's buffers).
pub fn texts(ca: &StringChunked) -> impl Iterator<Item = Option<(&str, bool)>> {
    // The validity through the chunk as a trait object, the views through its type.
    ca.downcast_iter()
        .zip(ca.chunks())
        .flat_map(|(arr, chunk)| {
            let validity = chunk.validity();
            let mut last: Option<u128> = None;
            arr.views().iter().enumerate().map(move |(i, view)| {
                if validity.is_some_and(|v| !v.get_bit(i)) {
                    return None;
                }
                let bits = view.as_u128();
                let repeat = last == Some(bits);
                last = Some(bits);
                Some((arr.value(i), repeat))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Short text is inline in its view; long text lives in a buffer, so the same long
    /// text stored twice has two views. The last two chunks hold one long text each, at
    /// the same offset of their own buffer: the same view bits, other text.
    #[test]
    fn repeats_by_view_within_a_chunk() {
        let long = |c: char| Some(format!("account-{}", c.to_string().repeat(20)));
        let chunk = |ids: &[Option<String>]| ids.iter().cloned().collect::<StringChunked>();
        let x = Some("x".to_string());
        let mut ca = chunk(&[x.clone(), x.clone(), None, x, long('a'), long('a')]);
        ca.append_owned(chunk(&[long('a')])).unwrap();
        ca.append_owned(chunk(&[long('b')])).unwrap();
        let got: Vec<Option<(String, bool)>> = texts(&ca)
            .map(|t| t.map(|(s, repeat)| (s.chars().take(9).collect(), repeat)))
            .collect();
        let row = |s: &str, repeat: bool| Some((s.to_string(), repeat));
        let want = [
            row("x", false),
            row("x", true), // inline: equal text, equal view
            None,
            row("x", true), // compared with the last non-null row
            row("account-a", false),
            row("account-a", false), // stored twice: another offset, another view
            row("account-a", false), // another chunk
            row("account-b", false), // the view bits of the row before, other text
        ];
        assert_eq!(got, want);
    }
}
