#!/usr/bin/env bash
# Makes sure a Chromium for the browser tests is installed: Debian's package, since Playwright's
# browser download cannot be reached from these machines. Installs it when run as root with apt;
# otherwise says exactly what to do. CHROMIUM_PATH overrides the browser's location.
# Extra Debian packages named as arguments (e.g. `ffmpeg` for the demo's video) are installed
# the same way when their command is missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$browser" ] || missing+=(chromium fonts-liberation fonts-noto-cjk)
for extra in "$@"; do
  command -v "$extra" >/dev/null 2>&1 || missing+=("$extra")
done
[ ${#missing[@]} -eq 0 ] && exit 0
apt_install_missing "the browser tests" "${missing[@]}" && exit 0
cat >&2 <<MSG
The browser tests need these Debian packages, and they are missing: ${missing[*]}
Install them (Debian/Ubuntu):   sudo apt-get install -y --no-install-recommends ${missing[*]}
or point CHROMIUM_PATH at an installed Chromium or Chrome binary, then run the command again.
MSG
exit 1
