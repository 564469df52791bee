//! The data shapes of `rule.hcl`, each on a minimal rule and input.

use heal_patch::apply_edits;
use heal_rules::data::DataRule;
use heal_rules::{Context, Finding, Module, ModuleFile, Rule, RuleMeta};
use heal_syntax::SourceFile;

fn rule(shapes: &str) -> DataRule {
    let text = format!(
        "id = \"t\"\ntitle = \"t\"\nseverity = \"low\"\nprovider = \"aws\"\n\
         resources = [\"thing\"]\nfix = \"safe\"\nmessage = \"m\"\n{shapes}"
    );
    let meta: RuleMeta = hcl::from_str(&text).unwrap();
    DataRule::new(meta)
}

fn findings(rule: &DataRule, text: &str) -> Vec<Finding> {
    let file = ModuleFile::parse(SourceFile::new("m/main.tf", text.to_string())).unwrap();
    let module = Module::new("m", vec![file]);
    let file = &module.files()[0];
    let context = Context {
        file,
        module: &module,
    };
    let mut found = Vec::new();
    for block in file.body().blocks() {
        rule.check(&context, block, &mut found);
    }
    found
}

fn fixed(rule: &DataRule, text: &str) -> String {
    let found = findings(rule, text);
    assert_eq!(found.len(), 1, "{found:?}");
    apply_edits(text, found[0].fix.as_ref().expect("a fix").edits()).unwrap()
}

#[test]
fn when_present_false_applies_only_without_the_attribute() {
    let rule = rule(
        "when {\n  path = \"kms_key\"\n  present = false\n}\n\
         require {\n  path = \"managed_sse\"\n  expect = true\n}\n",
    );
    let with_key = "resource \"thing\" \"a\" {\n  kms_key = aws_kms_key.k.arn\n}\n";
    assert!(findings(&rule, with_key).is_empty());
    let without = "resource \"thing\" \"a\" {\n  name = \"a\"\n}\n";
    assert_eq!(
        fixed(&rule, without),
        "resource \"thing\" \"a\" {\n  name        = \"a\"\n  managed_sse = true\n}\n"
    );
}

#[test]
fn require_present_accepts_any_value_even_a_reference() {
    let rule = rule("require {\n  path = \"role\"\n  present = true\n  fix = \"TODO\"\n}\n");
    assert!(findings(
        &rule,
        "resource \"thing\" \"a\" {\n  role = aws_iam_role.r.arn\n}\n"
    )
    .is_empty());
    assert_eq!(findings(&rule, "resource \"thing\" \"a\" {\n}\n").len(), 1);
}

#[test]
fn at_most_bounds_numbers() {
    let rule = rule("require {\n  path = \"max_age\"\n  at_most = 90\n  fix = 90\n}\n");
    assert!(findings(&rule, "resource \"thing\" \"a\" {\n  max_age = 30\n}\n").is_empty());
    assert_eq!(
        fixed(
            &rule,
            "resource \"thing\" \"a\" {\n  max_age = 365 # a year\n}\n"
        ),
        "resource \"thing\" \"a\" {\n  max_age = 90 # a year\n}\n"
    );
}

#[test]
fn contains_appends_what_a_list_lacks_in_its_own_layout() {
    let rule = rule("require {\n  path = \"logs\"\n  contains = [\"audit\", \"error\"]\n}\n");
    assert!(findings(
        &rule,
        "resource \"thing\" \"a\" {\n  logs = [\"error\", \"audit\"]\n}\n"
    )
    .is_empty());
    assert_eq!(
        fixed(
            &rule,
            "resource \"thing\" \"a\" {\n  logs = [\"error\"]\n}\n"
        ),
        "resource \"thing\" \"a\" {\n  logs = [\"error\", \"audit\"]\n}\n"
    );
    assert_eq!(
        fixed(&rule, "resource \"thing\" \"a\" {\n  logs = [\n    \"slow\",\n  ]\n}\n"),
        "resource \"thing\" \"a\" {\n  logs = [\n    \"slow\",\n    \"audit\",\n    \"error\",\n  ]\n}\n"
    );
    assert_eq!(
        fixed(&rule, "resource \"thing\" \"a\" {\n}\n"),
        "resource \"thing\" \"a\" {\n  logs = [\"audit\", \"error\"]\n}\n"
    );
}

#[test]
fn a_list_one_item_per_line_keeps_its_comments_and_gets_a_line_per_new_item() {
    let rule = rule("require {\n  path = \"logs\"\n  contains = [\"audit\"]\n}\n");
    let cases = [
        // A comment after the last item's comma stays on its line.
        (
            "  logs = [\n    \"slow\", # noisy\n  ]\n",
            "  logs = [\n    \"slow\", # noisy\n    \"audit\",\n  ]\n",
        ),
        // No comma after the last item: one goes right after it, and comment
        // lines before the bracket stay above the new item.
        (
            "  logs = [\n    \"error\",\n    \"slow\" # noisy\n\n    # more later\n  ]\n",
            "  logs = [\n    \"error\",\n    \"slow\", # noisy\n\n    # more later\n    \"audit\",\n  ]\n",
        ),
        // A block comment after the last item: the item goes right after it,
        // on its line, every other byte kept.
        (
            "  logs = [\n    \"slow\" /* noisy */,\n  ]\n",
            "  logs = [\n    \"slow\", \"audit\" /* noisy */,\n  ]\n",
        ),
        // CRLF lists stay CRLF.
        (
            "  logs = [\r\n    \"slow\"\r\n  ]\r\n",
            "  logs = [\r\n    \"slow\",\r\n    \"audit\",\r\n  ]\r\n",
        ),
    ];
    for (list, expected) in cases {
        let text = format!("resource \"thing\" \"a\" {{\n{list}}}\n");
        let want = format!("resource \"thing\" \"a\" {{\n{expected}}}\n");
        assert_eq!(fixed(&rule, &text), want, "{list:?}");
    }
}
