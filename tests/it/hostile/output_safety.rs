//! Output safety: markup and spreadsheet formulas from the data are neutralised, and a
//! `--period` cannot write outside the output folder.

use super::*;

#[test]
fn markup_and_formulas_are_neutralised() {
    let d = case("injection");
    let out = tempfile::tempdir().unwrap();
    let r = report(d.path(), out.path());
    expect(&r, 0, &[]);
    let dir = out.path().join("2026-10");
    let html = fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(!html.contains("<b>Initech</b>"), "raw markup in index.html");
    assert!(
        html.contains("&lt;b&gt;Initech&lt;/b&gt;"),
        "escaped name missing"
    );
    let md = fs::read_to_string(dir.join("report.md")).unwrap();
    assert!(!md.contains("<b>Initech</b>"), "raw markup in report.md");
    assert!(
        md.contains("&lt;b&gt;Initech&lt;/b&gt;"),
        "escaped name missing"
    );
    let names = escalated_accounts(out.path());
    assert!(
        names.contains(&"'=HYPERLINK(\"x\")".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"'+Globex".to_string()), "{names:?}");
    // No text cell of any CSV output starts a formula.
    let mut csvs = vec![dir.join("data-quality.csv")];
    for e in fs::read_dir(dir.join("tables")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "csv") {
            csvs.push(p);
        }
    }
    for p in csvs {
        for row in csv_rows(&p) {
            for cell in row {
                let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
                assert!(
                    !risky || cell.parse::<f64>().is_ok(),
                    "{}: formula cell {cell:?}",
                    p.display()
                );
            }
        }
    }
}

#[test]
fn a_period_cannot_escape_the_output_folder() {
    let d = case("base");
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("reports");
    for period in ["../x", "2026-10/../../x", "/tmp/x", "2026-Q1/..", "..", ""] {
        let r = run(&[
            "report",
            "--as-of",
            AS_OF,
            "--period",
            period,
            "--data",
            arg(d.path()),
            "--out",
            arg(&out),
        ]);
        assert_eq!(r.code, 2, "--period {period:?}: {r:#?}");
        assert!(!r.stderr.contains("panicked"), "{r:#?}");
        assert!(!out.exists(), "--period {period:?} wrote {}", out.display());
        let entries: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert!(entries.is_empty(), "--period {period:?} wrote {entries:?}");
    }
}
