#!/usr/bin/env bash
# Runs heal bot's tests against real git servers: a bare repository by path,
# and a `git daemon` started on 127.0.0.1 (tests/bot.rs). Unlike a plain
# `cargo test`, which skips the daemon test on a machine without
# `git daemon`, this fails when the daemon cannot be started.
#
# The optional first argument (the heal binary .ci/run passes) is not used:
# the tests run the heal that cargo builds for them.
set -euo pipefail
cd "$(dirname "$0")/.."

git daemon --help >/dev/null 2>&1 || [ $? -eq 129 ] || {
  echo "test-git-server: FAIL: git daemon is not installed" >&2
  exit 1
}
HEAL_REQUIRE_GIT_DAEMON=1 cargo test --quiet --test bot
echo "test-git-server: ok"
