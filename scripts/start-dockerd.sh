#!/usr/bin/env bash
# Makes a Docker engine reachable for the tests: does nothing when one answers already; otherwise starts Debian's
# dockerd with no default bridge and no iptables rules (no container ever gets a network) and waits for it.
set -uo pipefail
DOCKER=${DRYDOCK_DOCKER:-/usr/bin/docker}
[ -x "$DOCKER" ] || DOCKER=$(command -v docker || true)
if [ -n "$DOCKER" ] && "$DOCKER" info >/dev/null 2>&1; then exit 0; fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "dockerd is not installed (apt-get install docker.io)" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "starting dockerd needs root" >&2
  exit 1
fi
log=${TMPDIR:-/tmp}/drydock-dockerd.log
nohup dockerd --bridge=none --iptables=false --ip6tables=false >"$log" 2>&1 &
for _ in $(seq 1 60); do
  if "$DOCKER" info >/dev/null 2>&1; then exit 0; fi
  sleep 1
done
echo "dockerd did not answer within 60 s; its log is $log" >&2
tail -n 20 "$log" >&2
exit 1
