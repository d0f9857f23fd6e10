# Sourced by the tools/install_*.sh scripts: `apt_install NAME PACKAGE...` installs the Debian packages given
# (none: nothing to do), as root only; anyone else is told the command to run and the script stops.
apt_install() {
    local name="$1"
    shift
    [ $# -gt 0 ] || return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "$name: missing $*; run as root or: apt-get install -y $*" >&2
        exit 1
    fi
    echo "$name: apt-get install $*"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "$@" >/dev/null
}
