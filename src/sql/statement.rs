//! Checks on the query text before DuckDB sees it: exactly one statement, and a query
//! (`SELECT`, `WITH`, `VALUES`, `FROM`, `TABLE`, `PIVOT`, `UNPIVOT`, `DESCRIBE`,
//! `SUMMARIZE`, `SHOW` or a parenthesised query), never a statement that writes, attaches
//! or changes settings. The engine wraps
//! the text in `COPY (…) TO …`, so a trailing `;` is cut here.

/// The query without its trailing `;` (and anything after it that is only comments or
/// blank), or an error saying what is not supported.
pub fn single_query(text: &str) -> Result<&str, String> {
    let cut = match top_level_semicolon(text) {
        Some(i) => {
            if !only_comments(&text[i + 1..]) {
                return Err(
                    "one SQL statement per query is supported; this text has more than one (separated by `;`)"
                        .to_string(),
                );
            }
            &text[..i]
        }
        None => text,
    };
    let word = first_word(cut);
    if word.is_empty() {
        return Err("the query is empty".to_string());
    }
    const QUERIES: [&str; 11] = [
        "SELECT",
        "WITH",
        "VALUES",
        "FROM",
        "TABLE",
        "PIVOT",
        "UNPIVOT",
        "DESCRIBE",
        "SUMMARIZE",
        "SHOW",
        "(",
    ];
    if !QUERIES.contains(&word.to_ascii_uppercase().as_str()) {
        return Err(format!(
            "only queries (SELECT, WITH …) are supported here; `{word}` statements are not"
        ));
    }
    Ok(cut)
}

/// Byte offset of the first `;` outside quotes and comments.
fn top_level_semicolon(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            q @ (b'\'' | b'"') => {
                i += 1;
                while i < b.len() {
                    if b[i] == q {
                        // A doubled quote is an escaped quote inside the literal.
                        if b.get(i + 1) == Some(&q) {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    i += 1;
                }
            }
            b'-' if b.get(i + 1) == Some(&b'-') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < b.len() && !(b[i] == b'*' && b.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i += 1;
            }
            b';' => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The text with comments and whitespace skipped from the start.
fn skip_comments(mut s: &str) -> &str {
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix("--") {
            s = rest.split_once('\n').map(|(_, r)| r).unwrap_or("");
        } else if let Some(rest) = s.strip_prefix("/*") {
            s = rest.split_once("*/").map(|(_, r)| r).unwrap_or("");
        } else {
            return s;
        }
    }
}

/// Nothing but comments, `;` and whitespace.
fn only_comments(s: &str) -> bool {
    let mut s = skip_comments(s);
    while let Some(rest) = s.strip_prefix(';') {
        s = skip_comments(rest);
    }
    s.is_empty()
}

/// The first keyword (or `(`) after leading comments.
fn first_word(s: &str) -> &str {
    let s = skip_comments(s);
    if s.starts_with('(') {
        return "(";
    }
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_semicolon_and_comments_are_cut() {
        assert_eq!(single_query("SELECT 1;").unwrap(), "SELECT 1");
        assert_eq!(
            single_query("-- what\nSELECT ';' AS x; -- done\n").unwrap(),
            "-- what\nSELECT ';' AS x"
        );
        assert_eq!(
            single_query("SELECT 'a''; b' AS \"x;\" /* ; */").unwrap(),
            "SELECT 'a''; b' AS \"x;\" /* ; */"
        );
        assert_eq!(
            single_query("(SELECT 1) UNION (SELECT 2);;").unwrap(),
            "(SELECT 1) UNION (SELECT 2)"
        );
    }

    #[test]
    fn two_statements_and_writes_are_refused() {
        let e = single_query("SELECT 1; SELECT 2").unwrap_err();
        assert!(e.contains("one SQL statement"), "{e}");
        let e = single_query("/* x */ create table t AS SELECT 1").unwrap_err();
        assert!(e.contains("`create` statements are not"), "{e}");
        assert!(single_query("COPY deals TO 'x.csv'").is_err());
        assert!(single_query("  -- only a comment\n")
            .unwrap_err()
            .contains("empty"));
        assert!(single_query("with x AS (SELECT 1) SELECT * FROM x").is_ok());
        assert!(single_query("FROM deals").is_ok());
        assert!(single_query("SUMMARIZE period_facts").is_ok());
        assert!(single_query("EXPLAIN SELECT 1").is_err());
    }
}
