#!/usr/bin/env bash
# Installs what `make test` needs beyond the virtual environment: Caddy, whose `caddy adapt` checks
# deploy/Caddyfile (tests/test_deploy.py). Idempotent: with caddy on the PATH it does nothing.
# Where it can't install (no root, no password-less sudo, no apt-get) it says so and the suite skips that
# one test; under CI (the variable CI set, as .ci/run and CI services do) it stops instead, so CI never
# passes without the check.
set -euo pipefail

# shellcheck source=apt_install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt_install.sh"

command -v caddy >/dev/null 2>&1 && exit 0

if ! (apt_install install_test_tools caddy); then
    [ -z "${CI:-}" ] || exit 1
    echo "install_test_tools: without caddy the Caddyfile check is skipped" >&2
    exit 0
fi
# Debian's package starts a system Caddy on port 80; the tests only run `caddy adapt`.
if command -v systemctl >/dev/null 2>&1; then
    { systemctl disable --now caddy || sudo -n systemctl disable --now caddy; } >/dev/null 2>&1 || true
fi
command -v caddy >/dev/null
