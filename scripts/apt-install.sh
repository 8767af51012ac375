# Sourced by the ensure-*.sh scripts: `apt_install_missing PURPOSE PACKAGE…` installs the missing
# Debian packages with apt when run as root on a machine that has apt, and returns 0; otherwise it
# returns 1 and the caller says what to do.
apt_install_missing() {
  local purpose="$1"
  shift
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages for $purpose: $*…" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    return 0
  fi
  return 1
}
