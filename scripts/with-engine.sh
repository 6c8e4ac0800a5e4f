#!/usr/bin/env bash
# Runs a command against dnet's private Docker engine:
#   scripts/with-engine.sh CMD [ARGS...]
# Starts the engine unless it already runs, exports DOCKER_HOST and DNET_TEST_DOCKER_HOST (both the
# private engine's address), runs the command, stops the engine only if this script started it,
# and exits with the command's status.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
engine=$here/engine.sh

if [[ $# -eq 0 ]]; then
	echo "usage: $0 CMD [ARGS...]" >&2
	exit 2
fi

# The end-to-end tests drive dnet in tmux: on a fresh Debian machine (as root) install it too, so
# that `npm test` alone works there (.ci/run does the same).
if ! command -v tmux >/dev/null && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
	echo "with-engine: installing tmux" >&2
	{ DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tmux; } >&2 </dev/null ||
		echo "with-engine: could not install tmux; the end-to-end tests will fail" >&2
fi

started=0
if ! bash "$engine" status >/dev/null 2>&1; then
	bash "$engine" start >/dev/null || exit 1
	started=1
fi

stop_engine() {
	if [[ $started -eq 1 ]]; then
		started=0
		bash "$engine" stop >/dev/null 2>&1 || echo "with-engine: stopping the private engine failed" >&2
	fi
}
trap stop_engine EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

eval "$(bash "$engine" env)"
export DOCKER_HOST DNET_TEST_DOCKER_HOST
unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH

# Local binaries (vitest, tsx) when run outside npm.
root=$(cd "$here/.." && pwd)
export PATH="$root/node_modules/.bin:$PATH"

"$@"
status=$?
stop_engine
exit "$status"
