//! Writing fixed files without ever losing one.
//!
//! The new text goes to a temporary file in the same directory, which is flushed
//! to disk and then renamed over the original: a reader sees the old file or the
//! new one, never half of either, and a failed write (disk full) leaves the
//! original intact. The original's permissions are kept. A file that changed on
//! disk since heal read it is not written, and neither is a symlink or a
//! read-only file.
//!
//! Two heal processes may fix the same file at once (pre-commit runs hook
//! batches in parallel). Each holds an advisory lock on the file from the
//! comparison to the rename, so the second one sees the first one's result: when
//! that is already the text it would write, there is nothing to do; otherwise it
//! reports the file as changed on disk.
//!
//! Each write is a critical section (`crate::interrupt`): Ctrl-C lets the write
//! in progress finish, so no temporary file is left behind. One left by a heal
//! killed outright is removed by the next run that writes in its directory.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// How heal's temporary files are named (the rest is random).
const TEMPORARY_PREFIX: &str = ".heal-tmp";

/// A temporary file this old was left by a heal that was killed (SIGKILL, a
/// power cut) between creating it and renaming it: a write takes milliseconds.
const STALE_AFTER: Duration = Duration::from_secs(600);

/// Replaces `path`'s content with `new`, provided it still holds `expected`.
pub fn write_atomically(path: &Path, expected: &str, new: &str) -> Result<(), String> {
    let link_meta = fs::symlink_metadata(path).map_err(|e| format!("cannot stat: {e}"))?;
    if link_meta.file_type().is_symlink() {
        return Err("is a symbolic link; heal does not write through links".to_string());
    }
    let permissions = link_meta.permissions();
    if permissions.readonly() {
        return Err("is read-only; not written".to_string());
    }
    let _section = crate::interrupt::enter()?;
    let _lock = lock(path)?;
    let current = fs::read(path).map_err(|e| format!("cannot re-read before writing: {e}"))?;
    if current == new.as_bytes() {
        // Another process (a parallel heal) wrote the same fix first.
        return Ok(());
    }
    if current != expected.as_bytes() {
        return Err("changed on disk since heal read it; not written".to_string());
    }

    write_through_temporary(path, new.as_bytes(), permissions)
}

/// Writes `new` to a temporary file beside `path`, flushes it to disk, gives
/// it `permissions` and renames it over `path`. On any failure the temporary
/// file is removed and `path` is untouched.
fn write_through_temporary(
    path: &Path,
    new: &[u8],
    permissions: fs::Permissions,
) -> Result<(), String> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    sweep_stale_temporaries(dir);
    let mut temporary = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .tempfile_in(dir)
        .map_err(|e| format!("cannot create a temporary file in {}: {e}", dir.display()))?;
    temporary
        .write_all(new)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|e| format!("cannot write: {e}"))?;
    fs::set_permissions(temporary.path(), permissions)
        .map_err(|e| format!("cannot copy permissions: {e}"))?;
    temporary
        .persist(path)
        .map_err(|e| format!("cannot replace the file: {}", e.error))?;
    Ok(())
}

/// Writes one of heal's own outputs (a patch file, a pull request body) whole:
/// an existing file is replaced through a temporary file and keeps its
/// permissions; a new one is created with the usual ones (the umask's).
pub fn replace(path: &Path, new: &[u8]) -> Result<(), String> {
    let _section = crate::interrupt::enter()?;
    let meta = match fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return write_new(path, new);
        }
        Err(error) => return Err(format!("cannot stat: {error}")),
    };
    if !meta.file_type().is_file() {
        return Err("exists and is not a regular file; not written".to_string());
    }
    write_through_temporary(path, new, meta.permissions())
}

/// Creates `path`, which did not exist; a failed write removes what it began.
fn write_new(path: &Path, new: &[u8]) -> Result<(), String> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| format!("cannot create: {e}"))?;
    let written = file.write_all(new).and_then(|()| file.sync_all());
    if let Err(error) = written {
        drop(file);
        let _ = fs::remove_file(path);
        return Err(format!("cannot write: {error}"));
    }
    Ok(())
}

/// Removes, once per directory and run, the temporary files an earlier heal
/// left there when it was killed mid-write. The file they were meant to
/// replace was never touched; what they hold is a fix the next run makes again.
fn sweep_stale_temporaries(dir: &Path) {
    static SWEPT: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());
    if !SWEPT
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(dir.to_path_buf())
    {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let is_ours = entry
            .file_name()
            .to_str()
            .is_some_and(|name| name.starts_with(TEMPORARY_PREFIX));
        if !is_ours {
            continue;
        }
        // A DirEntry's metadata does not follow links: only regular files go.
        let stale = entry.metadata().is_ok_and(|meta| {
            meta.is_file()
                && meta
                    .modified()
                    .ok()
                    .and_then(|modified| modified.elapsed().ok())
                    .is_some_and(|age| age >= STALE_AFTER)
        });
        if !stale {
            continue;
        }
        let path = entry.path();
        match fs::remove_file(&path) {
            Ok(()) => log::warn!(
                "{}: removed: a temporary file left by a heal run that was killed",
                path.display()
            ),
            Err(error) => log::debug!("{}: cannot remove: {error}", path.display()),
        }
    }
}

/// Holds an exclusive advisory lock on the file `path` names now, until dropped.
#[cfg(unix)]
fn lock(path: &Path) -> Result<fs::File, String> {
    use std::os::fd::AsRawFd as _;

    let file = fs::File::open(path).map_err(|e| format!("cannot open to lock: {e}"))?;
    // SAFETY: flock only reads the descriptor, which `file` keeps open.
    let status = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
    if status != 0 {
        let error = std::io::Error::last_os_error();
        return Err(format!("cannot lock: {error}"));
    }
    Ok(file)
}

/// Elsewhere the comparison and the rename are not guarded against a parallel
/// heal; the rename still keeps every file whole.
#[cfg(not(unix))]
fn lock(_path: &Path) -> Result<(), String> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("main.tf");
        fs::write(&path, "old\r\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomically(&path, "old\r\n", "new\r\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[test]
    fn an_output_file_is_created_or_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fixes.patch");
        replace(&path, b"first\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "first\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o604)).unwrap();
        }
        replace(&path, b"second\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o604, "a replaced output keeps its permissions");
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

        let error = replace(dir.path(), b"x").unwrap_err();
        assert!(error.contains("not a regular file"), "{error}");
    }

    #[test]
    fn temporary_files_left_by_a_killed_run_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("main.tf");
        fs::write(&path, "old\n").unwrap();
        let stale = dir.path().join(".heal-tmpAbC123");
        let fresh = dir.path().join(".heal-tmpXyZ789");
        let other = dir.path().join(".keep-tmpAbC123");
        for file in [&stale, &fresh, &other] {
            fs::write(file, "new\n").unwrap();
        }
        let old = std::time::SystemTime::now() - STALE_AFTER - Duration::from_secs(1);
        for file in [&stale, &other] {
            fs::File::options()
                .write(true)
                .open(file)
                .unwrap()
                .set_modified(old)
                .unwrap();
        }

        write_atomically(&path, "old\n", "new\n").unwrap();
        assert!(!stale.exists(), "a stale temporary file is removed");
        assert!(
            fresh.exists(),
            "another run may be writing through this one"
        );
        assert!(other.exists(), "not heal's");
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
    }

    #[test]
    fn refuses_a_file_changed_since_it_was_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("main.tf");
        fs::write(&path, "edited by someone\n").unwrap();
        let error = write_atomically(&path, "old\n", "new\n").unwrap_err();
        assert!(error.contains("changed on disk"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "edited by someone\n");
    }

    #[test]
    fn accepts_a_file_another_process_already_fixed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("main.tf");
        fs::write(&path, "new\n").unwrap();
        write_atomically(&path, "old\n", "new\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new\n");
    }

    #[test]
    fn refuses_a_read_only_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("main.tf");
        fs::write(&path, "old\n").unwrap();
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let error = write_atomically(&path, "old\n", "new\n").unwrap_err();
        assert!(error.contains("read-only"), "{error}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
    }

    #[cfg(unix)]
    #[test]
    fn refuses_to_write_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.tf");
        let link = dir.path().join("link.tf");
        fs::write(&target, "old\n").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(write_atomically(&link, "old\n", "new\n").is_err());
        assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
    }
}
