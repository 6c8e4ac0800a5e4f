/**
 * Every host binding of every container, as one table: who holds which host port. Pure: the ports
 * view and its tests use it. Running containers contribute what the engine bound (list API);
 * stopped ones what they ask for (`HostConfig.PortBindings`), so that two containers asking for
 * the same host port show as a conflict before one of them is started.
 */
import type {ContainerSummary, PortMap, Protocol} from './container.js';
import {addressesOverlap, hostPortsCollide} from './host-ports.js';

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

export {addressesOverlap};

/**
 * Flags rows of different containers that ask for the same host ip:port/proto (the one rule of
 * `host-ports.ts`); sorts by host port.
 */
export function withConflicts(rows: BindingRow[]): BindingRow[] {
	const byPort = new Map<string, BindingRow[]>();
	for (const r of rows) {
		if (r.hostPort === null) continue;
		const k = `${r.hostPort}/${r.protocol}`;
		byPort.set(k, [...(byPort.get(k) ?? []), r]);
	}
	const out = rows.map((r) => {
		const hostPort = r.hostPort;
		if (hostPort === null) return r;
		const others = (byPort.get(`${r.hostPort}/${r.protocol}`) ?? [])
			.filter((o) => o.containerId !== r.containerId && o.hostPort !== null && hostPortsCollide({...o, hostPort: o.hostPort}, {...r, hostPort}))
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

/**
 * `/` in the ports view. A port is "who holds host port N": `5000`, `:5000`, `5000/udp` match the
 * host port; `->5000` (`->5000/udp`) the container port, as `docker ps` writes it; `127.0.0.1:8080`
 * (`[::1]:8080`) an address and its host port. Anything else matches the container's name or the
 * host address.
 */
export function bindingMatches(r: BindingRow, filter: string): boolean {
	const f = filter.trim().toLowerCase();
	if (f === '') return true;
	const proto = (p: string | undefined): boolean => !p || r.protocol === p;
	const host = /^:?(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(f);
	if (host) return r.hostPort === Number(host[1]) && proto(host[2]);
	const container = /^->\s*(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(f);
	if (container) return r.containerPort === Number(container[1]) && proto(container[2]);
	const address = /^\[?([0-9a-f.:]*?)\]?:(\d{1,5})(?:\/(tcp|udp|sctp))?$/.exec(f);
	if (address && address[1] !== '') return r.hostIp.toLowerCase() === address[1] && r.hostPort === Number(address[2]) && proto(address[3]);
	return r.containerName.toLowerCase().includes(f) || r.hostIp.toLowerCase().includes(f);
}
