#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests is installed: Debian's package, since Playwright's
# browser download cannot be reached from these machines. Installs it when run as root with apt;
# otherwise says exactly what to do. CHROMIUM_PATH overrides the browser's location.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
packages="chromium fonts-liberation fonts-noto-cjk"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the end-to-end tests ($packages)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null
  exit 0
fi
cat >&2 <<MSG
The end-to-end tests need Chromium at $browser, and it is missing.
Install it (Debian/Ubuntu):   sudo apt-get install -y --no-install-recommends $packages
or point CHROMIUM_PATH at an installed Chromium or Chrome binary, then run the tests again.
MSG
exit 1
