#!/usr/bin/env bash
# Validates `heal check --format sarif` against the published SARIF 2.1.0
# schema (sarif-2.1.0-rtm.5.json, as shipped in the npm package
# @microsoft/jest-sarif) with Python's jsonschema.
#
# Needs npm (for the schema) and a Python with jsonschema: PYTHON, else
# /opt/heal-venv/bin/python when it has jsonschema, else a venv made here.
set -euo pipefail

# The heal binary: the first argument (as .ci/run passes it), else HEAL, else
# built here.
HEAL=${1:-${HEAL:-}}

repo_root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "validate-sarif: FAIL: $*" >&2; exit 1; }

(cd "$work" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
tar -xzf "$work"/microsoft-jest-sarif-*.tgz -C "$work" package/lib/schemas/sarif-2.1.0-rtm.5.json
schema=$work/package/lib/schemas/sarif-2.1.0-rtm.5.json

python=${PYTHON:-}
if [ -z "$python" ]; then
  if /opt/heal-venv/bin/python -c "import jsonschema" 2>/dev/null; then
    python=/opt/heal-venv/bin/python
  else
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet jsonschema
    python=$work/venv/bin/python
  fi
fi

if [ -z "${HEAL:-}" ]; then
  (cd "$repo_root" && cargo build --quiet --bin heal)
  HEAL=$repo_root/target/debug/heal
fi

# Findings with safe, unsafe and display-only fixes, a suppressed finding, and
# a file that does not parse (a tool notification).
mkdir -p "$work/tf"
cp "$repo_root"/examples/insecure-aws/*.tf "$work/tf/"
cat > "$work/tf/suppressed.tf" <<'TF'
# heal:ignore aws-kms-key-rotation
resource "aws_kms_key" "quiet" {
  description = "suppressed"
}
TF
printf 'resource "x" {\n' > "$work/tf/broken.tf"

(cd "$work/tf" && "$HEAL" check --format sarif . > "$work/heal.sarif") || true
"$python" - "$schema" "$work/heal.sarif" <<'PY' || fail "heal's SARIF does not match the schema"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
jsonschema.validators.validator_for(schema)(schema).validate(log)
results = log["runs"][0]["results"]
assert results, "no results"
assert any("fixes" in r for r in results), "no fixes"
assert any("suppressions" in r for r in results), "no suppressed result"
notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
assert notes, "the unparsable file is not reported"
print(f"validate-sarif: ok ({len(results)} results valid against SARIF 2.1.0)")
PY
