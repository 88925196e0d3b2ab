//! One walk over a CSV file's bytes with the state machine of the `csv` crate (RFC 4180):
//! the quoting mistakes that crate reads past without an error, and where records start,
//! so the row parser ([`super::csv_file`]) can cut a big file into pieces of whole records
//! and read them on two threads (issue #17).

use super::decode::LineCounter;

/// What the walk found.
#[derive(Debug, Default)]
pub(super) struct QuoteScan {
    /// Line of a quote opening a field that is never closed: the rest of the file became
    /// one field.
    pub unterminated: Option<u64>,
    /// Lines with a `"` inside a quoted field that is not doubled (RFC 4180 wants `""`).
    pub stray: Vec<u64>,
    /// For each aim asked for (byte offsets, ascending): the first record start at or after
    /// it, as (byte offset, line). A line break outside quotes ends a record, so the byte
    /// after it starts the next one. Aims past the last line break get none.
    pub cuts: Vec<(usize, u64)>,
}

/// Walk `text` (line 1 at its first byte) with the state machine of the `csv` crate (RFC
/// 4180, `""` escapes, quotes literal inside unquoted fields; `\r`, `\n` end records) to find
/// its silent failures and the record starts nearest after `aims`.
///
/// Only quotes change the state, so the walk jumps from quote to quote with SIMD searches
/// (`memchr`) and counts lines only where it reports one; a test checks it against the
/// machine stepped byte by byte (that loop, on one thread before the pieces start, had
/// been 4.6% of the CPU samples of a run on the messy 1 M-deal export, issue #17).
pub(super) fn scan_quotes(text: &[u8], delimiter: u8, aims: &[usize]) -> QuoteScan {
    let mut scan = QuoteScan::default();
    let mut lines = LineCounter::new(text);
    let mut aims = aims.iter().copied().peekable();
    // Outside quotes from `pos` on; whether `pos` starts a field.
    let (mut pos, mut field_start) = (0, true);
    loop {
        let quote = memchr::memchr(b'"', &text[pos..]).map(|k| pos + k);
        let stretch_end = quote.unwrap_or(text.len());
        // Outside quotes, every `\n` ends a record.
        while let Some(&aim) = aims.peek() {
            let from = pos.max(aim.saturating_sub(1));
            let Some(k) = text
                .get(from..stretch_end)
                .and_then(|t| memchr::memchr(b'\n', t))
            else {
                break;
            };
            let cut = from + k + 1;
            scan.cuts.push((cut, lines.line_at(cut)));
            while aims.next_if(|&a| a <= cut).is_some() {}
        }
        let Some(q) = quote else {
            return scan;
        };
        let opens = match q.checked_sub(1) {
            Some(before) if before >= pos => {
                let b = text[before];
                b == delimiter || b == b'\n' || b == b'\r'
            }
            _ => field_start,
        };
        if !opens {
            // A quote inside an unquoted field is a character like any other.
            (pos, field_start) = (q + 1, false);
            continue;
        }
        // A quoted field: its closing quote is the first `"` not doubled.
        let mut close = q + 1;
        loop {
            let Some(k) = memchr::memchr(b'"', &text[close..]) else {
                scan.unterminated = Some(lines.line_at(q));
                return scan;
            };
            close += k;
            if text.get(close + 1) != Some(&b'"') {
                break;
            }
            close += 2;
        }
        match text.get(close + 1) {
            None => return scan,
            Some(&b) if b == delimiter || b == b'\n' || b == b'\r' => {
                (pos, field_start) = (close + 1, true);
            }
            Some(_) => {
                let line = lines.line_at(close + 1);
                if scan.stray.last() != Some(&line) {
                    scan.stray.push(line);
                }
                (pos, field_start) = (close + 1, false);
            }
        }
    }
}

/// Line numbers for a message: the first five, then how many more.
pub(super) fn join_lines(lines: &[u64]) -> String {
    let mut s = lines
        .iter()
        .take(5)
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if lines.len() > 5 {
        s.push_str(&format!(", … {} more", lines.len() - 5));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The reference: the state machine stepped byte by byte. Walk `text` (line 1 at its first byte) with the state machine of the `csv` crate (RFC
    /// 4180, `""` escapes, quotes literal inside unquoted fields; `\r`, `\n` end records) to find
    /// its silent failures and the record starts nearest after `aims`.
    fn scan_bytewise(text: &[u8], delimiter: u8, aims: &[usize]) -> QuoteScan {
        #[derive(PartialEq)]
        enum State {
            FieldStart,
            Unquoted,
            Quoted,
            QuoteInQuoted,
        }
        let mut scan = QuoteScan::default();
        let mut state = State::FieldStart;
        let mut line = 1u64;
        let mut opened_at = 1u64;
        let mut aims = aims.iter().copied().peekable();
        for (i, &b) in text.iter().enumerate() {
            let end_of_line = b == b'\n' || b == b'\r';
            state = match state {
                State::FieldStart | State::Unquoted if end_of_line || b == delimiter => {
                    State::FieldStart
                }
                State::FieldStart if b == b'"' => {
                    opened_at = line;
                    State::Quoted
                }
                State::FieldStart | State::Unquoted => State::Unquoted,
                State::Quoted if b == b'"' => State::QuoteInQuoted,
                State::Quoted => State::Quoted,
                State::QuoteInQuoted if b == b'"' => State::Quoted,
                State::QuoteInQuoted if end_of_line || b == delimiter => State::FieldStart,
                State::QuoteInQuoted => {
                    if scan.stray.last() != Some(&line) {
                        scan.stray.push(line);
                    }
                    State::Unquoted
                }
            };
            if b == b'\n' || (b == b'\r' && text.get(i + 1) != Some(&b'\n')) {
                line += 1;
            }
            // Cut only after a `\n`: never between the `\r` and `\n` of a line break.
            if b == b'\n' && state == State::FieldStart && aims.peek().is_some_and(|&a| a <= i + 1)
            {
                scan.cuts.push((i + 1, line));
                while aims.next_if(|&a| a <= i + 1).is_some() {}
            }
        }
        if state == State::Quoted {
            scan.unterminated = Some(opened_at);
        }
        scan
    }

    proptest! {
        /// The SIMD walk finds what the byte-by-byte machine finds, on text made of the
        /// bytes that matter (quotes, separators, line breaks).
        #[test]
        fn jumps_find_what_steps_find(
            text in proptest::collection::vec(
                proptest::sample::select(&b"\"\"\",;\n\r\xEFab"[..]), 0..120),
            aims in proptest::collection::btree_set(0usize..130, 0..6),
            semicolon in any::<bool>(),
        ) {
            let aims: Vec<usize> = aims.into_iter().collect();
            let delimiter = if semicolon { b';' } else { b',' };
            let fast = scan_quotes(&text, delimiter, &aims);
            let slow = scan_bytewise(&text, delimiter, &aims);
            prop_assert_eq!(fast.unterminated, slow.unterminated);
            prop_assert_eq!(fast.stray, slow.stray);
            prop_assert_eq!(fast.cuts, slow.cuts);
        }
    }

    #[test]
    fn quote_scan_finds_what_the_csv_crate_reads_past() {
        let ok = scan_quotes(b"a,\"b,\"\"c\"\"\nd\"\nx,y\"z\n", b',', &[]);
        assert_eq!((ok.unterminated, ok.stray), (None, vec![]));
        let open = scan_quotes(b"h\r\na,b\r\nc,\"d\r\ne\r\n", b',', &[]);
        assert_eq!(open.unterminated, Some(3));
        let stray = scan_quotes(b"h\n\"a \"b\" c\",d\nx\n\"e\"f\n", b',', &[]);
        assert_eq!((stray.unterminated, stray.stray), (None, vec![2, 4]));
        assert_eq!(scan_quotes(b"a;\"b;c\n", b';', &[]).unterminated, Some(1));
    }

    #[test]
    fn cuts_fall_on_record_starts() {
        // Lines start at bytes 0, 4 (line 2), 7 (line 3, inside a quoted field), 14 (line
        // 4), 21 (line 5, blank, after a CRLF), 22 (line 6); the text ends at 24 (line 7).
        let text = b"a,b\n\"c\nd\"\"\",e\nf,\"g\"\r\n\nh\n";
        let cuts = |aims: &[usize]| scan_quotes(text, b',', aims).cuts;
        assert_eq!(cuts(&[1]), vec![(4, 2)]);
        // Inside the quoted field: no cut before its record ends.
        assert_eq!(cuts(&[5, 7]), vec![(14, 4)]);
        // Not between `\r` and `\n`; a blank line is a cut like any other.
        assert_eq!(cuts(&[20]), vec![(21, 5)]);
        assert_eq!(cuts(&[22, 23]), vec![(22, 6), (24, 7)]);
        // Past the last line break: no cut.
        assert_eq!(cuts(&[4, 25]), vec![(4, 2)]);
        assert_eq!(cuts(&[]), vec![]);
    }

    #[test]
    fn line_lists() {
        assert_eq!(join_lines(&[3]), "3");
        assert_eq!(
            join_lines(&[1, 2, 3, 4, 5, 6, 7]),
            "1, 2, 3, 4, 5, … 2 more"
        );
    }
}
