/**
 * Host-port conflicts of a replacement's bindings, found before anything is changed, by the one
 * rule of `model/host-ports.ts`: ports other running containers publish and ports another process
 * holds (when the engine runs on this machine) are refusals; ports stopped containers ask for are
 * warnings (they could not start while the replacement runs).
 */
import dgram from 'node:dgram';
import net from 'node:net';
import {parsePortRange, splitProtoPort, type EngineBinding} from '../../model/ports/index.js';
import {conflictMessage, hostPortsCollide, type HostPort, type HostPortHolder} from '../../model/host-ports.js';
import {EngineError, type Engine} from '../../engine/engine.js';
import type {RawContainer} from './raw.js';

/** One requested binding that cannot be had, or that a stopped container asks for too. */
export interface PortConflict {
	/** `5000/tcp` */
	containerPort: string;
	hostIp: string;
	hostPort: number;
	protocol: string;
	/** The container holding it, or null for a process outside Docker. */
	heldBy: string | null;
	/**
	 * True when the port is held now (a running container, a process): the change is refused.
	 * False when a stopped container asks for it: a warning, the change goes on.
	 */
	holderRunning: boolean;
	/** One line: `127.0.0.1:8080/tcp is already published by container db` (`model/host-ports.ts`). */
	message: string;
}

/** Refusal of a recreate because of host-port conflicts; nothing was changed. */
export class PortConflictError extends Error {
	constructor(readonly conflicts: PortConflict[]) {
		super(conflicts.map((c) => c.message).join('; '));
		this.name = 'PortConflictError';
	}
}

/** A host port another container holds (running) or asks for (stopped). */
export interface HostPortClaim extends HostPort {
	holder: HostPortHolder & {name: string};
}

/** A fixed host binding: one host port (ranges and random ports are left to the engine). */
export interface FixedBinding {
	containerPort: string;
	hostIp: string;
	hostPort: number;
	protocol: string;
}

/** The bindings of `bindings` that name one host port. */
export function fixedBindings(bindings: Record<string, EngineBinding[] | null>): FixedBinding[] {
	const out: FixedBinding[] = [];
	for (const [key, list] of Object.entries(bindings)) {
		const [protocol] = splitProtoPort(key);
		for (const b of list ?? []) {
			const range = parsePortRange(b.HostPort);
			if (!range.ok || range.start === 0 || range.start !== range.end) continue;
			out.push({containerPort: key, hostIp: b.HostIp, hostPort: range.start, protocol: protocol || 'tcp'});
		}
	}
	return out;
}

const isV6 = (ip: string): boolean => ip.includes(':');

/** Tries to bind the host port; returns the error code when it cannot (`EADDRINUSE`, …). */
async function bindTest(f: FixedBinding): Promise<string | null> {
	const host = f.hostIp === '' ? '0.0.0.0' : f.hostIp;
	if (f.protocol === 'udp') {
		const socket = dgram.createSocket(isV6(host) ? 'udp6' : 'udp4');
		return new Promise((resolve) => {
			socket.once('error', (error: NodeJS.ErrnoException) => {
				socket.close();
				resolve(error.code ?? 'EINVAL');
			});
			socket.bind(f.hostPort, host, () => socket.close(() => resolve(null)));
		});
	}
	if (f.protocol !== 'tcp') return null;
	const server = net.createServer();
	return new Promise((resolve) => {
		server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'EINVAL'));
		server.listen({port: f.hostPort, host, exclusive: true}, () => server.close(() => resolve(null)));
	});
}

/** The container whose bindings are checked: its id (null when not created yet) and the host ports it holds itself. */
export interface ConflictSubject {
	id: string | null;
	/** `NetworkSettings.Ports` of the container while it runs (it may hold these itself); empty otherwise. */
	own: Record<string, EngineBinding[] | null>;
}

/** The subject of a recreate of `old`. */
export function subjectOf(old: RawContainer): ConflictSubject {
	return {id: old.Id, own: old.State.Running === true ? (old.NetworkSettings.Ports ?? {}) : {}};
}

/**
 * The host ports the containers other than the subject claim: what running ones publish (list
 * API), what stopped ones ask for (`HostConfig.PortBindings`, one inspect each).
 */
export async function otherContainers(engine: Engine, subject: ConflictSubject): Promise<HostPortClaim[]> {
	const others = (await engine.listContainers(true)).filter((c) => c.id !== subject.id);
	const claims: HostPortClaim[] = [];
	const stopped = [];
	for (const c of others) {
		const live = c.ports.filter((p) => p.publicPort !== undefined && p.publicPort !== 0);
		if (c.state === 'running' || c.state === 'paused' || c.state === 'restarting' || live.length > 0) {
			for (const p of live) claims.push({hostIp: p.ip ?? '', hostPort: p.publicPort ?? 0, protocol: p.type, holder: {name: c.name, running: true}});
		} else stopped.push(c);
	}
	const requests = await Promise.all(
		stopped.map(async (c) => {
			try {
				return {name: c.name, bindings: (await engine.inspectContainer(c.id)).portBindings};
			} catch (error) {
				// Removed since the list.
				if (error instanceof EngineError && error.kind === 'not-found') return null;
				throw error;
			}
		}),
	);
	for (const r of requests) {
		if (r === null) continue;
		const asEngine = Object.fromEntries(Object.entries(r.bindings).map(([k, list]) => [k, (list ?? []).map((b) => ({HostIp: b.hostIp, HostPort: b.hostPort}))]));
		for (const f of fixedBindings(asEngine)) claims.push({hostIp: f.hostIp, hostPort: f.hostPort, protocol: f.protocol, holder: {name: r.name, running: false}});
	}
	return claims;
}

/**
 * The conflicts of `bindings` for `subject`, given the other containers' claims (listed once by
 * the caller, so that a search over many candidate ports lists them once), by the rule of
 * `model/host-ports.ts`: a port a running container publishes (refused); else, when
 * `engine.isLocal`, a bind test of each host port the subject does not hold itself (with
 * docker-proxy a container holds its own ports while it runs, and releases them when it stops);
 * else each stopped container that asks for it (a warning, `holderRunning` false).
 */
export async function conflictsAmong(
	engine: Engine,
	subject: ConflictSubject,
	bindings: Record<string, EngineBinding[] | null>,
	others: readonly HostPortClaim[],
): Promise<PortConflict[]> {
	const wanted = fixedBindings(bindings);
	if (wanted.length === 0) return [];
	const conflicts: PortConflict[] = [];
	const own = fixedBindings(subject.own);
	for (const f of wanted) {
		const note = (holder: HostPortHolder, code?: string): PortConflict => ({
			...f,
			heldBy: holder.name,
			holderRunning: holder.running,
			message: conflictMessage(f, holder, code),
		});
		const held = others.find((c) => c.holder.running && hostPortsCollide(c, f));
		if (held) {
			conflicts.push(note(held.holder));
			continue;
		}
		if (engine.isLocal && !own.some((o) => hostPortsCollide(o, f))) {
			const code = await bindTest(f);
			// EACCES: a privileged port; docker-proxy runs as root and may bind it where dnet cannot.
			if (code !== null && code !== 'EACCES') {
				conflicts.push(note({name: null, running: true}, code));
				continue;
			}
		}
		const asking = new Set(others.filter((c) => !c.holder.running && hostPortsCollide(c, f)).map((c) => c.holder.name));
		for (const name of [...asking].sort()) conflicts.push(note({name, running: false}));
	}
	return conflicts;
}

/**
 * Finds the conflicts of `bindings` (the replacement's `PortBindings`) for the container `old`:
 * other running containers' published ports and (engine on this machine) ports a process holds,
 * refusals; ports stopped containers ask for, warnings.
 */
export async function findPortConflicts(
	engine: Engine,
	old: RawContainer,
	bindings: Record<string, EngineBinding[] | null>,
): Promise<PortConflict[]> {
	if (fixedBindings(bindings).length === 0) return [];
	const subject = subjectOf(old);
	return conflictsAmong(engine, subject, bindings, await otherContainers(engine, subject));
}
