//! libFuzzer target: parse, check, fix, re-parse, fix again (see `property.rs`).
#![no_main]

#[path = "../property.rs"]
mod property;

use std::sync::OnceLock;

use heal_rules::Registry;
use libfuzzer_sys::fuzz_target;

static REGISTRY: OnceLock<Registry> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let registry = REGISTRY.get_or_init(|| Registry::load().expect("the catalog loads"));
    if let Err(violation) = property::check(registry, data) {
        panic!("{violation}");
    }
});
