//! A JSON Schema (draft 2020-12) validator for the keywords `docs/metrics.schema.json` uses,
//! and nothing else: a schema with any other keyword, or a `pattern` not in [`PATTERNS`],
//! is refused, so this can never pass a document by ignoring part of its schema.
//!
//! Why not a crate: `boon` and `jsonschema` both change the features of crates polars
//! depends on (`idna`, `regex-automata`), so every test build would compile polars a second
//! time. The schema itself is plain draft 2020-12 that any validator reads.

use serde_json::Value;

/// Keywords that only annotate.
const ANNOTATIONS: &[&str] = &["$schema", "$comment", "title", "description", "$defs"];

/// A check equivalent to one `pattern`.
type PatternCheck = fn(&str) -> bool;

/// The `pattern`s the schema uses, each with an equivalent check.
const PATTERNS: &[(&str, PatternCheck)] = &[
    ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", |s| shape(s, "dddd-dd-dd")),
    ("^[0-9]{4}-[0-9]{2}$", |s| shape(s, "dddd-dd")),
    ("^[0-9]{4}-Q[1-4]$", quarter),
    ("^[0-9]{4}-([0-9]{2}|Q[1-4])$", |s| {
        shape(s, "dddd-dd") || quarter(s)
    }),
];

/// `s` has the shape of `template`, where `d` is an ASCII digit and anything else itself.
fn shape(s: &str, template: &str) -> bool {
    s.len() == template.len()
        && s.bytes().zip(template.bytes()).all(|(c, t)| match t {
            b'd' => c.is_ascii_digit(),
            _ => c == t,
        })
}

fn quarter(s: &str) -> bool {
    s.len() == 7 && shape(&s[..6], "dddd-Q") && matches!(s.as_bytes()[6], b'1'..=b'4')
}

/// Every violation of `schema` (resolved against `root` for `$ref`) by `doc`, as
/// `PATH: problem` lines; empty when `doc` is valid. Panics on a keyword it does not know.
pub fn validate(root: &Value, schema: &Value, doc: &Value, path: &str, out: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        match schema {
            Value::Bool(true) => {}
            Value::Bool(false) => out.push(format!("{path}: not allowed")),
            _ => panic!("{path}: a schema must be an object or a boolean: {schema}"),
        }
        return;
    };
    for (key, value) in map {
        match key.as_str() {
            k if ANNOTATIONS.contains(&k) => {}
            "$ref" => {
                let target = value.as_str().expect("$ref is a string");
                let pointer = target
                    .strip_prefix('#')
                    .unwrap_or_else(|| panic!("only local $ref are supported: {target}"));
                let resolved = root
                    .pointer(pointer)
                    .unwrap_or_else(|| panic!("$ref {target} points nowhere"));
                validate(root, resolved, doc, path, out);
            }
            "type" => {
                let types: Vec<&str> = match value {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => panic!("{path}: bad type keyword {value}"),
                };
                if !types.iter().any(|t| is_type(doc, t)) {
                    out.push(format!(
                        "{path}: {doc} is not of type {}",
                        types.join(" or ")
                    ));
                }
            }
            "enum" => {
                let options = value.as_array().expect("enum is an array");
                if !options.contains(doc) {
                    out.push(format!("{path}: {doc} is not one of {value}"));
                }
            }
            "const" => {
                if doc != value {
                    out.push(format!("{path}: {doc} is not {value}"));
                }
            }
            "minimum" | "maximum" => {
                let bound = value.as_f64().expect("a numeric bound");
                if let Some(x) = doc.as_f64() {
                    let ok = if key == "minimum" {
                        x >= bound
                    } else {
                        x <= bound
                    };
                    if !ok {
                        out.push(format!("{path}: {x} is outside its {key} {bound}"));
                    }
                }
            }
            "pattern" => {
                let p = value.as_str().expect("pattern is a string");
                let check = PATTERNS
                    .iter()
                    .find(|(q, _)| *q == p)
                    .unwrap_or_else(|| panic!("pattern {p:?} is not supported here"))
                    .1;
                if let Some(s) = doc.as_str() {
                    if !check(s) {
                        out.push(format!("{path}: {s:?} does not match {p}"));
                    }
                }
            }
            "required" => {
                if let Some(obj) = doc.as_object() {
                    for k in value.as_array().expect("required is an array") {
                        let k = k.as_str().expect("a key name");
                        if !obj.contains_key(k) {
                            out.push(format!("{path}: required key {k:?} is missing"));
                        }
                    }
                }
            }
            "properties" | "additionalProperties" | "propertyNames" => {
                let Some(obj) = doc.as_object() else { continue };
                let props = map.get("properties").and_then(Value::as_object);
                for (k, v) in obj {
                    let at = format!("{path}.{k}");
                    match key.as_str() {
                        "properties" => {
                            if let Some(s) = props.and_then(|p| p.get(k)) {
                                validate(root, s, v, &at, out);
                            }
                        }
                        "additionalProperties" => {
                            if !props.is_some_and(|p| p.contains_key(k)) {
                                validate(root, value, v, &at, out);
                            }
                        }
                        _ => validate(root, value, &Value::from(k.as_str()), &at, out),
                    }
                }
            }
            "items" => {
                if let Some(items) = doc.as_array() {
                    for (i, v) in items.iter().enumerate() {
                        validate(root, value, v, &format!("{path}[{i}]"), out);
                    }
                }
            }
            other => panic!("{path}: keyword {other:?} is not supported by tests/docs/schema.rs"),
        }
    }
}

fn is_type(v: &Value, t: &str) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        // JSON Schema: an integer is a number with no fractional part (1.0 included).
        "integer" => v.as_f64().is_some_and(|x| x.fract() == 0.0),
        _ => panic!("unknown type {t:?}"),
    }
}
