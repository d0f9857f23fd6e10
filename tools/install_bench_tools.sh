#!/usr/bin/env bash
# Installs what `make bench` needs beyond the virtual environment: wrk (the load), and nginx for the front
# cache it measures (deploy/nginx-cache.conf). Idempotent: a second run is a quick no-op.
set -euo pipefail

# shellcheck source=apt_install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt_install.sh"

apt_packages=()
command -v wrk >/dev/null 2>&1 || apt_packages+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_packages+=(nginx-light)

if [ ${#apt_packages[@]} -gt 0 ]; then
    apt_install install_bench_tools "${apt_packages[@]}"
    # The package starts a system nginx on port 80; the bench runs its own, so the service is not needed.
    if command -v systemctl >/dev/null 2>&1; then systemctl disable --now nginx >/dev/null 2>&1 || true; fi
fi
