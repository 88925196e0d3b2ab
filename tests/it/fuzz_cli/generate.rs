//! The second property: `handoff generate` into folders of user files. Refused, it leaves
//! them byte-identical; with `--force` it replaces only the table files it writes.

use super::*;

/// Names a user's folder may hold: table files of either format, a config, the manifest
/// name with garbage in it, other files and a folder.
const USER_FILES: &[&str] = &[
    "deals.csv",
    "deals.parquet",
    "handoffs.csv",
    "surveys.parquet",
    "deals.csv.gz",
    "handoff.toml",
    ".handoff-generate.json",
    ".deals.csv.partial",
    "notes.txt",
    "export.xlsx",
    "presets/hubspot.toml",
];

#[derive(Debug, Clone)]
struct GenerateCase {
    files: Vec<(usize, Vec<u8>)>,
    force: bool,
    parquet: bool,
    /// Run generate once before adding the user's files (its own folder, then edited).
    generated_first: bool,
}

fn generate_case() -> impl Strategy<Value = GenerateCase> {
    (
        prop::collection::vec(
            (
                0..USER_FILES.len(),
                prop::collection::vec(any::<u8>(), 0..40),
            ),
            0..4,
        ),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(files, force, parquet, generated_first)| GenerateCase {
            files,
            force,
            parquet,
            generated_first,
        })
}

fn run_generate(dir: &Path, g: &GenerateCase) -> std::process::Output {
    let mut cmd = std::process::Command::new(bin());
    cmd.args(["generate", "--deals", "3", "--out"]).arg(dir);
    if g.parquet {
        cmd.args(["--format", "parquet"]);
    }
    if g.force {
        cmd.arg("--force");
    }
    cmd.output().unwrap()
}

/// `generate` never changes or removes a file it did not write: refused (exit 2) it leaves
/// the folder byte-identical; with `--force` it changes only the table files of its format.
fn run_generate_case(g: &GenerateCase) -> Result<(), TestCaseError> {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("data");
    if g.generated_first {
        let first = std::process::Command::new(bin())
            .args(["generate", "-q", "--deals", "2", "--out"])
            .arg(&dir)
            .status()
            .unwrap();
        prop_assert_eq!(first.code(), Some(0));
    }
    fs::create_dir_all(&dir).unwrap();
    let mut user: Vec<PathBuf> = Vec::new();
    for (i, bytes) in &g.files {
        let path = dir.join(USER_FILES[*i]);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        user.push(PathBuf::from(USER_FILES[*i]));
    }
    let before = files(&dir);
    let output = run_generate(&dir, g);
    let code = output.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    prop_assert!(code == 0 || code == 2, "exit {code}: {stderr}");
    prop_assert!(!stderr.contains("panicked"), "{stderr}");
    let after: BTreeMap<PathBuf, Vec<u8>> = files(&dir).into_iter().collect();
    if code == 2 {
        prop_assert!(files(&dir) == before, "exit 2 changed the folder: {stderr}");
        return Ok(());
    }
    let ext = if g.parquet { "parquet" } else { "csv" };
    let replaceable = |p: &Path| {
        let name = p.to_string_lossy();
        name == ".handoff-generate.json"
            || name.starts_with('.') && name.ends_with(".partial")
            || TABLES.iter().any(|t| name == format!("{t}.{ext}"))
    };
    for (p, bytes) in &before {
        // Files the user wrote last must survive unless generate may replace them.
        if user.contains(p) && !replaceable(p) {
            prop_assert!(
                after.get(p) == Some(bytes),
                "{} was changed or removed (force {}): {stderr}",
                p.display(),
                g.force
            );
        }
    }
    if !g.force {
        // Without --force, only a folder of generate's own files is written into: what
        // the user added may only be the manifest's or a temporary file's name.
        let reserved = |p: &PathBuf| {
            let name = p.to_string_lossy();
            name == ".handoff-generate.json" || name.ends_with(".partial")
        };
        prop_assert!(
            user.iter().all(reserved),
            "wrote into a folder holding {user:?}"
        );
    }
    Ok(())
}

#[test]
fn generate_never_touches_a_file_it_did_not_write() {
    let cases = std::env::var("HANDOFF_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(64)
        .div_ceil(4);
    let config = Config {
        cases,
        max_shrink_iters: 64,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    if let Err(e) = runner.run(&generate_case(), |g| run_generate_case(&g)) {
        panic!("{e}");
    }
}
