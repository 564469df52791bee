//! The fuzz property (`fuzz/property.rs`) without libFuzzer: over every catalog
//! fixture and seeded random mutations of them, so it runs on the stable
//! toolchain and in `cargo test`.
//!
//! `cargo test` runs a few hundred inputs. For a long run:
//!
//! ```text
//! HEAL_FUZZ_SECONDS=1800 HEAL_FUZZ_CORPUS=/work/shared/corpus \
//!     cargo test --release --test fuzz_harness -- --nocapture
//! ```
//!
//! `HEAL_FUZZ_SEED` picks another random sequence. Failing inputs are written
//! to `target/fuzz-findings/`.

#[path = "../fuzz/property.rs"]
mod property;

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use heal_rules::Registry;

/// Tokens that tend to matter to an HCL parser or to a rule.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "\"",
    "${",
    "%{",
    "=",
    ",",
    "\n",
    "\r\n",
    "\t",
    "#",
    "//",
    "/*",
    "*/",
    "<<EOT\n",
    "\nEOT\n",
    "<<-EOT\n",
    "true",
    "false",
    "null",
    "0",
    "-1",
    ".",
    "*",
    "?",
    ":",
    "=>",
    "...",
    "é",
    "\u{feff}",
    "resource \"aws_s3_bucket\" \"x\" {\n}\n",
    "resource \"aws_kms_key\" \"k\" { description = \"d\" }\n",
    "dynamic \"x\" {\n}\n",
    "terraform {\n  required_providers {\n    aws = { version = \"< 4.0\" }\n  }\n}\n",
    "enabled = true\n",
    "acl = \"public-read\"\n",
    "tags = {}\n",
    "var.x",
    "local.y",
];

/// A small deterministic random number generator (xorshift64*).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

/// The nearest character boundary at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One random change to `text`: delete, duplicate, insert a token, or splice in
/// a piece of `other`.
fn mutate(text: &str, other: &str, random: &mut Random) -> String {
    let start = boundary(text, random.below(text.len() + 1));
    let end = boundary(text, start + random.below(64)).max(start);
    let mut out = String::with_capacity(text.len() + 64);
    out.push_str(&text[..start]);
    match random.below(4) {
        0 => {}
        1 => {
            out.push_str(&text[start..end]);
            out.push_str(&text[start..end]);
        }
        2 => {
            out.push_str(TOKENS[random.below(TOKENS.len())]);
            out.push_str(&text[start..end]);
        }
        _ => {
            let from = boundary(other, random.below(other.len() + 1));
            let to = boundary(other, from + random.below(256)).max(from);
            out.push_str(&other[from..to]);
        }
    }
    out.push_str(&text[end..]);
    out
}

/// `.tf` files under `dir`, in a stable order.
fn tf_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            tf_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "tf") {
            found.push(path);
        }
    }
}

fn seeds() -> Vec<String> {
    let mut paths = Vec::new();
    tf_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("remediations"),
        &mut paths,
    );
    if let Ok(corpus) = std::env::var("HEAL_FUZZ_CORPUS") {
        tf_files(Path::new(&corpus), &mut paths);
    }
    paths
        .iter()
        .filter_map(|path| fs::read_to_string(path).ok())
        .collect()
}

/// Runs the property on `input`; a panic counts as a violation.
fn violation(registry: &Registry, input: &str) -> Option<String> {
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        property::check(registry, input.as_bytes())
    }));
    match result {
        Ok(Ok(())) => None,
        Ok(Err(message)) => Some(message),
        Err(panic) => Some(format!(
            "panic: {}",
            panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)")
        )),
    }
}

fn save(input: &str, index: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-findings");
    let _ = fs::create_dir_all(&dir);
    let path = dir.join(format!("finding-{index}.tf"));
    let _ = fs::write(&path, input);
    path
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

#[test]
fn fixtures_and_their_mutations_keep_the_fix_properties() {
    let registry = Registry::load().expect("the catalog loads");
    let seeds = seeds();
    assert!(!seeds.is_empty(), "no fixtures found");
    let budget = Duration::from_secs(env_number("HEAL_FUZZ_SECONDS", 0));
    let minimum = if budget.is_zero() { 300 } else { 0 };
    let mut random = Random(env_number("HEAL_FUZZ_SEED", 0x5eed_1234_abcd_0001) | 1);

    let started = Instant::now();
    let mut failures = Vec::new();
    let mut inputs = 0;
    for seed in &seeds {
        inputs += 1;
        if let Some(message) = violation(&registry, seed) {
            failures.push((save(seed, failures.len()), message));
        }
    }
    while inputs < seeds.len() + minimum || started.elapsed() < budget {
        let mut input = seeds[random.below(seeds.len())].clone();
        for _ in 0..=random.below(4) {
            let other = &seeds[random.below(seeds.len())];
            input = mutate(&input, other, &mut random);
        }
        inputs += 1;
        if let Some(message) = violation(&registry, &input) {
            failures.push((save(&input, failures.len()), message));
        }
    }

    eprintln!(
        "fuzz harness: {inputs} inputs from {} seeds in {:.1?}, {} violations",
        seeds.len(),
        started.elapsed(),
        failures.len()
    );
    let report: Vec<String> = failures
        .iter()
        .take(5)
        .map(|(path, message)| format!("{}: {message}", path.display()))
        .collect();
    assert!(failures.is_empty(), "{}", report.join("\n\n"));
}

/// The replay check is what holds fixing to "nothing outside the edits
/// changes"; it must notice a round that changed a byte it did not claim.
#[test]
fn a_round_that_changes_bytes_outside_its_edits_is_a_violation() {
    use std::collections::BTreeMap;

    use heal_patch::Edit;
    use heal_rules::Pass;

    let path = Path::new("main.tf");
    let before = "a = 1\nb = 2\n";
    let edits = [Edit::replace(4..5, "3")];
    let texts = || BTreeMap::from([(path.to_path_buf(), before.to_string())]);
    let round = |after| Pass {
        path,
        before,
        edits: &edits,
        after,
    };

    assert_eq!(
        property::replay(&mut texts(), round("a = 3\nb = 2\n")),
        Ok(())
    );
    for after in [
        "a = 3\nb = 2",
        "a = 3\nb = 9\n",
        "A = 3\nb = 2\n",
        "a = 33\nb = 2\n",
    ] {
        let verdict = property::replay(&mut texts(), round(after));
        assert!(verdict.is_err(), "{after:?} was accepted");
    }
}
