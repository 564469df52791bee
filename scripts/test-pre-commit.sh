#!/usr/bin/env bash
# Runs heal's pre-commit hook with the real pre-commit framework in a
# throwaway git repository: the hook fixes a staged insecure file and blocks
# that commit once; the commit goes through after the fixes are staged.
#
# Needs pre-commit (PRE_COMMIT, else on PATH, else /opt/heal-venv/bin) and
# no network: the hook is `repo: local` with `language: system`, pointing at
# the heal binary built from this checkout (HEAL to use another).
set -euo pipefail

# The heal binary: the first argument (as .ci/run passes it), else HEAL, else
# built here.
HEAL=${1:-${HEAL:-}}

repo_root=$(cd "$(dirname "$0")/.." && pwd)
fail() { echo "test-pre-commit: FAIL: $*" >&2; exit 1; }

pre_commit=${PRE_COMMIT:-$(command -v pre-commit || echo /opt/heal-venv/bin/pre-commit)}
[ -x "$pre_commit" ] || fail "pre-commit not found (pip install pre-commit, or set PRE_COMMIT)"
if [ -z "${HEAL:-}" ]; then
  (cd "$repo_root" && cargo build --quiet --bin heal)
  HEAL=$repo_root/target/debug/heal
fi

# The manifest and the example configuration must be valid for pre-commit.
"$pre_commit" validate-manifest "$repo_root/.pre-commit-hooks.yaml"
"$pre_commit" validate-config "$repo_root/examples/pre-commit/.pre-commit-config.yaml"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME=$work/cache HOME=$work GIT_CONFIG_NOSYSTEM=1
cd "$work"
mkdir repo && cd repo
git init -q -b main
git config user.name "Test User"
git config user.email test@example.invalid

cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: local
    hooks:
      - id: heal-fix
        name: heal fix
        entry: $HEAL fix --exit-non-zero-on-fix --select aws-kms-key-rotation
        language: system
        files: \.tf$
YAML
git add .pre-commit-config.yaml
git commit -q -m "pre-commit configuration"
"$pre_commit" install >/dev/null

cat > main.tf <<'TF'
resource "aws_kms_key" "data" {
  description = "data"
}
TF
git add main.tf

# First attempt: the hook fixes the file and blocks the commit.
if git commit -q -m "add a key" >"$work/first.log" 2>&1; then
  cat "$work/first.log"; fail "the commit of an insecure file went through"
fi
grep -q "enable_key_rotation = true" main.tf || fail "the hook did not fix main.tf"
git diff --quiet main.tf && fail "the fix should be unstaged after the first attempt"
[ "$(git rev-list --count HEAD)" = 1 ] || fail "a commit was made"

# Second attempt, with the fixes staged: the commit goes through.
git add main.tf
git commit -q -m "add a key" >"$work/second.log" 2>&1 || { cat "$work/second.log"; fail "the fixed commit was blocked"; }
git show HEAD:main.tf | grep -q "enable_key_rotation = true" || fail "the commit lacks the fix"
[ -z "$(git status --porcelain)" ] || fail "the working tree is not clean"
echo "test-pre-commit: ok (blocked once, fixed, committed)"
