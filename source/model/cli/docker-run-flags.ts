/**
 * The flags of `docker run` (docker CLI 28) that `dnet run` does not have, so that it can refuse
 * them by name rather than as unknown (see "The layers and the feature folders" in ARCHITECTURE.md:
 * model/ is pure).
 */

const LONG = `add-host annotation attach blkio-weight blkio-weight-device cap-add cap-drop cgroup-parent cgroupns
cidfile cpu-count cpu-percent cpu-period cpu-quota cpu-rt-period cpu-rt-runtime cpu-shares cpus cpuset-cpus
cpuset-mems detach-keys device device-cgroup-rule device-read-bps device-read-iops device-write-bps
device-write-iops disable-content-trust dns dns-option dns-search domainname entrypoint env env-file gpus
group-add health-cmd health-interval health-retries health-start-interval health-start-period health-timeout
hostname init interactive io-maxbandwidth io-maxiops ip ip6 ipc isolation kernel-memory label label-file
link-local-ip log-driver log-opt mac-address memory memory-reservation memory-swap memory-swappiness mount
network network-alias no-healthcheck oom-kill-disable oom-score-adj pid pids-limit platform privileged pull
quiet read-only restart runtime security-opt shm-size sig-proxy stop-signal stop-timeout storage-opt sysctl
tmpfs tty ulimit use-api-socket user userns uts volume volume-driver volumes-from workdir`.split(/\s+/);

const SHORT: Record<string, string> = {a: 'attach', c: 'cpu-shares', e: 'env', h: 'hostname', i: 'interactive', l: 'label', m: 'memory', q: 'quiet', t: 'tty', u: 'user', v: 'volume', w: 'workdir'};

/**
 * The docker run flag an unknown-flag error of pflag is about (`unknown flag: --env`,
 * `unknown shorthand flag: 'e' in -e`), or null when docker run has no such flag either.
 */
export function dockerRunFlag(pflagMessage: string, supported: ReadonlySet<string>): string | null {
	const long = /^unknown flag: --(.*)$/.exec(pflagMessage)?.[1];
	if (long !== undefined) return LONG.includes(long) && !supported.has(long) ? `--${long}` : null;
	const short = /^unknown shorthand flag: '(.)' in /.exec(pflagMessage)?.[1];
	const name = short === undefined ? undefined : SHORT[short];
	return name === undefined || supported.has(name) ? null : `-${short}/--${name}`;
}
