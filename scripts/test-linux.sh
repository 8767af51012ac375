#!/usr/bin/env bash
# The server's API and job suites again, on the Linux driver (network namespaces; SPEC §10).
# Needs root (CAP_NET_ADMIN); elsewhere it prints why it skips and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
if [ "$(uname -s)" != Linux ]; then echo "Linux-driver API suite skipped: not Linux"; exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "Linux-driver API suite skipped: not root (CAP_NET_ADMIN needed)"; exit 0; fi
for tool in ip ping; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "Linux-driver API suite skipped: $tool is not installed (scripts/ensure-netns-tools.sh)"; exit 0
  fi
done
# One file at a time: the job suite times API answers while a job runs real `ip` commands.
EDGENET_TEST_DRIVER=linux exec npx vitest run --project server --no-file-parallelism test/api.test.ts test/jobs.test.ts
