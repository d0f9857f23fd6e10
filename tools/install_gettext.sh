#!/usr/bin/env bash
# Installs GNU gettext (xgettext, msgmerge, msgfmt), which `make messages` uses to extract the interface's
# strings and every make target that serves or tests the site uses to compile locale/*/LC_MESSAGES/*.po
# (compiled catalogues are not kept in git). Idempotent: with msgfmt and xgettext on the PATH it does nothing.
set -euo pipefail

# shellcheck source=apt_install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt_install.sh"

command -v msgfmt >/dev/null 2>&1 && command -v xgettext >/dev/null 2>&1 && exit 0
apt_install install_gettext gettext
command -v msgfmt >/dev/null
