//! Finding the files to look at and reading them into modules.
//!
//! A module is a directory's `.tf` files. heal reads every file of a directory it
//! looks at, even the ones not asked for, because rules need the whole module
//! (a companion resource in another file, `required_providers`); it reports and
//! fixes only the files asked for.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use heal_rules::{Module, ModuleFile};
use heal_syntax::SourceFile;

/// A file heal could not read or parse.
#[derive(Debug, Clone)]
pub struct FileError {
    pub path: PathBuf,
    /// 1-based line and column, when the problem has a position.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.position {
            Some((line, column)) => {
                write!(
                    f,
                    "{}:{line}:{column}: {}",
                    self.path.display(),
                    self.message
                )
            }
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// The files to report on, grouped by directory.
#[derive(Debug, Default)]
pub struct Targets {
    pub by_dir: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    pub errors: Vec<FileError>,
    /// Where the files found so far are, spelling aside, when several paths
    /// were given: `heal fix main.tf .` names `main.tf` twice.
    seen: Option<Seen>,
}

/// The files found so far, by [`lexically_absolute`] path from `cwd`.
#[derive(Debug)]
struct Seen {
    cwd: PathBuf,
    paths: std::collections::HashSet<PathBuf>,
}

/// Collects `.tf` files under `paths`: given files as they are, directories walked
/// with .gitignore rules, hidden and `.terraform` directories skipped.
pub fn discover(paths: &[PathBuf]) -> Targets {
    let mut targets = Targets::default();
    // One path walked finds each file once; only several can overlap.
    if paths.len() > 1 {
        targets.seen = Some(Seen {
            cwd: std::env::current_dir().unwrap_or_default(),
            paths: Default::default(),
        });
    }
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_file() => targets.add(path.clone()),
            Ok(_) => {
                let before = targets.file_count();
                walk(path, &mut targets);
                log::debug!(
                    "{}: walked: {} .tf files",
                    path.display(),
                    targets.file_count() - before
                );
            }
            Err(error) => targets.errors.push(FileError {
                path: path.clone(),
                position: None,
                message: error.to_string(),
            }),
        }
    }
    targets
}

/// Walks `root` on several threads (`ignore`'s parallel walker, as ripgrep
/// does): on a cold cache or a network file system, a walk waits on the disk,
/// and waiting in parallel is what makes a large tree fast. The order found
/// does not matter: targets are sorted by directory.
fn walk(root: &Path, targets: &mut Targets) {
    let (found, received) = std::sync::mpsc::channel::<Result<PathBuf, String>>();
    ignore::WalkBuilder::new(root)
        .hidden(true)
        .follow_links(false)
        .filter_entry(|entry| entry.file_name() != ".terraform")
        .build_parallel()
        .run(|| {
            let found = found.clone();
            Box::new(move |entry| {
                let item = match entry {
                    Ok(entry) if is_tf_file(entry.path(), entry.file_type()) => {
                        Ok(entry.into_path())
                    }
                    Ok(_) => return ignore::WalkState::Continue,
                    Err(error) => Err(error.to_string()),
                };
                // The receiver outlives the walk; a failed send cannot happen.
                let _ = found.send(item);
                ignore::WalkState::Continue
            })
        });
    drop(found);
    let mut errors = Vec::new();
    for item in received {
        match item {
            Ok(path) => targets.add(path),
            Err(message) => errors.push(message),
        }
    }
    // Errors arrive in the order threads met them; sort them for stable output.
    errors.sort();
    targets
        .errors
        .extend(errors.into_iter().map(|message| FileError {
            path: root.to_path_buf(),
            position: None,
            message,
        }));
}

/// Whether a directory entry is a `.tf` file to read. A symbolic link named `.tf`
/// counts, whatever it points to: reading it names the file if the link is broken
/// or loops, and the writer refuses to write through it. Links to directories are
/// never followed, so a link loop cannot make the walk go round.
fn is_tf_file(path: &Path, kind: Option<fs::FileType>) -> bool {
    let is_file_or_link = kind.is_some_and(|kind| kind.is_file() || kind.is_symlink());
    is_file_or_link && path.extension().is_some_and(|ext| ext == "tf")
}

impl Targets {
    fn add(&mut self, path: PathBuf) {
        if let Some(seen) = &mut self.seen {
            if !seen.paths.insert(lexically_absolute(&seen.cwd, &path)) {
                return;
            }
        }
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        self.by_dir.entry(dir).or_default().insert(path);
    }

    /// Number of files to report on.
    pub fn file_count(&self) -> usize {
        self.by_dir.values().map(BTreeSet::len).sum()
    }
}

/// `path` made absolute (from `cwd`) and without `.` components, from its text alone:
/// `./main.tf`, `main.tf` and `/work/main.tf` (run in `/work`) are one file.
fn lexically_absolute(cwd: &Path, path: &Path) -> PathBuf {
    cwd.join(path)
        .components()
        .filter(|part| *part != std::path::Component::CurDir)
        .collect()
}

/// The largest file heal reads. Real Terraform files stay far below it (the
/// largest of the 1,048 corpus files has 103 KB); parsing takes memory in
/// proportion to the text, so a bound on the file bounds the run's peak memory.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a file as UTF-8 text, refusing binary content, text that is not UTF-8
/// and files over [`MAX_FILE_BYTES`] with a clear message.
pub fn read_text(path: &Path) -> Result<String, FileError> {
    let error = |position, message: String| FileError {
        path: path.to_path_buf(),
        position,
        message,
    };
    let bytes = read_bounded(path).map_err(|message| error(None, message))?;
    if bytes.iter().take(8192).any(|&byte| byte == 0) {
        return Err(error(
            None,
            "binary content (NUL bytes); not a Terraform file".into(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let source = SourceFile::new(path, prefix);
        let at = source.position(valid);
        error(
            Some((at.line, at.column)),
            "invalid UTF-8; heal reads UTF-8 text only".into(),
        )
    })
}

/// The bytes of `path`, or why they cannot be read: a file over
/// [`MAX_FILE_BYTES`] is refused before its content is read.
fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read as _;

    // Check the kind before opening: opening a FIFO (or a link to one) would block.
    let meta = fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err("not a regular file; skipped".to_string());
    }
    let size = meta.len();
    let too_large = |size: u64| {
        format!(
            "too large to be a Terraform file ({:.1} MB; heal reads files up to {} MB); skipped",
            size as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        )
    };
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    // The file may grow between the size check and the read: read one byte past
    // the bound to notice.
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads and parses the module in `dir`: the target files, plus the directory's
/// other `.tf` files as context.
pub fn load_module(dir: &Path, targets: &BTreeSet<PathBuf>) -> (Module, Vec<FileError>) {
    let mut paths: BTreeSet<PathBuf> = targets.clone();
    let listing_dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    if let Ok(entries) = fs::read_dir(listing_dir) {
        for entry in entries.filter_map(Result::ok) {
            if is_tf_file(&entry.path(), entry.file_type().ok()) {
                // Keep the spelling the user gave for targets (`./a.tf` vs `a.tf`).
                let joined = dir.join(entry.file_name());
                if !targets.contains(&joined) {
                    paths.insert(joined);
                }
            }
        }
    }

    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let is_target = targets.contains(&path);
        let text = match read_text(&path) {
            Ok(text) => text,
            Err(error) if is_target => {
                errors.push(error);
                continue;
            }
            Err(error) => {
                log::debug!("{error}: not read as context of the module");
                continue;
            }
        };
        match ModuleFile::parse(SourceFile::new(&path, text)) {
            Ok(file) => files.push(file),
            Err(error) if is_target => errors.push(FileError {
                path: path.clone(),
                position: Some((error.line, error.column)),
                message: format!("cannot parse: {}", error.message),
            }),
            Err(error) => log::debug!(
                "{}:{}:{}: not read as context of the module: {}",
                path.display(),
                error.line,
                error.column,
                error.message
            ),
        }
    }
    log::trace!(
        "{}: read: {} files, {} of them to report on",
        listing_dir.display(),
        files.len(),
        targets.len()
    );
    let mut module = Module::new(dir, files);
    let lock_path = listing_dir.join(".terraform.lock.hcl");
    if lock_path.exists() {
        // Bounded like any file heal reads; provider versions are a hint, so a
        // lock file that cannot be read only loses the hint.
        match read_text(&lock_path) {
            Ok(lock) => module = module.with_lock_file(&lock),
            Err(error) => log::debug!("{error}: provider versions not read"),
        }
    }
    (module, errors)
}
