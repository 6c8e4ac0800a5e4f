#!/usr/bin/env bash
# The demo: dnet on the private engine, with the networking chapter's scenario.
#   npm run demo                 build, set up the scenario, open dnet (extra args go to dnet)
#   bash scripts/demo.sh --no-tui    only set up the scenario (also: DNET_DEMO_NO_TUI=1)
#
# Scenario (re-created on every run, so running twice works):
#   db       dnet/postgres                                   (EXPOSE 5432)
#   web      dnet/webapp  -P --link db:db                    (random host port -> 5000)
#   web2     dnet/webapp  -p 127.0.0.1:5000:5000 -p 127.0.0.1:5000:5000/udp
#   old-web  dnet/webapp, stopped (shown with `a`)
#   web3     dnet/webapp  -p 127.0.0.1:8081:5000, its app on 127.0.0.1 inside: a broken port for `D`
# All of it lives on the private engine only; the engine is left running afterwards.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
engine=$here/engine.sh

no_tui=${DNET_DEMO_NO_TUI:-0}
args=()
for a in "$@"; do
	if [[ $a == --no-tui ]]; then no_tui=1; else args+=("$a"); fi
done

bash "$engine" start >/dev/null
eval "$(bash "$engine" env)"
export DOCKER_HOST
unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH

# The private engine disables IP forwarding on purpose; drop the CLI's warning about it.
dk() {
	local out
	if ! out=$(docker "$@" 2>&1); then
		printf '%s\n' "$out" >&2
		return 1
	fi
	printf '%s\n' "$out" | grep -v 'IPv4 forwarding is disabled' || true
}

names=(web web2 web3 old-web db)
docker rm -f "${names[@]}" >/dev/null 2>&1 || true

dk run -d --name db dnet/postgres >/dev/null
dk run -d --name web -P --link db:db dnet/webapp >/dev/null
dk run -d --name web2 -p 127.0.0.1:5000:5000 -p 127.0.0.1:5000:5000/udp dnet/webapp >/dev/null
dk create --name old-web -p 8000:5000 dnet/webapp >/dev/null
dk start old-web >/dev/null
dk stop old-web >/dev/null
# A published port that does not answer: the app listens on 127.0.0.1 inside (the port doctor's case).
dk run -d --name web3 -p 127.0.0.1:8081:5000 dnet/webapp httpd -f -p 127.0.0.1:5000 >/dev/null

echo "demo: scenario ready on $DOCKER_HOST" >&2
docker ps -a --format 'table {{.Names}}\t{{.Image}}\t{{.Status}}\t{{.Ports}}' >&2
echo "demo: the engine keeps running; stop it with: scripts/engine.sh stop" >&2

if [[ $no_tui == 1 ]]; then
	exit 0
fi
cd "$root"
exec node dist/cli.js ${args[@]+"${args[@]}"}
