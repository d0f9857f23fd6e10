# Sourced by the tools/install_*.sh scripts: `apt_install NAME PACKAGE...` installs the Debian packages given
# (none: nothing to do) with apt-get, as root or through sudo when sudo asks no password; anyone else is
# told the command to run and the script stops.
apt_install() {
    local name="$1"
    shift
    [ $# -gt 0 ] || return 0
    local as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            as_root=(sudo -n)
        else
            echo "$name: missing $*; run as root or: sudo apt-get install -y $*" >&2
            exit 1
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$name: missing $*, and this machine has no apt-get to install them with" >&2
        exit 1
    fi
    echo "$name: apt-get install $*"
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
