//! Inputs the fuzzers found (tests/fuzz_harness.rs, fuzz/), each test named
//! after the bug it pins, run through the `heal` binary.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn heal(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heal"))
        .args(args)
        .current_dir(dir)
        .env_remove("HEAL_LOG")
        .env("CI", "true")
        .output()
        .expect("the heal binary runs")
}

fn fix(dir: &Path) -> Output {
    heal(dir, &["-v", "fix", "--unsafe-fixes", "."])
}

/// Asserts that heal refused `main.tf` as unparsable at `position`
/// (`line:column`) and left it holding `text`.
fn assert_refused(dir: &Path, output: &Output, position: &str, text: &str) {
    let log = stderr(output);
    assert!(
        log.contains(&format!("main.tf:{position}: cannot parse")),
        "{log}"
    );
    assert_eq!(output.status.code(), Some(2), "{log}");
    assert_eq!(fs::read_to_string(dir.join("main.tf")).unwrap(), text);
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `aws_s3_bucket.local.ydata[count.index].id` names something else, so the
/// companion never counted as present: every pass added one more, eight in all,
/// and heal wrote them.
#[test]
fn companion_for_a_bucket_whose_name_has_a_dot_is_not_added_every_pass() {
    let dir = tempfile::tempdir().unwrap();
    let text = "resource \"aws_s3_bucket\" \"local.ydata\" {\n  count  = 2\n  bucket = \"heal-fixture-data-${count.index}\"\n}\n";
    fs::write(dir.path().join("main.tf"), text).unwrap();
    let output = fix(dir.path());
    let log = stderr(&output);
    assert!(!log.contains("passes"), "{log}");
    assert_ne!(output.status.code(), Some(2), "{log}");
    assert_eq!(
        fs::read_to_string(dir.path().join("main.tf")).unwrap(),
        text
    );
}

/// A label with a zero-width no-break space made companions whose reference
/// did not parse.
#[test]
fn companion_for_a_bucket_whose_name_is_not_ascii_is_not_offered() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "resource \"aws_s3_bucket\" \"d\u{feff}ata\" {\n  bucket = \"heal-fixture-data\"\n}\n";
    fs::write(dir.path().join("main.tf"), text).unwrap();
    let output = fix(dir.path());
    let log = stderr(&output);
    assert!(!log.contains("invalid HCL"), "{log}");
    assert_ne!(output.status.code(), Some(2), "{log}");
    assert_eq!(
        fs::read_to_string(dir.path().join("main.tf")).unwrap(),
        text
    );
}

/// hcl-edit rejects `"he "a` followed by more on the same line; the tree-sitter
/// fallback read it (it takes line breaks for whitespace), and the AKS fixes
/// then made text neither parser accepts (libFuzzer crash-55b692fa). The
/// fallback now holds files to HCL's layout: the file is refused with its
/// position, and nothing is written.
#[test]
fn text_whose_attributes_share_a_line_is_refused_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let text = concat!(
        "terraform {\n  required_providers {\n    azurerm = {\n",
        "      source  = \"hashicorp/azurerm\"\n      version = \"~> 3.100\"\n    }\n  }\n}\n\n",
        "resource \"azurerm_kubernetes_cluster\" \"main\" {\n",
        "  name                = \"heal-aks\"\n  location            = \"westeurope\"\n",
        "  resource_group_name = \"heal\"\n  dns_prefix          = \"he \"a \nl\n",
        "default_node_pool {\n    name       = \"system\"\n    node_count = 1\n",
        "    vm_size    = \"Standard_D2s_v3\"\n  }\n\n  identity {\n",
        "    type = \"SystemAssigned\"\n  }\n}\n",
    );
    fs::write(dir.path().join("main.tf"), text).unwrap();
    assert_refused(dir.path(), &fix(dir.path()), "14:30", text);
}

/// An attribute and a block on one line (after a string spanning lines): only
/// the fallback parser read it, and the detailed-monitoring fix then never saw
/// its own edit; eight passes later heal wrote `monitoring = true` eight times
/// (libFuzzer crash-8170d7c4). heal now refuses such a file; a module whose
/// fixes do not settle for any other reason is written by no output (unit test
/// in src/fixes.rs).
#[test]
fn an_attribute_and_a_block_on_one_line_are_refused_not_fixed_eight_times() {
    let dir = tempfile::tempdir().unwrap();
    let text = "resource \"aws_instance\" \"web\" {\n  ami = \"ami-0abcdef1234507\n9\n68\"  root_block_device {\n    encrypted = true\n  }\n}\n";
    fs::write(dir.path().join("main.tf"), text).unwrap();
    assert_refused(dir.path(), &fix(dir.path()), "4:6", text);
    let patch = ["fix", "--unsafe-fixes", "--patch", "fixes.patch", "."];
    assert_refused(dir.path(), &heal(dir.path(), &patch), "4:6", text);
    assert_eq!(
        fs::read_to_string(dir.path().join("fixes.patch")).unwrap(),
        ""
    );
}

/// A list whose items do not sit one per line (an item that is a quoted string
/// spanning lines, or items sharing a line) was laid out as if they did: the
/// text before the first item became every item's indentation, and the fix did
/// not parse (fuzz harness), or the last line's item was written twice.
#[test]
fn list_items_are_appended_after_the_last_item_when_the_list_has_its_own_layout() {
    let cases = [
        (
            "  enabled_cluster_log_types = [\"api\", \"aud\nit\"]\n",
            "  enabled_cluster_log_types = [\"api\", \"aud\nit\", \"audit\", \"authenticator\", \"controllerManager\", \"scheduler\"]\n",
        ),
        (
            "  enabled_cluster_log_types = [\n    \"api\", \"audit\",\n    \"scheduler\"]\n",
            "  enabled_cluster_log_types = [\n    \"api\", \"audit\",\n    \"scheduler\", \"authenticator\", \"controllerManager\"]\n",
        ),
        (
            "  enabled_cluster_log_types = [\n    \"api\", # the API server\n    \"audit\",\n  ]\n",
            // One item per line, with a comment: a line per new item.
            "  enabled_cluster_log_types = [\n    \"api\", # the API server\n    \"audit\",\n    \"authenticator\",\n    \"controllerManager\",\n    \"scheduler\",\n  ]\n",
        ),
    ];
    for (list, fixed_list) in cases {
        let dir = tempfile::tempdir().unwrap();
        let cluster = |list: &str| {
            format!("resource \"aws_eks_cluster\" \"c\" {{\n  name = \"c\"\n{list}}}\n")
        };
        fs::write(dir.path().join("main.tf"), cluster(list)).unwrap();
        let output = heal(
            dir.path(),
            &["fix", "--select", "aws-eks-control-plane-logging", "."],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(
            fs::read_to_string(dir.path().join("main.tf")).unwrap(),
            cluster(fixed_list)
        );
    }
}

/// A one-line block whose only attribute is a quoted string spanning lines
/// (which hcl-edit accepts) was taken for a block spanning lines, and the new
/// attributes landed behind its closing brace: the output did not parse (fuzz
/// harness, 17 inputs in 30 minutes). A block whose body starts on the brace's
/// line is a one-line block, and is expanded as one.
#[test]
fn a_one_line_block_holding_a_string_that_spans_lines_is_expanded_before_inserting() {
    let dir = tempfile::tempdir().unwrap();
    let text = "resource \"google_compute_subnetwork\" \"tools\" { ip_cidr_range = \"10.20.0.0/<<EOT\n24\" }\n";
    fs::write(dir.path().join("main.tf"), text).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_heal"))
        .args([
            "fix",
            "--select",
            "gcp-subnetwork-private-google-access",
            ".",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("main.tf")).unwrap(),
        "resource \"google_compute_subnetwork\" \"tools\" {\n  ip_cidr_range = \"10.20.0.0/<<EOT\n24\"\n  private_ip_google_access = true\n}\n"
    );
}

/// Found by libFuzzer in 10 minutes: `{/*` on one line and `*/}` on the next.
/// The new attribute went to the start of the next line, inside the comment,
/// so the finding never went away and heal hit the pass cap. A line break in
/// a block comment does not start a line of the body: the block is a one-line
/// block, and an attribute goes after a trailing comment that spans lines.
#[test]
fn an_attribute_is_not_inserted_into_a_block_comment_that_spans_lines() {
    let cases = [
        (
            "resource\"google_container_cluster\"\"c\"{/*\n*/}\n",
            "resource\"google_container_cluster\"\"c\"{\n  /*\n*/\n  enable_intranode_visibility = true\n}\n",
        ),
        (
            // terraform fmt reads the comment as part of `name`'s line, so the
            // new line aligns with it.
            "resource \"google_container_cluster\" \"c\" {\n  name = \"c\" /* one\n  two */\n}\n",
            "resource \"google_container_cluster\" \"c\" {\n  name                        = \"c\" /* one\n  two */\n  enable_intranode_visibility = true\n}\n",
        ),
    ];
    for (text, fixed) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("main.tf"), text).unwrap();
        let output = heal(
            dir.path(),
            &[
                "fix",
                "--unsafe-fixes",
                "--select",
                "gcp-gke-intranode-visibility",
                ".",
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(
            fs::read_to_string(dir.path().join("main.tf")).unwrap(),
            fixed
        );
    }
}

/// Found by libFuzzer in under a minute: the RDS log-exports fix rendered the
/// list's strings with Rust's `{:?}`, which writes a control character as
/// `\u{1}`, an escape HCL does not have: the output did not parse. Every
/// string a fix writes now goes through one HCL quoter.
#[test]
fn a_string_with_a_control_character_is_written_as_hcl_not_as_rust_debug() {
    let dir = tempfile::tempdir().unwrap();
    let text = "resource \"aws_rds_cluster\" \"a\" {\n  enabled_cloudwatch_logs_exports = [\"\u{1}\", \"x\\\"y\"]\n}\n";
    fs::write(dir.path().join("main.tf"), text).unwrap();
    let output = heal(dir.path(), &["fix", "--select", "aws-rds-log-exports", "."]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("main.tf")).unwrap(),
        "resource \"aws_rds_cluster\" \"a\" {\n  enabled_cloudwatch_logs_exports = [\"\u{1}\", \"x\\\"y\", \"audit\"]\n}\n"
    );
}
