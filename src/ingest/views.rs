//! Walking a text column by its string views. polars keeps each string as a 16-byte view:
//! the length and, up to 12 bytes, the text itself, else the length, a 4-byte prefix and
//! where the bytes are in the chunk's buffers. Two equal views are equal text, so a row that
//! repeats the row before it (an account's snapshot rows come together) is recognised with
//! one integer comparison instead of a byte comparison. Unequal views may still be equal
//! text (the same id stored twice): callers treat that row as new, which costs time, never
//! a different result.

use polars::prelude::*;
use polars_arrow::array::Array;

/// One row of a text column, as [`each`] hands it on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text<'a> {
    /// A missing value.
    Null,
    /// The row's view equals the previous non-null row's in the same chunk (a view points
    /// into its own chunk's buffers): the same text, not looked at again.
    Repeat,
    /// Any other row, with its text.
    New(&'a str),
}

/// Call `f` on each row of `ca`, in order: a loop over each chunk's views, in which the text
/// of a repeat is never looked up and a chunk without nulls skips the validity, so a repeat
/// costs a 16-byte comparison.
pub fn each<'a>(ca: &'a StringChunked, mut f: impl FnMut(Text<'a>)) {
    // The validity through the chunk as a trait object, the views through its type.
    for (arr, chunk) in ca.downcast_iter().zip(ca.chunks()) {
        let views = arr.views();
        let mut last: Option<u128> = None;
        match chunk.validity().filter(|v| v.unset_bits() > 0) {
            None => {
                for (i, view) in views.iter().enumerate() {
                    let bits = view.as_u128();
                    if last == Some(bits) {
                        f(Text::Repeat);
                    } else {
                        last = Some(bits);
                        f(Text::New(arr.value(i)));
                    }
                }
            }
            Some(validity) => {
                for ((i, view), valid) in views.iter().enumerate().zip(validity.iter()) {
                    let bits = view.as_u128();
                    if !valid {
                        f(Text::Null);
                    } else if last == Some(bits) {
                        f(Text::Repeat);
                    } else {
                        last = Some(bits);
                        f(Text::New(arr.value(i)));
                    }
                }
            }
        }
    }
}

/// Whether `ok` holds for the text of every non-null row of `ca`, asked once per distinct
/// view of a chunk while the chunk has at most [`FEW_VIEWS`] of them. A column read from
/// a Parquet dictionary page holds one view per distinct value even for long text (the
/// info and status fields of a handoff: a few dozen spellings on a million rows), so each
/// spelling is checked once, not once a row. Past that many distinct views (ids) the
/// column is checked row by row, a repeat of the row before still skipped.
pub fn all_text<'a>(ca: &'a StringChunked, mut ok: impl FnMut(&'a str) -> bool) -> bool {
    for arr in ca.downcast_iter() {
        // Per chunk: a long text's view points into its own chunk's buffers.
        let mut seen: PlHashSet<u128> = PlHashSet::default();
        let mut last: Option<u128> = None;
        let validity = arr.validity().filter(|v| v.unset_bits() > 0);
        for (i, view) in arr.views().iter().enumerate() {
            if validity.is_some_and(|v| !v.get_bit(i)) {
                continue;
            }
            let bits = view.as_u128();
            if last == Some(bits) {
                continue;
            }
            last = Some(bits);
            if seen.len() < FEW_VIEWS && !seen.insert(bits) {
                continue;
            }
            if !ok(arr.value(i)) {
                return false;
            }
        }
    }
    true
}

/// The most distinct views [`all_text`] remembers in a chunk.
pub const FEW_VIEWS: usize = 1024;

/// Whether some row of `ca` may start with one of `bytes`: read from each view's first
/// text byte (in the view for every length), without looking up the text. Missing rows
/// may answer true (their views are not looked at); a false answer is certain.
pub fn may_start_with(ca: &StringChunked, bytes: &[u8]) -> bool {
    ca.downcast_iter().any(|arr| {
        arr.views()
            .iter()
            .any(|v| v.length > 0 && bytes.contains(&v.prefix.to_le_bytes()[0]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_bytes_from_the_views() {
        let long = "=SUM(A1:A9) and some more text";
        let ca = StringChunked::new("t".into(), [Some("abc"), None, Some("")]);
        assert!(!may_start_with(&ca, b"=+"));
        assert!(may_start_with(&ca, b"xa"));
        let ca = StringChunked::new("t".into(), [Some("plain"), Some(long)]);
        assert!(may_start_with(&ca, b"="));
        assert!(!may_start_with(&ca, b"+-"));
    }

    #[test]
    fn all_text_asks_each_distinct_view_of_a_chunk_once() {
        use polars_arrow::array::Utf8ViewArray;
        let long = |c: char| format!("customer context {}", c.to_string().repeat(20));
        // A dictionary-like chunk: two long spellings, each a single view repeated.
        let values = Utf8ViewArray::from_slice([Some("a"), None, Some("b"), Some("a")]);
        let dict = Utf8ViewArray::from_slice_values([long('x'), long('y')]);
        let keys = [0u32, 1, 1, 0, 1, 0, 0];
        let gathered =
            unsafe { polars_compute::gather::take_unchecked(&dict, &IdxArr::from_slice(keys)) };
        let mut ca = StringChunked::with_chunk("t".into(), values);
        let gathered = gathered.as_any().downcast_ref::<Utf8ViewArray>().unwrap();
        ca.append_owned(StringChunked::with_chunk("t".into(), gathered.clone()))
            .unwrap();
        let mut asked: Vec<String> = Vec::new();
        assert!(all_text(&ca, |v| {
            asked.push(v.to_string());
            true
        }));
        assert_eq!(asked, ["a", "b", &long('x'), &long('y')]);
        // A failing value is found whichever chunk it is in; nulls are never asked.
        assert!(!all_text(&ca, |v| v != long('y')));
        assert!(!all_text(&ca, |v| v != "b"));
        // Past FEW_VIEWS distinct views, every new row is asked.
        let many: StringChunked = (0..FEW_VIEWS + 10)
            .chain(0..10)
            .map(|i| Some(format!("{i}")))
            .collect();
        let mut n = 0;
        assert!(all_text(&many, |_| {
            n += 1;
            true
        }));
        assert_eq!(n, FEW_VIEWS + 20);
    }

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
        let mut got: Vec<Text> = Vec::new();
        each(&ca, |t| got.push(t));
        let (a, b) = (long('a').unwrap(), long('b').unwrap());
        let want = [
            Text::New("x"),
            Text::Repeat, // inline: equal text, equal view
            Text::Null,
            Text::Repeat, // compared with the last non-null row
            Text::New(&a),
            Text::New(&a), // stored twice: another offset, another view
            Text::New(&a), // another chunk
            Text::New(&b), // the view bits of the row before, other text
        ];
        assert_eq!(got, want);
    }
}
