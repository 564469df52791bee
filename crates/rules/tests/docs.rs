//! docs/rules.md is generated from the catalog; this test fails when it is stale.
//! Regenerate with `HEAL_UPDATE_DOCS=1 cargo test -p heal_rules --test docs`.

use std::fs;
use std::path::Path;

use heal_rules::catalog::{entries, reference_markdown};

#[test]
fn rule_reference_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    let expected = reference_markdown(&entries().expect("the catalog loads"));
    if std::env::var_os("HEAL_UPDATE_DOCS").is_some() {
        fs::write(&path, &expected).unwrap();
        return;
    }
    let current = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == expected,
        "docs/rules.md is stale: run `HEAL_UPDATE_DOCS=1 cargo test -p heal_rules --test docs`"
    );
}
