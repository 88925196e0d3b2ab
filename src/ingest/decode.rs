//! Decoding an input file's bytes to text: UTF-8 with or without a BOM, UTF-16 (with or
//! without a BOM), and lines that are not valid UTF-8 read as windows-1252; plus counting
//! the lines of the raw bytes so every message names the line a person sees in an editor.

/// The byte order of a UTF-16 file and the length of its BOM: with a BOM, or without one
/// when the start of the file has a NUL in every other byte (ASCII text in UTF-16).
fn utf16_order(bytes: &[u8]) -> Option<(bool, usize)> {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some((true, 2));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some((false, 2));
    }
    let head = &bytes[..bytes.len().min(512) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let nul_even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let nul_odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if nul_even == 0 && nul_odd * 10 >= pairs * 9 {
        Some((true, 0))
    } else if nul_odd == 0 && nul_even * 10 >= pairs * 9 {
        Some((false, 0))
    } else {
        None
    }
}

/// The 1-based line of byte `offset`: `\n`, `\r\n` and a lone `\r` each end a line.
fn line_at(bytes: &[u8], offset: usize) -> u64 {
    let mut lines = LineCounter::new(bytes);
    lines.advance(offset);
    lines.line
}

/// Counts lines through a byte buffer, forwards only.
pub(super) struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Self::at(bytes, 0, 1)
    }

    /// A counter that starts at byte `pos`, known to be on line `line` (and not between the
    /// `\r` and `\n` of a line break).
    pub(super) fn at(bytes: &'a [u8], pos: usize, line: u64) -> Self {
        LineCounter { bytes, pos, line }
    }

    /// Move to byte `to`, counting the line breaks passed: each `\n`, and each `\r` not
    /// followed by `\n` (SIMD searches, not a test per byte).
    fn advance(&mut self, to: usize) {
        let to = to.min(self.bytes.len());
        if self.pos >= to {
            return;
        }
        let bytes = self.bytes;
        let passed = &bytes[self.pos..to];
        self.line += memchr::memchr_iter(b'\n', passed).count() as u64;
        for i in memchr::memchr_iter(b'\r', passed) {
            if bytes.get(self.pos + i + 1) != Some(&b'\n') {
                self.line += 1;
            }
        }
        self.pos = to;
    }

    /// The line byte `pos` is on; `pos` at or after the last one asked for.
    pub(super) fn line_at(&mut self, pos: usize) -> u64 {
        self.advance(pos);
        self.line
    }

    /// The line a CSV record starts on, given the byte offset the `csv` crate reports for it
    /// (which is where the previous record ended, before any line breaks and blank lines).
    pub(super) fn record_line(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\n' | b'\r') {
            start += 1;
        }
        self.advance(start);
        self.line
    }
}

/// Decode file bytes to UTF-8 text, with a warning when transcoding was needed. UTF-16 (with
/// or without a BOM) is transcoded; a line that is not valid UTF-8 is read as windows-1252
/// (the encoding Excel and older CRM exports use), the other lines stay UTF-8.
pub(super) fn decode(bytes: Vec<u8>, file: &str, warnings: &mut Vec<String>) -> String {
    if let Some((le, bom)) = utf16_order(&bytes) {
        let body = &bytes[bom..];
        // A dangling last byte (an odd length) is dropped and counted as broken.
        let units = body.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        let mut bad = 0usize;
        let text: String = char::decode_utf16(units)
            .map(|r| {
                r.unwrap_or_else(|_| {
                    bad += 1;
                    char::REPLACEMENT_CHARACTER
                })
            })
            .collect();
        let order = if le { "LE" } else { "BE" };
        warnings.push(if bad == 0 && body.len().is_multiple_of(2) {
            format!("{file}: UTF-16{order} file transcoded to UTF-8")
        } else {
            format!(
                "{file}: UTF-16{order} file transcoded to UTF-8; {} broken sequence(s) replaced by U+FFFD",
                bad + body.len() % 2
            )
        });
        return text;
    }
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let mut bytes = bytes;
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let first = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
            let mut lines = 0u64;
            // A line break is never part of a multi-byte UTF-8 character: decode line by line.
            for chunk in bytes.split_inclusive(|b| *b == b'\n') {
                match std::str::from_utf8(chunk) {
                    Ok(s) => text.push_str(s),
                    Err(_) => {
                        lines += 1;
                        text.extend(chunk.iter().map(|&b| cp1252(b)));
                    }
                }
            }
            warnings.push(format!(
                "{file}: {lines} line(s) not valid UTF-8 (first at line {}, byte {}: 0x{:02X}); read as windows-1252",
                line_at(&bytes, first),
                first + bom,
                bytes[first]
            ));
            text
        }
    }
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_lf_crlf_and_lone_cr() {
        let text = b"h\r\na\n\nb\rc\r\n";
        let mut lines = LineCounter::new(text);
        assert_eq!(lines.record_line(1), 2); // after the header, before its CRLF
        assert_eq!(lines.record_line(5), 4); // the blank line is skipped
        assert_eq!(lines.record_line(8), 5); // after a lone CR
        assert_eq!(line_at(text, text.len()), 6);
    }

    #[test]
    fn decoding() {
        let mut w = Vec::new();
        assert_eq!(decode(b"\xEF\xBB\xBFa\xC3\xA9".to_vec(), "f", &mut w), "aé");
        assert!(w.is_empty());
        let mixed = b"caf\xC3\xA9\nM\xFCller\n".to_vec();
        assert_eq!(decode(mixed, "f", &mut w), "café\nMüller\n");
        assert!(w[0].contains("1 line(s) not valid UTF-8 (first at line 2, byte 7: 0xFC)"));
        let utf16: Vec<u8> = "a,b\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(utf16, "f", &mut w), "a,b\n");
        assert!(w[1].contains("UTF-16BE"));
    }
}
