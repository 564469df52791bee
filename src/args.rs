//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Finds security misconfigurations in Terraform / OpenTofu code and fixes them
/// with minimal, format-preserving patches.
#[derive(Debug, Parser)]
#[command(
    name = "heal",
    version,
    about,
    max_term_width = 100,
    after_help = "Exit status: 0 nothing found (or everything fixed), 1 findings remain, \
                  2 a file could not be read, parsed or written; 130 (143) when Ctrl-C \
                  (SIGTERM) stopped the run, after the write in progress."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Print debug logs (-v) or trace logs (-vv) to stderr.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// Print only findings and errors, no summary.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Report misconfigurations; change nothing.
    Check(CheckArgs),
    /// Fix misconfigurations in place (or print the diff with --diff).
    Fix(FixArgs),
    /// List the rules, or show one rule's documentation.
    Rules(RulesArgs),
    /// Build fix branches (heal/<rule-id>) in the object database, and push them.
    Bot(BotArgs),
}

/// Which files and rules a run covers.
#[derive(Debug, Args)]
pub struct Selection {
    /// Files or directories to look at; directories are walked for `*.tf`,
    /// honouring .gitignore and skipping `.terraform/`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Only these rules: ids or id prefixes, comma-separated (`aws-s3-,gcp-`).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,

    /// Skip these rules: ids or id prefixes, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub selection: Selection,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

/// What `heal check` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// For people: one line per finding with a code frame, and a summary.
    Text,
    /// For programs: the schema in docs/json-output.md.
    Json,
    /// SARIF 2.1.0, with fixes as replacements, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

#[derive(Debug, Args)]
pub struct FixArgs {
    #[command(flatten)]
    pub selection: Selection,

    /// Also apply fixes that change behaviour (making a resource private, forcing
    /// a replacement). Review them before applying.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print a unified diff of the fixes instead of writing them.
    #[arg(long)]
    pub diff: bool,

    /// Write the fixes as a patch to FILE (paths relative to the repository
    /// root, for `git apply` or `patch -p1`) and change no other file.
    #[arg(long, value_name = "FILE", conflicts_with = "diff")]
    pub patch: Option<PathBuf>,

    /// Commit the fixes on the current branch (refuses files with changes of
    /// yours).
    #[arg(long, conflicts_with_all = ["diff", "patch"])]
    pub commit: bool,

    /// Exit with status 1 when any file was changed, as pre-commit hooks do, so
    /// the commit stops until the fixes are staged.
    #[arg(long)]
    pub exit_non_zero_on_fix: bool,

    /// With --commit: one commit per rule, per file, or one for all.
    /// (default: rule, or `commit_per` in .heal.hcl)
    #[arg(long, value_enum, requires = "commit")]
    pub commit_per: Option<CommitPer>,

    /// With --commit: the author, as "Name <email>" (default: git config).
    #[arg(long, value_name = "NAME <EMAIL>", requires = "commit")]
    pub author: Option<String>,

    /// With --commit: the committer (default: --author, else git config).
    #[arg(long, value_name = "NAME <EMAIL>", requires = "commit")]
    pub committer: Option<String>,
}

/// How fixes are split into commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CommitPer {
    /// One commit per rule.
    Rule,
    /// One commit per changed file.
    File,
    /// One commit for everything.
    All,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Show the documentation of this rule.
    pub id: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: one line per finding with a code frame, and a summary.
    Text,
    /// For programs: the schema in docs/json-output.md.
    Json,
}

/// `heal bot`: fix branches for review.
#[derive(Debug, Clone, Args)]
pub struct BotArgs {
    /// The repository (a working tree or a bare clone).
    #[arg(default_value = ".")]
    pub repository: PathBuf,

    /// The commit to fix: a branch, tag or commit (default: the remote's default
    /// branch, `refs/remotes/<remote>/HEAD`, else HEAD).
    #[arg(long, value_name = "REF")]
    pub base: Option<String>,

    /// One branch per rule, per provider, or one for all (default: rule, or
    /// `group` in .heal.hcl).
    #[arg(long, value_enum)]
    pub group: Option<Group>,

    /// The prefix of branch names (default: `heal/`, or `branch_prefix` in
    /// .heal.hcl).
    #[arg(long, value_name = "PREFIX")]
    pub branch_prefix: Option<String>,

    /// Push the branches to REMOTE, never overwriting a branch someone else moved.
    #[arg(long, value_name = "REMOTE")]
    pub push: Option<String>,

    /// Write a pull-request title and body per branch as markdown into DIR.
    #[arg(long, value_name = "DIR")]
    pub pr_body: Option<PathBuf>,

    /// Also apply unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Only these rules: ids or id prefixes, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,

    /// Skip these rules: ids or id prefixes, comma-separated.
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// The author and committer, as "Name <email>" (default: git config, else
    /// `heal <heal@localhost>`).
    #[arg(long, value_name = "NAME <EMAIL>")]
    pub author: Option<String>,
}

/// Which rules share a fix branch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Group {
    /// One branch per rule: `heal/<rule-id>`.
    Rule,
    /// One branch per provider: `heal/aws`.
    Provider,
    /// One branch for every fix: `heal/all`.
    All,
}
