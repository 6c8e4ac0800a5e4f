/**
 * Every host binding of every container, as one table: who holds which host port. Pure: the ports
 * view and its tests use it. Running containers contribute what the engine bound (list API);
 * stopped ones what they ask for (`HostConfig.PortBindings`), so that two containers asking for
 * the same host port show as a conflict before one of them is started.
 */
import type {ContainerSummary, PortMap, Protocol} from './container.js';

export interface BindingRow {
	/** Stable key: container id, host ip, host port, container port and protocol. */
	key: string;
	containerId: string;
	containerName: string;
	/** The container's state (`running`, `exited`, …). */
	state: string;
	hostIp: string;
	/** The host port; null when the engine will pick one at start (`-P`, `ip::port`). */
	hostPort: number | null;
	containerPort: number;
	protocol: Protocol;
	/** True when this is a request of a stopped container, not a live binding. */
	requested: boolean;
	/** Names of other containers that ask for the same host ip:port/proto. */
	conflictsWith: string[];
}

const proto = (p: string): Protocol => (p === 'udp' || p === 'sctp' ? p : 'tcp');

function row(
	c: Pick<ContainerSummary, 'id' | 'name' | 'state'>,
	hostIp: string,
	hostPort: number | null,
	containerPort: number,
	protocol: Protocol,
	requested: boolean,
): BindingRow {
	return {
		key: `${c.id}|${hostIp}|${hostPort ?? ''}|${containerPort}/${protocol}`,
		containerId: c.id,
		containerName: c.name,
		state: c.state,
		hostIp,
		hostPort,
		containerPort,
		protocol,
		requested,
		conflictsWith: [],
	};
}

/** Live bindings of a container from the list API. */
export function liveBindings(c: ContainerSummary): BindingRow[] {
	return c.ports
		.filter((p) => p.publicPort !== undefined && p.publicPort !== 0)
		.map((p) => row(c, p.ip ?? '0.0.0.0', p.publicPort ?? null, p.privatePort, p.type, false));
}

/** Requested bindings of a (stopped) container from its `HostConfig.PortBindings`. */
export function requestedBindings(c: Pick<ContainerSummary, 'id' | 'name' | 'state'>, portBindings: PortMap): BindingRow[] {
	const out: BindingRow[] = [];
	for (const [key, bindings] of Object.entries(portBindings)) {
		const [port = '', p = 'tcp'] = key.split('/');
		for (const b of bindings ?? []) {
			const hostPort = /^\d+$/.test(b.hostPort) ? Number(b.hostPort) : null;
			out.push(row(c, b.hostIp || '0.0.0.0', hostPort, Number(port), proto(p), true));
		}
	}
	return out;
}

const isV6 = (ip: string): boolean => ip.includes(':');
const isWildcard = (ip: string): boolean => ip === '0.0.0.0' || ip === '::' || ip === '';

/** Two host addresses can't both be bound on one port: equal, or one is the wildcard of its family. */
export function addressesOverlap(a: string, b: string): boolean {
	if (a === b) return true;
	if (isV6(a) !== isV6(b)) return false;
	return isWildcard(a) || isWildcard(b);
}

/** Flags rows of different containers that ask for the same host ip:port/proto; sorts by host port. */
export function withConflicts(rows: BindingRow[]): BindingRow[] {
	const byPort = new Map<string, BindingRow[]>();
	for (const r of rows) {
		if (r.hostPort === null) continue;
		const k = `${r.hostPort}/${r.protocol}`;
		byPort.set(k, [...(byPort.get(k) ?? []), r]);
	}
	const out = rows.map((r) => {
		if (r.hostPort === null) return r;
		const others = (byPort.get(`${r.hostPort}/${r.protocol}`) ?? [])
			.filter((o) => o.containerId !== r.containerId && addressesOverlap(o.hostIp, r.hostIp))
			.map((o) => o.containerName);
		return others.length > 0 ? {...r, conflictsWith: [...new Set(others)].sort()} : r;
	});
	return out.sort(
		(a, b) =>
			(a.hostPort ?? 70000) - (b.hostPort ?? 70000) ||
			a.protocol.localeCompare(b.protocol) ||
			Number(isV6(a.hostIp)) - Number(isV6(b.hostIp)) ||
			a.hostIp.localeCompare(b.hostIp) ||
			a.containerName.localeCompare(b.containerName) ||
			a.containerPort - b.containerPort,
	);
}

/** `/` in the ports view: a port number (host or container, `5000` or `5000/udp`), or a name / address. */
export function bindingMatches(r: BindingRow, filter: string): boolean {
	const f = filter.trim().toLowerCase();
	if (f === '') return true;
	const port = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(f);
	if (port) {
		const n = Number(port[1]);
		return (r.hostPort === n || r.containerPort === n) && (!port[2] || r.protocol === port[2]);
	}
	return r.containerName.toLowerCase().includes(f) || r.hostIp.toLowerCase().includes(f);
}
