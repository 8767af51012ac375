#!/usr/bin/env bash
# Makes sure iproute2 (`ip`) is installed for the kernel differential test, which builds each
# Kubernetes VM's route table in a network namespace (apps/server/test/kernel-differential.test.ts).
# Installs Debian's package when run as root with apt; otherwise says so. The test itself skips
# with its reason when it cannot run (not root, no `ip netns`), so this never fails the build.
set -euo pipefail
command -v ip >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's iproute2 for the kernel differential test…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends iproute2 >/dev/null
  exit 0
fi
echo "iproute2 is missing: the kernel differential test will skip (sudo apt-get install -y iproute2)." >&2
