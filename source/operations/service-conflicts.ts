/**
 * Host-port conflicts that involve swarm services (see `model/swarm/held.ts`): for a service's new
 * ports (the service port editor, `dnet service publish`), and the service-held ports a container
 * must not ask for (the container editor and the new-container form, through `port-conflicts.ts`).
 * Each conflict comes with the next free port. An engine that is not a swarm manager holds none.
 */
import type {Engine} from '../engine/engine.js';
import {heldMessage, heldPorts, type HeldPort} from '../model/swarm/held.js';
import type {ServicePort, SwarmSnapshot} from '../model/swarm/types.js';
import {loadSwarm} from './services.js';

const SUGGEST_RANGE = 50;

/** The swarm's snapshot, or null when the engine is no manager (or cannot say). */
export async function swarmSnapshot(engine: Engine): Promise<SwarmSnapshot | null> {
	try {
		const load = await loadSwarm(engine);
		return load.manager ? load.snapshot : null;
	} catch {
		return null;
	}
}

/** Host ports the services hold on this engine's node (ingress ports, and host-mode tasks here). */
export async function servicePortsHere(engine: Engine): Promise<HeldPort[]> {
	const snapshot = await swarmSnapshot(engine);
	if (!snapshot) return [];
	return heldPorts(snapshot).filter((h) => h.nodeId === null || h.nodeId === snapshot.swarm.nodeId);
}

/** A conflict of one of a service's wanted ports. */
export interface ServiceConflict {
	port: ServicePort;
	message: string;
	/** True: held now, the update would fail (refused); false: a warning. */
	holderRunning: boolean;
	suggestion: number | null;
}

/**
 * The conflicts of a service's wanted ports: a port another service publishes (ingress: every node),
 * or holds in host mode (refused for ingress; a warning for host mode, placement decides), a
 * port a container of this engine publishes (refused: this node is in the swarm).
 */
export async function checkServiceConflicts(engine: Engine, serviceId: string, after: ServicePort[]): Promise<ServiceConflict[]> {
	const wanted = after.filter((p) => p.publishedPort !== 0);
	if (wanted.length === 0) return [];
	const snapshot = await swarmSnapshot(engine);
	const held = snapshot ? heldPorts(snapshot).filter((h) => h.serviceId !== serviceId) : [];
	const containers = (await engine.listContainers(false)).filter((c) => !snapshot?.tasks.some((t) => t.serviceId === serviceId && t.containerId === c.id));
	const claims = (port: number, p: ServicePort): Array<{message: string; refused: boolean}> => {
		const out: Array<{message: string; refused: boolean}> = [];
		for (const h of held) {
			if (h.hostPort !== port || h.protocol !== p.protocol) continue;
			out.push({message: heldMessage(h).replace(/^0\.0\.0\.0:\d+/, `0.0.0.0:${port}`), refused: p.publishMode === 'ingress' || h.mode === 'ingress'});
		}
		for (const c of containers) {
			for (const b of c.ports) {
				if (b.publicPort !== port || b.type !== p.protocol) continue;
				out.push({message: `0.0.0.0:${port}/${p.protocol} is already published by container ${c.name}`, refused: true});
				break;
			}
		}
		return out;
	};
	const avoid = new Set(wanted.map((p) => `${p.publishedPort}/${p.protocol}`));
	const notes: ServiceConflict[] = [];
	for (const p of wanted) {
		const found = claims(p.publishedPort, p);
		if (found.length === 0) continue;
		let suggestion: number | null = null;
		for (let port = p.publishedPort + 1; port <= Math.min(65535, p.publishedPort + SUGGEST_RANGE); port++) {
			if (avoid.has(`${port}/${p.protocol}`) || claims(port, p).length > 0) continue;
			suggestion = port;
			avoid.add(`${port}/${p.protocol}`);
			break;
		}
		for (const f of found) notes.push({port: p, message: f.message, holderRunning: f.refused, suggestion});
	}
	return notes;
}
