#!/usr/bin/env bash
# Installs what `make test` needs beyond the virtual environment: Caddy, whose `caddy adapt` checks
# deploy/Caddyfile, and nginx, which runs deploy/nginx-cache.conf for real (tests/test_deploy.py).
# Idempotent: with both on the PATH it does nothing.
# Where it can't install (no root, no password-less sudo, no apt-get) it says so and the suite skips those
# tests; under CI (the variable CI set, as .ci/run and CI services do) it stops instead, so CI never
# passes without the checks.
set -euo pipefail

# shellcheck source=apt_install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt_install.sh"

packages=()
command -v caddy >/dev/null 2>&1 || packages+=(caddy)
command -v nginx >/dev/null 2>&1 || packages+=(nginx-light)
[ ${#packages[@]} -gt 0 ] || exit 0

if ! (apt_install install_test_tools "${packages[@]}"); then
    [ -z "${CI:-}" ] || exit 1
    echo "install_test_tools: without ${packages[*]} the deploy/ checks that run them are skipped" >&2
    exit 0
fi
# Debian's packages start a system Caddy and nginx on port 80; the tests run their own or only `caddy adapt`.
if command -v systemctl >/dev/null 2>&1; then
    for service in caddy nginx; do
        { systemctl disable --now "$service" || sudo -n systemctl disable --now "$service"; } >/dev/null 2>&1 || true
    done
fi
command -v caddy >/dev/null && command -v nginx >/dev/null
