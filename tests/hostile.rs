//! Hostile inputs: files and trees built to break heal. Each must end in a clear
//! message naming the file, exit status 2, and no byte written to that file.
//!
//! A file that changes on disk between heal's read and its write is staged here
//! by editing it once heal logs that it read the module; the unit tests of
//! `src/write.rs` stage the same race inside the write itself.

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use support::snapshot;

fn heal(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heal"))
        .args(args)
        .current_dir(dir)
        .env_remove("HEAL_LOG")
        .env("CI", "true")
        .output()
        .expect("the heal binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fixable file: heal must still fix it when a hostile file sits beside it.
const KMS: &str = "resource \"aws_kms_key\" \"k\" {\n  description = \"x\"\n}\n";

/// Runs `heal fix` on `dir` and checks the outcome: exit status 2, `file` and
/// `message` on stderr, `file` unchanged.
fn assert_refused(dir: &Path, file: &str, message: &str) {
    let path = dir.join(file.split(':').next().unwrap_or(file));
    let before = content(&path);
    let output = heal(dir, &["fix", "."]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(text.contains(file), "stderr does not name {file}: {text}");
    assert!(text.contains(message), "stderr lacks `{message}`: {text}");
    assert_eq!(before, content(&path), "{file} was written");
}

/// The bytes of a regular file (through links), `None` for anything else: a
/// FIFO is never opened.
fn content(path: &Path) -> Option<Vec<u8>> {
    let is_file = fs::metadata(path).is_ok_and(|meta| meta.is_file());
    is_file.then(|| fs::read(path).ok()).flatten()
}

#[test]
fn binary_file_named_tf_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    bytes.extend((0..4096u32).map(|i| (i % 251) as u8));
    fs::write(dir.path().join("program.tf"), bytes).unwrap();
    fs::write(dir.path().join("main.tf"), KMS).unwrap();
    assert_refused(dir.path(), "program.tf", "binary content");
    let fixed = fs::read_to_string(dir.path().join("main.tf")).unwrap();
    assert!(fixed.contains("enable_key_rotation"), "{fixed}");
}

#[test]
fn non_utf8_text_is_refused_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let text = b"resource \"aws_kms_key\" \"k\" {\n  description = \"caf\xe9\"\n}\n";
    fs::write(dir.path().join("latin1.tf"), text).unwrap();
    assert_refused(dir.path(), "latin1.tf:2:21", "invalid UTF-8");
}

#[test]
fn file_of_100_mb_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("# {}\n", "x".repeat(1021));
    let text = line.repeat(100 * 1024);
    fs::write(dir.path().join("huge.tf"), text).unwrap();
    fs::write(dir.path().join("main.tf"), KMS).unwrap();
    assert_refused(dir.path(), "huge.tf", "too large");
}

/// HCL text nesting `depth` levels of one construct inside an attribute.
/// A block on one line of 2 MB has about ten findings; each used to print
/// the whole line in its code frame (10 MB of output for 2 MB of input).
#[test]
fn one_huge_line_is_cut_in_code_frames_not_printed_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    let value = "x".repeat(2 * 1024 * 1024);
    let text = format!("resource \"aws_s3_bucket\" \"a\" {{ bucket = \"{value}\" }}\n");
    fs::write(dir.path().join("main.tf"), &text).unwrap();
    let output = heal(dir.path(), &["check", "."]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let frames = stdout
        .lines()
        .filter(|line| line.starts_with("1 | "))
        .count();
    assert!(frames >= 5, "{frames} code frames");
    assert!(stdout.len() < 64 * 1024, "{} bytes of output", stdout.len());
    assert!(
        stdout.contains("1 | resource \"aws_s3_bucket\" \"a\" { bucket = \"xxx"),
        "{}",
        &stdout[..stdout.len().min(2000)]
    );
}

fn nested(open: &str, middle: &str, close: &str, depth: usize) -> String {
    format!(
        "locals {{\n  x = {}{middle}{}\n}}\n",
        open.repeat(depth),
        close.repeat(depth)
    )
}

#[test]
fn nesting_10000_levels_deep_does_not_overflow_the_stack() {
    let depth = 10_000;
    let cases = [
        ("arrays.tf", nested("[", "", "]", depth)),
        ("objects.tf", nested("{ a = ", "1", " }", depth)),
        ("parentheses.tf", nested("(", "1", ")", depth)),
        ("calls.tf", nested("f(", "1", ")", depth)),
        ("templates.tf", nested("\"${", "1", "}\"", depth)),
        ("negations.tf", nested("!", "true", "", depth)),
        ("conditionals.tf", nested("true ? 1 : ", "1", "", depth)),
        (
            "blocks.tf",
            format!("{}{}", "a {\n".repeat(depth), "}\n".repeat(depth)),
        ),
    ];
    for (name, text) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(name), text).unwrap();
        assert_refused(dir.path(), name, "nest");
    }
}

#[test]
fn directives_nested_10000_levels_deep_do_not_overflow_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 10_000;
    let text = format!(
        "locals {{\n  x = <<EOT\n{}x{}\nEOT\n}}\n",
        "%{ if true }".repeat(depth),
        "%{ endif }".repeat(depth)
    );
    fs::write(dir.path().join("heredoc.tf"), &text).unwrap();
    let output = heal(dir.path(), &["fix", "."]);
    // Either parsed (nothing to fix) or refused; never a crash.
    assert!(
        matches!(output.status.code(), Some(0 | 2)),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("heredoc.tf")).unwrap(),
        text
    );
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_and_the_walk_ends() {
    use std::os::unix::fs::symlink;

    let dir = tempfile::tempdir().unwrap();
    symlink("b.tf", dir.path().join("a.tf")).unwrap();
    symlink("a.tf", dir.path().join("b.tf")).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    symlink("..", dir.path().join("sub/up")).unwrap();
    fs::write(dir.path().join("sub/main.tf"), KMS).unwrap();
    assert_refused(dir.path(), "a.tf", "symbolic links");
    let fixed = fs::read_to_string(dir.path().join("sub/main.tf")).unwrap();
    assert!(fixed.contains("enable_key_rotation"), "{fixed}");
}

#[cfg(unix)]
#[test]
fn symlink_out_of_the_tree_is_never_written_through() {
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("real.tf");
    fs::write(&target, KMS).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&target, dir.path().join("link.tf")).unwrap();
    assert_refused(dir.path(), "link.tf", "symbolic link");
    assert_eq!(fs::read_to_string(&target).unwrap(), KMS);
    assert!(fs::symlink_metadata(dir.path().join("link.tf"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[cfg(unix)]
#[test]
fn symlink_to_a_fifo_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|status| status.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    std::os::unix::fs::symlink(&fifo, dir.path().join("pipe.tf")).unwrap();
    assert_refused(dir.path(), "pipe.tf", "not a regular file");
}

#[test]
fn read_only_file_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.tf");
    fs::write(&path, KMS).unwrap();
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    assert_refused(dir.path(), "main.tf", "read-only");
}

/// The user saves a file while heal is fixing it: heal must not write over the
/// edit. The edit goes in once heal logs (at -vv) that it read the module, while
/// it is still fixing the file's thousands of keys; should heal finish first
/// (a loaded machine), the run is repeated with a larger file.
#[test]
fn a_file_changed_between_read_and_write_keeps_the_change() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::Stdio;

    for keys in [5_000, 20_000, 80_000] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys.tf");
        let original: String = (0..keys)
            .map(|n| {
                format!("resource \"aws_kms_key\" \"k{n}\" {{\n  description = \"{n}\"\n}}\n\n")
            })
            .collect();
        fs::write(&path, &original).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_heal"))
            .args(["fix", "-vv", "--select", "aws-kms-key-rotation", "."])
            .current_dir(dir.path())
            .env_remove("HEAL_LOG")
            .env("CI", "true")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut log = BufReader::new(child.stderr.take().unwrap());
        let mut text = String::new();
        loop {
            let mut line = String::new();
            if log.read_line(&mut line).unwrap() == 0 {
                panic!("heal ended without logging its read: {text}");
            }
            text.push_str(&line);
            if line.contains(": read: ") {
                break;
            }
        }
        let edited = format!("# saved by the user while heal ran\n{original}");
        fs::write(&path, &edited).unwrap();
        log.read_to_string(&mut text).unwrap();
        let status = child.wait().unwrap();

        let now = fs::read_to_string(&path).unwrap();
        assert_eq!(now, edited, "heal wrote over the user's edit: {text}");
        if status.code() == Some(0) {
            // heal wrote its fix before the edit: the race was not staged.
            continue;
        }
        assert_eq!(status.code(), Some(2), "{text}");
        assert!(
            text.contains("keys.tf: changed on disk since heal read it; not written"),
            "{text}"
        );
        return;
    }
    panic!("heal finished before the edit at every size: the race was never staged");
}

/// A small tmpfs mounted for one test, unmounted when dropped.
struct TinyFilesystem {
    dir: tempfile::TempDir,
}

impl TinyFilesystem {
    /// Mounts a tmpfs of `kilobytes`, or `None` where mounting is not allowed
    /// (not root, no tmpfs, a container without the capability).
    fn mount(kilobytes: usize) -> Option<TinyFilesystem> {
        let dir = tempfile::tempdir().ok()?;
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kilobytes}k"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then_some(TinyFilesystem { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for TinyFilesystem {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Fills the filesystem holding `dir` until a write fails for lack of space.
fn fill(dir: &Path) {
    use std::io::Write as _;

    let mut filler = fs::File::create(dir.join("filler")).unwrap();
    let block = vec![b'#'; 4096];
    while filler
        .write_all(&block)
        .and_then(|()| filler.flush())
        .is_ok()
    {}
}

#[test]
fn failed_write_on_a_full_disk_keeps_the_original() {
    let Some(disk) = TinyFilesystem::mount(64) else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root); see docs/performance.md");
        return;
    };
    let path = disk.path().join("main.tf");
    fs::write(&path, KMS).unwrap();
    fill(disk.path());
    assert_refused(disk.path(), "main.tf", "No space left on device");
    let leftovers: Vec<_> = fs::read_dir(disk.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .filter(|name| name.to_string_lossy().starts_with(".heal-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    assert_eq!(snapshot(disk.path())[Path::new("main.tf")], KMS.as_bytes());
}
