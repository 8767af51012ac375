#!/usr/bin/env bash
# The tools of the tests that use network namespaces (the Linux driver's, and the kernel
# differential test of the route rules): iproute2 (`ip`) and ping. Installs them as root with apt when missing;
# otherwise says so and carries on (the Linux-driver tests then skip with the reason).
set -euo pipefail
missing=()
command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || missing+=(iproute2)
command -v ping >/dev/null 2>&1 || missing+=(iputils-ping)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages for the Linux driver: ${missing[*]}…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "The Linux driver needs ${missing[*]} (not installed); its tests will skip." >&2
