/**
 * Host ports swarm services hold, pure: an ingress-published port is held on every node (the
 * routing mesh listens there), a host-mode port on each node where a task of the service runs.
 * The ports view shows them beside the containers' bindings; the conflict checks refuse them.
 */
import type {BindingRow} from '../bindings.js';
import type {PortProtocol, SwarmSnapshot} from './types.js';

export interface HeldPort {
	hostPort: number;
	protocol: PortProtocol;
	serviceId: string;
	serviceName: string;
	targetPort: number;
	mode: 'ingress' | 'host';
	/** The node holding it (host mode); null for every node (ingress). */
	nodeId: string | null;
	/** That node's name and address, for the words. */
	nodeName: string;
	nodeAddr: string;
}

/** Every host port the services hold (ingress ports once, host-mode ports once per running task). */
export function heldPorts(snapshot: SwarmSnapshot): HeldPort[] {
	const out: HeldPort[] = [];
	for (const s of snapshot.services) {
		for (const p of s.ports) {
			if (p.publishMode !== 'ingress' || p.publishedPort === 0) continue;
			out.push({hostPort: p.publishedPort, protocol: p.protocol, serviceId: s.id, serviceName: s.name, targetPort: p.targetPort, mode: 'ingress', nodeId: null, nodeName: '', nodeAddr: ''});
		}
	}
	for (const t of snapshot.tasks) {
		if (t.desiredState !== 'running' || t.hostPorts.length === 0) continue;
		const s = snapshot.services.find((x) => x.id === t.serviceId);
		const node = snapshot.nodes.find((n) => n.id === t.nodeId);
		for (const p of t.hostPorts) {
			out.push({
				hostPort: p.publishedPort,
				protocol: p.protocol,
				serviceId: t.serviceId,
				serviceName: s?.name ?? t.serviceId.slice(0, 12),
				targetPort: p.targetPort,
				mode: 'host',
				nodeId: t.nodeId,
				nodeName: node?.hostname ?? t.nodeId.slice(0, 12),
				nodeAddr: node?.addr ?? '',
			});
		}
	}
	return out;
}

/** Who holds it, in words: `service web (ingress, every node)`, `service web (host mode, node n2 10.0.0.2)`. */
export function holderText(h: HeldPort): string {
	if (h.mode === 'ingress') return `service ${h.serviceName} (ingress, every node)`;
	return `service ${h.serviceName} (host mode, node ${h.nodeName}${h.nodeAddr ? ` ${h.nodeAddr}` : ''})`;
}

/** `0.0.0.0:8080/tcp is already published by service web (ingress, every node)`. */
export function heldMessage(h: HeldPort): string {
	return `0.0.0.0:${h.hostPort}/${h.protocol} is already published by ${holderText(h)}`;
}

const REMOTE = 'svc-node';

/**
 * A host-mode port on another node does not collide with this node's bindings: drops the
 * conflicts the address rule finds between those rows and this node's (applied after `withConflicts`).
 */
export function separateNodes(rows: BindingRow[]): BindingRow[] {
	const remote = new Set(rows.filter((r) => r.key.startsWith(`${REMOTE}|`)).map((r) => r.containerName));
	const host = (r: BindingRow): string => (r.key.startsWith(`${REMOTE}|`) ? r.hostIp : '');
	return rows.map((r) => {
		if (r.conflictsWith.length === 0) return r;
		const keep = r.conflictsWith.filter((name) => {
			const other = rows.find((o) => o.containerName === name && o.hostPort === r.hostPort && o.protocol === r.protocol);
			return other === undefined || host(other) === host(r) || (!remote.has(name) && !remote.has(r.containerName));
		});
		return keep.length === r.conflictsWith.length ? r : {...r, conflictsWith: keep};
	});
}

/**
 * Rows of the ports view for the services: one per ingress port (every node), and one per
 * host-mode port of a task on another node than this one (this node's tasks are containers here,
 * listed with their own bindings).
 */
export function serviceBindingRows(snapshot: SwarmSnapshot): BindingRow[] {
	return heldPorts(snapshot)
		.filter((h) => h.mode === 'ingress' || h.nodeId !== snapshot.swarm.nodeId)
		.map((h) => {
			const hostIp = h.mode === 'ingress' ? '0.0.0.0' : h.nodeAddr || '0.0.0.0';
			const name = h.mode === 'ingress' ? `${h.serviceName} (service, ingress)` : `${h.serviceName} (service, ${h.nodeName})`;
			return {
				key: `${h.nodeId === null ? 'svc' : REMOTE}|${h.serviceId}|${h.nodeId ?? '*'}|${h.hostPort}|${h.targetPort}/${h.protocol}`,
				containerId: `service:${h.serviceId}`,
				containerName: name,
				state: 'running',
				hostIp,
				hostPort: h.hostPort,
				containerPort: h.targetPort,
				protocol: h.protocol,
				requested: false,
				conflictsWith: [],
			};
		});
}
