#!/usr/bin/env bash
# The tools of the tests that use network namespaces (the Linux driver's, and the kernel
# differential test of the route rules): iproute2 (`ip`) and ping. Installs them as root with apt when missing;
# otherwise says so and carries on (the Linux-driver tests then skip with the reason).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
missing=()
command -v ip >/dev/null 2>&1 || [ -x /usr/sbin/ip ] || missing+=(iproute2)
command -v ping >/dev/null 2>&1 || missing+=(iputils-ping)
[ ${#missing[@]} -eq 0 ] && exit 0
apt_install_missing "the Linux driver" "${missing[@]}" && exit 0
echo "The Linux driver needs ${missing[*]} (not installed); its tests will skip." >&2
