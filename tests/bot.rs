//! `heal bot` against a bare repository by path and a real git server on
//! loopback (`git daemon`, started here; skipped with a message when the machine
//! has none).

mod support;

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::{git, git_output, heal, repository_with, scratch, INSECURE};

/// The rules these tests exercise; the catalog grows, the tests stay put.
const SELECT: &str = "aws-kms-key-rotation,aws-s3-bucket-versioning";
const KMS: &str = "heal/aws-kms-key-rotation";
const S3: &str = "heal/aws-s3-bucket-versioning";

fn bot(dir: &Path, extra: &[&str]) -> Output {
    bot_selecting(dir, SELECT, extra)
}

fn bot_selecting(dir: &Path, select: &str, extra: &[&str]) -> Output {
    heal()
        .args(["bot", "--select", select])
        .args(extra)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A bare `origin.git` under `root` holding INSECURE on main, and a working
/// clone `upstream` that plays the other people pushing to it.
fn origin_with_upstream(root: &Path) -> (PathBuf, PathBuf) {
    let seed = root.join("seed");
    repository_with(&seed, &[("infra/main.tf", INSECURE)]);
    let origin = root.join("origin.git");
    git(root, &["clone", "-q", "--bare", path(&seed), path(&origin)]);
    let upstream = root.join("upstream");
    git(root, &["clone", "-q", path(&origin), path(&upstream)]);
    git(&upstream, &["config", "user.name", "Someone Else"]);
    git(&upstream, &["config", "user.email", "else@example.invalid"]);
    (origin, upstream)
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Pushes a new commit on main from `upstream`.
fn move_main(upstream: &Path, file: &str) {
    git(upstream, &["pull", "-q", "--ff-only", "origin", "main"]);
    support::write_files(upstream, &[(file, "moved\n")]);
    git(upstream, &["add", file]);
    git(upstream, &["commit", "-q", "-m", "move main"]);
    git(upstream, &["push", "-q", "origin", "main"]);
}

#[test]
fn bare_clone_by_path_creates_is_idempotent_rebuilds_leases_and_reports_stale() {
    let (_guard, root) = scratch();
    let (origin, upstream) = origin_with_upstream(&root);
    let clone = root.join("bot.git");
    git(
        &root,
        &["clone", "-q", "--bare", path(&origin), path(&clone)],
    );
    let pr = root.join("pr");

    // First run: one branch per rule, pushed, PR bodies written.
    let first = bot(&clone, &["--push", "origin", "--pr-body", path(&pr)]);
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let text = stdout(&first);
    assert!(text.contains(&format!("{KMS}: created (1 fix)")), "{text}");
    assert!(text.contains(&format!("{S3}: pushed to origin")), "{text}");
    let main = git(&origin, &["rev-parse", "main"]);
    assert_eq!(git(&origin, &["rev-parse", &format!("{KMS}^")]), main);
    let fixed = git(&origin, &["show", &format!("{KMS}:infra/main.tf")]);
    assert!(fixed.contains("enable_key_rotation = true"), "{fixed}");
    let body = std::fs::read_to_string(pr.join("heal-aws-kms-key-rotation.md")).unwrap();
    assert!(body.starts_with("KMS"), "{body}");
    assert!(
        body.contains("`aws_kms_key.data` in `infra/main.tf:14`"),
        "{body}"
    );
    assert!(body.contains("Fix safety: **safe**"), "{body}");

    // Same base, same rules: no new commit.
    let before = git(&origin, &["rev-parse", KMS]);
    let second = bot(&clone, &["--push", "origin"]);
    assert_eq!(second.status.code(), Some(0), "{second:?}");
    assert!(
        stdout(&second).contains(&format!("{KMS}: up to date")),
        "{second:?}"
    );
    assert!(
        stdout(&second).contains(&format!("{KMS}: origin is up to date")),
        "{second:?}"
    );
    assert_eq!(git(&origin, &["rev-parse", KMS]), before);

    // The base moves: rebuilt on the new base and pushed.
    move_main(&upstream, "README.md");
    git(
        &clone,
        &["fetch", "-q", "origin", "+refs/heads/*:refs/heads/*"],
    );
    let third = bot(&clone, &["--push", "origin"]);
    assert!(
        stdout(&third).contains(&format!("{KMS}: rebuilt")),
        "{third:?}"
    );
    let main = git(&origin, &["rev-parse", "main"]);
    assert_eq!(git(&origin, &["rev-parse", &format!("{KMS}^")]), main);

    // Someone else pushes to a heal branch: heal must not clobber it.
    git(&upstream, &["fetch", "-q", "origin"]);
    git(
        &upstream,
        &["checkout", "-q", "-b", "theirs", &format!("origin/{KMS}")],
    );
    support::write_files(&upstream, &[("infra/extra.tf", "# reviewer's change\n")]);
    git(&upstream, &["add", "."]);
    git(&upstream, &["commit", "-q", "-m", "review fix"]);
    git(&upstream, &["push", "-q", "origin", &format!("HEAD:{KMS}")]);
    git(&upstream, &["checkout", "-q", "main"]);
    let theirs = git(&origin, &["rev-parse", KMS]);
    move_main(&upstream, "CHANGELOG.md");
    git(
        &clone,
        &["fetch", "-q", "origin", "+refs/heads/main:refs/heads/main"],
    );
    let fourth = bot(&clone, &["--push", "origin"]);
    assert_eq!(fourth.status.code(), Some(2), "{fourth:?}");
    let stderr = String::from_utf8_lossy(&fourth.stderr);
    assert!(
        stderr.contains(&format!("{KMS}: not pushed to origin")),
        "{stderr}"
    );
    assert_eq!(
        git(&origin, &["rev-parse", KMS]),
        theirs,
        "their work survives"
    );
    assert!(
        stdout(&fourth).contains(&format!("{S3}: pushed to origin")),
        "{fourth:?}"
    );

    // The S3 fix lands upstream: its branch is stale, and no longer rebuilt.
    git(&upstream, &["fetch", "-q", "origin"]);
    git(
        &upstream,
        &["merge", "-q", "--no-edit", &format!("origin/{S3}")],
    );
    git(&upstream, &["push", "-q", "origin", "main"]);
    git(
        &clone,
        &["fetch", "-q", "origin", "+refs/heads/main:refs/heads/main"],
    );
    let fifth = bot(&clone, &[]);
    assert!(
        stdout(&fifth).contains(&format!("{S3}: stale")),
        "{fifth:?}"
    );
}

#[test]
fn nothing_to_fix_makes_no_branch_and_never_touches_the_working_tree() {
    let (_guard, root) = scratch();
    let secure = "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = true\n}\n";
    repository_with(
        &root,
        &[("main.tf", secure), ("insecure/main.tf", INSECURE)],
    );
    let head = git(&root, &["rev-parse", "HEAD"]);

    let output = bot_selecting(&root, "aws-kms-key-rotation", &["--base", "main"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(git(&root, &["status", "--porcelain"]), "");
    assert_eq!(git(&root, &["rev-parse", "HEAD"]), head);
    assert_eq!(
        std::fs::read_to_string(root.join("insecure/main.tf")).unwrap(),
        INSECURE
    );
    assert!(git_output(&root, &["rev-parse", "--verify", "-q", KMS])
        .status
        .success());

    git(&root, &["rm", "-q", "insecure/main.tf"]);
    git(&root, &["commit", "-q", "-m", "drop"]);
    let clean = bot_selecting(&root, "aws-s3-bucket-versioning", &[]);
    assert!(
        stdout(&clean).contains("Nothing to fix; no branch."),
        "{clean:?}"
    );
    assert!(!git_output(&root, &["rev-parse", "--verify", "-q", S3])
        .status
        .success());
}

/// A `git daemon` on a free loopback port, killed when dropped.
struct Daemon {
    child: Child,
    port: u16,
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_daemon(base: &Path) -> Option<Daemon> {
    let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let child = Command::new("git")
        .args([
            "daemon",
            "--export-all",
            "--enable=receive-pack",
            "--reuseaddr",
        ])
        .arg(format!("--base-path={}", base.display()))
        .arg(format!("--port={port}"))
        .arg("--listen=127.0.0.1")
        .arg(base)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut daemon = Daemon { child, port };
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return Some(daemon);
        }
        if let Ok(Some(_)) = daemon.child.try_wait() {
            return None;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    None
}

#[test]
fn pushes_to_a_git_daemon_on_loopback() {
    let (_guard, root) = scratch();
    let served = root.join("served");
    std::fs::create_dir_all(&served).unwrap();
    let (origin, upstream) = origin_with_upstream(&root);
    std::fs::rename(&origin, served.join("origin.git")).unwrap();
    let Some(daemon) = start_daemon(&served) else {
        let required = std::env::var_os("HEAL_REQUIRE_GIT_DAEMON").is_some();
        assert!(!required, "`git daemon` could not be started on 127.0.0.1");
        eprintln!("skipped: `git daemon` is not available on this machine");
        return;
    };
    let url = format!("git://127.0.0.1:{}/origin.git", daemon.port);
    let served_origin = served.join("origin.git");
    git(&upstream, &["remote", "set-url", "origin", &url]);

    let clone = root.join("bot");
    git(&root, &["clone", "-q", &url, path(&clone)]);
    let head = git(&clone, &["rev-parse", "HEAD"]);

    let first = bot(&clone, &["--push", "origin"]);
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    assert!(
        stdout(&first).contains(&format!("{KMS}: pushed to origin")),
        "{first:?}"
    );
    let remote_heads = git(&clone, &["ls-remote", "--heads", "origin"]);
    assert!(
        remote_heads.contains(KMS) && remote_heads.contains(S3),
        "{remote_heads}"
    );
    assert_eq!(
        git(&clone, &["status", "--porcelain"]),
        "",
        "working tree untouched"
    );
    assert_eq!(git(&clone, &["rev-parse", "HEAD"]), head);

    // A fresh clone of the same state: up to date, nothing sent.
    let again = root.join("again");
    git(&root, &["clone", "-q", &url, path(&again)]);
    let second = bot(&again, &["--push", "origin"]);
    assert!(
        stdout(&second).contains(&format!("{KMS}: up to date")),
        "{second:?}"
    );
    assert!(
        stdout(&second).contains(&format!("{KMS}: origin is up to date")),
        "{second:?}"
    );

    // The base moves; after a fetch the branch is rebuilt and pushed over git://.
    move_main(&upstream, "README.md");
    git(&again, &["fetch", "-q", "origin"]);
    let third = bot(&again, &["--push", "origin"]);
    assert_eq!(third.status.code(), Some(0), "{third:?}");
    assert!(
        stdout(&third).contains(&format!("{KMS}: pushed to origin")),
        "{third:?}"
    );
    let main = git(&served_origin, &["rev-parse", "main"]);
    assert_eq!(
        git(&served_origin, &["rev-parse", &format!("{KMS}^")]),
        main
    );
}
