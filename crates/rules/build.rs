//! Embeds the remediation catalog (`remediations/<id>/rule.hcl` and `README.md`)
//! into the library, so the binary carries its rules and adding a data-driven rule
//! means adding a folder.

use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let catalog = Path::new(&manifest).join("../../remediations");
    println!("cargo:rerun-if-changed={}", catalog.display());

    let mut folders: Vec<_> = fs::read_dir(&catalog)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.join("rule.hcl").is_file())
                .collect()
        })
        .unwrap_or_default();
    folders.sort();

    let mut out =
        String::from("/// The catalog as embedded at build time: (folder, rule.hcl, README.md).\n");
    out.push_str("pub(crate) static EMBEDDED: &[(&str, &str, &str)] = &[\n");
    for folder in &folders {
        let name = folder.file_name().unwrap_or_default().to_string_lossy();
        let rule = folder.join("rule.hcl");
        let doc = folder.join("README.md");
        println!("cargo:rerun-if-changed={}", rule.display());
        println!("cargo:rerun-if-changed={}", doc.display());
        let doc_expr = if doc.is_file() {
            format!("include_str!({:?})", doc.display().to_string())
        } else {
            "\"\"".to_string()
        };
        writeln!(
            out,
            "    ({name:?}, include_str!({:?}), {doc_expr}),",
            rule.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    out.push_str("];\n");

    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
