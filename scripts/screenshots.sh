#!/usr/bin/env bash
# Regenerates screenshots/*.png: dnet in a real terminal (tmux, 120x36) against the demo scenario
# on a private engine of its own (DNET_SHOTS_ENGINE_DIR, default ${TMPDIR:-/tmp}/dnet-shots-<uid>). `npm run screenshots` builds first, then runs this.
#
# Each shot starts dnet afresh, waits for the list, sends its keys, waits for its text, captures
# the pane with colours (tmux capture-pane -e) and renders it: ANSI -> SVG (scripts/ansi-to-svg.mjs)
# -> PNG (rsvg-convert, DejaVu Sans Mono).
set -euo pipefail

# ---- The shots. One per line: name | keys | text to wait for (empty: wait until the screen settles).
# Keys are separated by spaces; tmux key names (Enter, Escape, Up, Down, PageDown, C-x, ...) are
# sent as keys, anything else is typed literally (`/web` types a slash, w, e, b).
SHOTS=(
	"list    |           | web2"
	"all     | a         | old-web"
	"details | j Enter   | /web"
	"help    | ?         | Show or hide this help"
	"filter  | /web      | matching \"web\""
	"confirm | j d       | Remove web?"
	"breaks  | /db Enter S | the link stops working"
	"ports   | P         | HOST PORT"
	"editor  | j p       | Ports of web"
	"review  | j p P a 127.0.0.1:8080:5000 Enter w | Apply to web?"
	"new     | n i Enter | docker run -d dnet/"
	"links   | L         | --db--> db"
	"picker  | j j l     | Link web2 to"
	"networks | N        | bridge"
	"doctor  | /web3 Enter D | published traffic cannot reach it"
	"contexts | c        | DOCKER ENDPOINT"
)
COLS=120
ROWS=36
START_TEXT=web2 # the start state is ready when this shows
# -------------------------------------------------------------------------------------------

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out=$root/screenshots

need=()
command -v tmux >/dev/null || need+=(tmux)
command -v rsvg-convert >/dev/null || need+=(librsvg2-bin)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || need+=(fonts-dejavu-core)
if [[ ${#need[@]} -gt 0 ]]; then
	if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
		echo "screenshots: installing ${need[*]}" >&2
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
	else
		echo "screenshots: missing ${need[*]}: install them first" >&2
		exit 1
	fi
fi

[[ -f $root/dist/cli.js ]] || { echo "screenshots: dist/cli.js missing: run npm run build" >&2; exit 1; }

# A private engine of its own, in a network namespace of its own: the images show exactly the demo
# scenario (no containers left by tests on the shared private engine), fresh-engine port numbers,
# and its 127.0.0.1:5000 never collides with a demo already running. Stopped at the end if started here.
export DNET_ENGINE_DIR=${DNET_SHOTS_ENGINE_DIR:-${TMPDIR:-/tmp}/dnet-shots-$(id -u)}
export DNET_ENGINE_NETNS=1
started_engine=0
bash "$here/engine.sh" status >/dev/null 2>&1 || started_engine=1

sock=dnet-shots-$$
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dnet-shots.XXXXXX")
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
	tm kill-server >/dev/null 2>&1 || true
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"
	rm -rf "$tmp"
	if [[ $started_engine -eq 1 ]]; then bash "$here/engine.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

bash "$here/demo.sh" --no-tui
eval "$(bash "$here/engine.sh" env)"
# Docker contexts of the shots' own (never the user's ~/.docker), made by the real CLI: the context
# switcher's shot lists them; only the first is ever reached.
export DOCKER_CONFIG=$tmp/docker-config
docker context create lab --description "the demo's private engine" --docker "host=$DOCKER_HOST" >/dev/null 2>&1
docker context create edge --description "a host over ssh (not reached here)" --docker host=ssh://deploy@127.0.0.1:2222 >/dev/null 2>&1
docker context create ci --description "an engine on TCP (not reached here)" --docker host=tcp://127.0.0.1:2375 >/dev/null 2>&1

term=tmux-256color
infocmp "$term" >/dev/null 2>&1 || term=screen-256color

screen() { tm capture-pane -p -t "=$1:"; }

# wait_for SESSION TEXT [SECONDS]: until the screen contains TEXT.
wait_for() {
	local s=$1 text=$2 limit=${3:-10} i
	for ((i = 0; i < limit * 20; i++)); do
		screen "$s" | grep -qF -- "$text" && return 0
		sleep 0.05
	done
	echo "screenshots: timed out waiting for '$text'; screen:" >&2
	screen "$s" >&2
	return 1
}

# settle SESSION: until two captures 300 ms apart are equal.
settle() {
	local s=$1 a b i
	a=$(tm capture-pane -e -p -t "=$s:")
	for ((i = 0; i < 30; i++)); do
		sleep 0.3
		b=$(tm capture-pane -e -p -t "=$s:")
		[[ $a == "$b" ]] && return 0
		a=$b
	done
}

send() { # SESSION KEYS...
	local s=$1 k
	shift
	for k in "$@"; do
		# `Pause`: give the screen a second to load (a view that loads on open).
		if [[ $k == Pause ]]; then sleep 1; continue; fi
		if [[ $k =~ ^(Enter|Escape|Tab|BTab|BSpace|Space|Up|Down|Left|Right|Home|End|PageUp|PageDown|PPage|NPage|F[0-9]+|[CMS]-.+)$ ]]; then
			tm send-keys -t "=$s:" "$k"
		else
			# Typed one character at a time, like a person.
			local i
			for ((i = 0; i < ${#k}; i++)); do
				tm send-keys -t "=$s:" -l "${k:i:1}"
				sleep 0.05
			done
		fi
		sleep 0.1
	done
}

trim() { local v=$1; v=${v#"${v%%[![:space:]]*}"}; printf '%s' "${v%"${v##*[![:space:]]}"}"; }

mkdir -p "$out"
n=0
# shoot "name | keys | text": one shot (DNET_SHOTS_ONLY="name ..." takes those only).
shoot() {
	IFS='|' read -r name keys text <<<"$1"
	name=$(trim "$name")
	keys=$(trim "$keys")
	text=$(trim "${text:-}")
	[[ -z ${DNET_SHOTS_ONLY:-} || " $DNET_SHOTS_ONLY " == *" $name "* ]] || return 0
	n=$((n + 1))
	s=shot$n
	tm start-server \; set-option -g status off \; set-option -g default-terminal "$term" \; \
		new-session -d -s "$s" -x "$COLS" -y "$ROWS" -c "$root" \
		env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH -u NO_COLOR -u CI -u TMUX \
		DOCKER_HOST="$DOCKER_HOST" DOCKER_CONFIG="$DOCKER_CONFIG" node dist/cli.js
	wait_for "$s" "$START_TEXT"
	settle "$s"
	# shellcheck disable=SC2086 # keys split on spaces on purpose
	[[ -n $keys ]] && send "$s" $keys
	[[ -n $text ]] && wait_for "$s" "$text"
	settle "$s"
	tm capture-pane -e -p -t "=$s:" >"$tmp/$name.ansi"
	tm kill-session -t "=$s" || true
	node "$here/ansi-to-svg.mjs" --cols "$COLS" --rows "$ROWS" --title "dnet${keys:+ — keys: $keys}" <"$tmp/$name.ansi" >"$tmp/$name.svg"
	rsvg-convert -o "$out/$name.png" "$tmp/$name.svg"
	echo "screenshots: wrote screenshots/$name.png" >&2
}
for shot in "${SHOTS[@]}"; do shoot "$shot"; done
# Swarm services (last: the engine becomes a single-node swarm with two services, left afterwards).
if [[ -z ${DNET_SHOTS_ONLY:-} || " $DNET_SHOTS_ONLY " == *" services "* ]]; then
	docker swarm init --advertise-addr 127.0.0.1 >/dev/null
	trap 'docker swarm leave --force >/dev/null 2>&1 || true; cleanup' EXIT
	docker service create -d -q --no-resolve-image --name shop --replicas 2 -p 8080:5000 -p 8443:5001 dnet/webapp >/dev/null
	docker service create -d -q --no-resolve-image --name metrics --mode global -p published=9100,target=5000,mode=host dnet/webapp >/dev/null
	for _ in $(seq 1 120); do [[ $(docker service ls --format '{{.Replicas}}' | sort | tr '\n' ' ') == '1/1 2/2 ' ]] && break; sleep 0.5; done
	shoot "services | w     | metrics"
	shoot "service  | w Pause Pause Pause j Enter | TASKS (2)"
	docker swarm leave --force >/dev/null
fi
echo "screenshots: done" >&2
