/**
 * Host-port conflicts of requested bindings, each with the next free host port to suggest, for the
 * port editor and the new-container form, by the one rule of `model/host-ports.ts` (refusals and
 * warnings). The other containers are listed once per check, however many candidate ports are tried.
 */
import type {Engine} from '../engine/engine.js';
import type {EngineBinding} from '../model/ports/index.js';
import {
	conflictsAmong,
	fixedBindings,
	otherContainers,
	subjectOf,
	type ConflictSubject,
	type PortConflict,
} from './recreate/conflicts.js';
import {asRawContainer} from './recreate/raw.js';
import {heldMessage} from '../model/swarm/held.js';
import {servicePortsHere} from './service-conflicts.js';

/** How far above a taken host port to look for a free one. */
const SUGGEST_RANGE = 50;

/** One requested binding that cannot be had (or that a stopped container asks for too), and the port to take instead. */
export interface ConflictNote extends PortConflict {
	/** The next free host port above `hostPort` (within 50), or null when none was found. */
	suggestion: number | null;
}

/**
 * The conflicts of `bindings` for the container `containerId` (null = a container not created yet):
 * host ports other running containers publish and (when `engine.isLocal`) ports a process on this
 * machine holds (refusals), host ports stopped containers ask for (warnings). Each comes with a
 * suggestion: the next host port above it that no other container publishes or asks for, no other
 * requested binding of `bindings` uses, and a bind test can take.
 */
export async function checkPortConflicts(
	engine: Engine,
	containerId: string | null,
	bindings: Record<string, EngineBinding[] | null>,
): Promise<ConflictNote[]> {
	const wanted = fixedBindings(bindings);
	if (wanted.length === 0) return [];
	const subject: ConflictSubject = containerId === null ? {id: null, own: {}} : subjectOf(asRawContainer(await engine.inspectContainerRaw(containerId)));
	const others = await otherContainers(engine, subject);
	const found = await conflictsAmong(engine, subject, bindings, others);
	// Ports the swarm's routing mesh holds on every node (a swarm manager only; host-mode tasks are containers above).
	const ingress = (await servicePortsHere(engine)).filter((h) => h.mode === 'ingress');
	const meshHeld = (port: number, protocol: string): boolean => ingress.some((h) => h.hostPort === port && h.protocol === protocol);
	for (const f of wanted) {
		const h = ingress.find((x) => x.hostPort === f.hostPort && x.protocol === f.protocol);
		if (h && !found.some((c) => c.hostPort === f.hostPort && c.protocol === f.protocol)) {
			found.push({containerPort: f.containerPort, hostIp: f.hostIp, hostPort: f.hostPort, protocol: f.protocol, heldBy: `service ${h.serviceName}`, holderRunning: true, message: heldMessage(h)});
		}
	}
	const avoid = new Set(wanted.map((f) => f.hostPort));
	const notes: ConflictNote[] = [];
	for (const c of found) {
		let suggestion: number | null = null;
		for (let port = c.hostPort + 1; port <= Math.min(65535, c.hostPort + SUGGEST_RANGE); port++) {
			if (avoid.has(port) || meshHeld(port, c.protocol)) continue;
			const candidate = {[c.containerPort]: [{HostIp: c.hostIp, HostPort: String(port)}]};
			if ((await conflictsAmong(engine, subject, candidate, others)).length === 0) {
				suggestion = port;
				avoid.add(port);
				break;
			}
		}
		notes.push({...c, suggestion});
	}
	return notes;
}
