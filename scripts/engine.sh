#!/usr/bin/env bash
# dnet's private Docker engine, for the tests and the demo.
#
#   scripts/engine.sh start    start it (idempotent), build the dnet/* images, print DOCKER_HOST
#   scripts/engine.sh stop     stop it and delete its folder (only what `start` created)
#   scripts/engine.sh env      print `export DOCKER_HOST=...` lines: eval "$(scripts/engine.sh env)"
#   scripts/engine.sh status   say whether it runs (exit 0) or not (exit 1)
#
# DNET_ENGINE_DIR picks another folder (another, independent engine). DNET_ENGINE_NETNS=1 runs the
# engine in a network namespace of its own: its published ports do not collide with the host's
# (used by the screenshots), but are not reachable from the host either.
#
# Everything lives in one folder, ${DNET_ENGINE_DIR:-${TMPDIR:-/tmp}/dnet-engine-<uid>}: socket,
# data-root, exec-root, pidfile, log, a daemon.json of its own. The daemon gets its own containerd
# (namespaced), its own bridge (never docker0), no iptables rules, no IP forwarding and no
# masquerading, so containers cannot route out of the machine and nothing the user already runs
# (an engine on /var/run/docker.sock, its containers, networks, rules) is touched.
set -euo pipefail

readonly IMAGE_VERSION=1 # bump when the recipe of the dnet/* images changes: they are rebuilt

DIR=${DNET_ENGINE_DIR:-${TMPDIR:-/tmp}/dnet-engine-$(id -u)}
DIR=${DIR%/}
SOCK=$DIR/docker.sock
HOST=unix://$SOCK
PIDFILE=$DIR/docker.pid
LOG=$DIR/dockerd.log
MARKER=$DIR/.dnet-engine
BRIDGE_FILE=$DIR/bridge

say() { printf 'engine: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# The docker CLI, aimed at our engine only, whatever the caller's environment says.
dk() { env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH DOCKER_HOST="$HOST" docker "$@"; }

# ---------------------------------------------------------------------------------------------
# Prerequisites

apt_updated=0
apt_install() {
	[[ $(id -u) -eq 0 ]] || die "$* missing; install it (as root: apt-get install -y $*)"
	command -v apt-get >/dev/null || die "$* missing and this is not a Debian-like system: install $* by hand"
	if [[ $apt_updated -eq 0 ]]; then
		say "apt-get update"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
		apt_updated=1
	fi
	say "apt-get install $*"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

busybox_path() {
	local b
	for b in /bin/busybox /usr/bin/busybox; do
		if [[ -x $b ]] && ! ldd "$b" >/dev/null 2>&1; then echo "$b"; return 0; fi
	done
	return 1
}

ensure_packages() {
	local missing=()
	command -v dockerd >/dev/null || missing+=(docker.io)
	busybox_path >/dev/null || missing+=(busybox-static)
	command -v ip >/dev/null || missing+=(iproute2)
	if [[ ${#missing[@]} -gt 0 ]]; then apt_install "${missing[@]}"; fi
	command -v docker >/dev/null || die "the docker CLI is missing (package docker.io)"
	[[ $(id -u) -eq 0 ]] || die "the private engine needs root (dockerd creates bridges and mounts)"
}

# ---------------------------------------------------------------------------------------------
# State

# Prints our dockerd's pid when it is alive (pidfile + a live process whose command line names our
# socket: a recycled pid never matches).
engine_pid() {
	[[ -f $PIDFILE ]] || return 1
	local pid
	pid=$(<"$PIDFILE") || return 1
	[[ $pid =~ ^[0-9]+$ ]] || return 1
	[[ -r /proc/$pid/cmdline ]] || return 1
	local cmd
	cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
	[[ $cmd == *"--host $HOST "* ]] || return 1
	echo "$pid"
}

answers() { dk version --format '{{.Server.Version}}' >/dev/null 2>&1; }

is_running() { engine_pid >/dev/null && answers; }

dir_hash() { printf '%s' "$DIR" | md5sum | cut -c1-8; }

# A bridge name unique to this folder (interface names are at most 15 characters).
bridge_name() { echo "dnet$(dir_hash)"; }

# A free /24 for the bridge, stable for a folder when free: 10.213.N.0/24.
pick_subnet() {
	local n used
	n=$(( 16#$(printf '%s' "$DIR" | md5sum | cut -c1-2) ))
	used=$( { ip -4 -o addr show; ip -4 route show; } 2>/dev/null || true)
	for _ in $(seq 0 255); do
		if ! grep -q "10\.213\.$n\." <<<"$used"; then echo "10.213.$n"; return 0; fi
		n=$(( (n + 1) % 256 ))
	done
	die "no free /24 in 10.213.0.0/16 for the engine's bridge"
}

setup_bridge() {
	local br prefix
	br=$(bridge_name)
	if ! ip link show "$br" >/dev/null 2>&1; then
		prefix=$(pick_subnet)
		ip link add "$br" type bridge
		ip addr add "$prefix.1/24" dev "$br"
	fi
	ip link set "$br" up
	echo "$br" >"$BRIDGE_FILE"
}

# ---------------------------------------------------------------------------------------------
# Images: dnet/webapp and dnet/postgres, imported from a busybox-static rootfs.

build_rootfs() { # $1: folder
	local root=$1 bb applet
	bb=$(busybox_path) || die "busybox-static is missing"
	mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,www,proc,sys,dev,root,var/run}
	chmod 1777 "$root/tmp"
	cp "$bb" "$root/bin/busybox"
	for applet in $("$bb" --list); do
		[[ $applet == busybox ]] || ln -sf busybox "$root/bin/$applet"
	done
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
}

# PID 1 ignores SIGTERM unless it handles it: each service runs under a small shell that exits on
# TERM/INT, so `docker stop` is immediate and the container exits with status 0.
import_image() { # $1 name, $2 exposed port, $3 script, extra args: more --change
	local name=$1 port=$2 script=$3 tmp
	shift 3
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/dnet-rootfs.XXXXXX")
	build_rootfs "$tmp"
	printf '%s\n' "$script" >"$tmp/bin/${name#dnet/}"
	chmod 755 "$tmp/bin/${name#dnet/}"
	"$@" "$tmp"
	tar --numeric-owner -C "$tmp" -cf - . | dk import \
		--change "EXPOSE $port" \
		--change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
		--change "LABEL org.dnet.image-version=$IMAGE_VERSION" \
		--change "CMD [\"${name#dnet/}\"]" \
		- "$name" >/dev/null
	rm -rf "$tmp"
	say "built image $name"
}

webapp_www() {
	cat >"$1/www/index.html" <<'EOF'
<!DOCTYPE html>
<html><head><title>dnet web app</title></head>
<body><h1>Hello from the dnet web app</h1><p>A tiny HTTP server listening on port 5000.</p></body>
</html>
EOF
}
no_extra() { :; }

image_ok() { # $1 name
	[[ $(dk image inspect -f '{{index .Config.Labels "org.dnet.image-version"}}' "$1" 2>/dev/null) == "$IMAGE_VERSION" ]]
}

ensure_images() {
	image_ok dnet/webapp || import_image dnet/webapp 5000 '#!/bin/sh
# dnet/webapp: serves /www over HTTP on port 5000 (the role of training/webapp).
trap "exit 0" TERM INT
httpd -f -p 5000 -h /www &
wait' webapp_www
	image_ok dnet/postgres || import_image dnet/postgres 5432 '#!/bin/sh
# dnet/postgres: accepts TCP connections on port 5432 forever (the role of training/postgres).
trap "exit 0" TERM INT
nc -ll -p 5432 -e cat &
wait' no_extra
}

# ---------------------------------------------------------------------------------------------
# Commands

print_env() {
	echo "export DOCKER_HOST=$HOST"
}

cmd_start() {
	(( ${#SOCK} < 100 )) || die "socket path too long (${#SOCK} > 99 characters): set DNET_ENGINE_DIR to a shorter folder"
	ensure_packages
	mkdir -p "$(dirname "$DIR")"
	exec 9>"$DIR.lock"
	flock -w 120 9 || die "another start/stop holds $DIR.lock"

	if is_running; then
		say "already running (pid $(engine_pid)) at $HOST"
		ensure_images
		print_env
		return 0
	fi
	if engine_pid >/dev/null; then
		say "a dockerd of ours runs but does not answer: restarting it"
		stop_engine
	fi
	if [[ -d $DIR && ! -f $MARKER && -n $(ls -A "$DIR") ]]; then
		die "$DIR exists, is not empty and was not made by this script: choose another DNET_ENGINE_DIR"
	fi
	mkdir -p "$DIR"
	chmod 700 "$DIR"
	touch "$MARKER"
	rm -f "$SOCK" "$PIDFILE"
	# Our own config file: never read the user's /etc/docker/daemon.json.
	echo '{}' >"$DIR/daemon.json"
	local ns br
	ns=dnet-$(dir_hash)
	br=$(bridge_name)
	local flags=(
		--host "$HOST"
		--config-file "$DIR/daemon.json"
		--data-root "$DIR/data"
		--exec-root "$DIR/exec"
		--pidfile "$PIDFILE"
		--containerd-namespace "$ns"
		--containerd-plugins-namespace "$ns-plugins"
		--bridge "$br"
		--iptables=false --ip6tables=false --ip-masq=false --ip-forward=false
		--userland-proxy=true
		--live-restore=false
	)
	say "starting dockerd at $HOST (log: $LOG)"
	# setsid: the engine outlives the terminal's Ctrl+C (the demo leaves it running).
	if [[ ${DNET_ENGINE_NETNS:-0} == 1 ]]; then
		# A network namespace of its own: its bridge and published ports live there, so it can
		# publish host ports that are already taken on the host (not reachable from the host).
		touch "$DIR/netns"
		setsid unshare --net sh -c 'ip link set lo up && ip link add "$1" type bridge &&
			ip addr add 10.213.0.1/24 dev "$1" && ip link set "$1" up && shift && exec dockerd "$@"' \
			sh "$br" "${flags[@]}" </dev/null >>"$LOG" 2>&1 9>&- &
	else
		setup_bridge
		setsid dockerd "${flags[@]}" </dev/null >>"$LOG" 2>&1 9>&- &
	fi

	local i
	for i in $(seq 1 300); do
		if engine_pid >/dev/null && answers; then break; fi
		if (( i == 300 )); then
			say "dockerd did not answer within 30 s; last lines of $LOG:"
			tail -n 30 "$LOG" >&2 || true
			stop_engine || true
			exit 1
		fi
		sleep 0.1
	done
	say "running (pid $(engine_pid))"
	ensure_images
	print_env
}

# Pids of a process's descendants.
descendants() {
	local p
	for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do
		echo "$p"
		descendants "$p"
	done
}

# Pids of processes whose command line mentions our folder (containerd, its shims, proxies).
ours_by_cmdline() {
	local f pid cmd
	for f in /proc/[0-9]*/cmdline; do
		pid=${f#/proc/}
		pid=${pid%/cmdline}
		[[ $pid == "$$" ]] && continue
		cmd=$(tr '\0' ' ' 2>/dev/null <"$f") || continue
		[[ $cmd == *" $DIR/"* ]] || continue
		if grep -qE '^(\S*/)?(containerd|docker-proxy|dockerd)' <<<"$cmd"; then echo "$pid"; fi
	done
}

wait_gone() { # $1: seconds, pids...
	local t=$1 p alive
	shift
	for _ in $(seq 1 $((t * 10))); do
		alive=0
		for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
		[[ $alive -eq 0 ]] && return 0
		sleep 0.1
	done
	return 1
}

stop_engine() {
	local pid kids=() p
	if pid=$(engine_pid); then
		mapfile -t kids < <(descendants "$pid")
		say "stopping dockerd (pid $pid)"
		kill -TERM "$pid" 2>/dev/null || true
		if ! wait_gone 30 "$pid"; then
			say "dockerd did not exit in 30 s: killing it"
			kill -KILL "$pid" 2>/dev/null || true
			wait_gone 5 "$pid" || true
		fi
	fi
	# Leftovers: dockerd's children (containerd, docker-proxy) and shims still pointing at our folder.
	mapfile -t -O "${#kids[@]}" kids < <(ours_by_cmdline)
	if [[ ${#kids[@]} -gt 0 ]]; then
		for p in "${kids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
		if ! wait_gone 5 "${kids[@]}"; then
			for p in "${kids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
			wait_gone 5 "${kids[@]}" || true
		fi
	fi
	# Mounts left under our folder (overlay layers, netns bind mounts, shm), deepest first.
	local m
	while read -r m; do
		umount -l "$m" 2>/dev/null || true
	done < <(awk -v d="$DIR/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r)
	if [[ -f $BRIDGE_FILE ]]; then
		local br
		br=$(<"$BRIDGE_FILE")
		[[ $br == dnet* ]] && ip link delete "$br" 2>/dev/null || true
	fi
	if [[ -f $MARKER ]]; then
		rm -rf "$DIR"
	fi
}

cmd_stop() {
	if [[ ! -d $DIR ]]; then
		say "not running (no $DIR)"
		return 0
	fi
	exec 9>"$DIR.lock"
	flock -w 120 9 || die "another start/stop holds $DIR.lock"
	[[ -f $MARKER ]] || die "$DIR was not made by this script: not touching it"
	stop_engine
	say "stopped; $DIR removed"
}

cmd_status() {
	if is_running; then
		echo "running: pid $(engine_pid), $HOST, folder $DIR"
		dk version --format 'engine {{.Server.Version}}, API {{.Server.APIVersion}}'
		return 0
	fi
	if engine_pid >/dev/null; then
		echo "not answering: pid $(engine_pid), $HOST (see $LOG)"
	else
		echo "not running ($HOST)"
	fi
	return 1
}

case ${1:-} in
start) cmd_start ;;
stop) cmd_stop ;;
env) print_env; echo "export DNET_TEST_DOCKER_HOST=$HOST" ;;
status) cmd_status ;;
*)
	echo "usage: $0 start|stop|env|status" >&2
	exit 2
	;;
esac
