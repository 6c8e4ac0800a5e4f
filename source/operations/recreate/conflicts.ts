/**
 * Host-port conflicts of a replacement's bindings, found before anything is changed: bindings of
 * other running containers, and (when the engine runs on this machine) ports another process holds.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import {parsePortRange, splitProtoPort, type EngineBinding} from '../../model/ports/index.js';
import type {Engine} from '../../engine/engine.js';
import type {ContainerSummary} from '../../model/container.js';
import type {RawContainer} from './raw.js';

/** One requested binding that cannot be had. */
export interface PortConflict {
	/** `5000/tcp` */
	containerPort: string;
	hostIp: string;
	hostPort: number;
	protocol: string;
	/** The container holding it, or null for a process outside Docker. */
	heldBy: string | null;
	/** One line: `127.0.0.1:8080/tcp is already published by db`. */
	message: string;
}

/** Refusal of a recreate because of host-port conflicts; nothing was changed. */
export class PortConflictError extends Error {
	constructor(readonly conflicts: PortConflict[]) {
		super(conflicts.map((c) => c.message).join('; '));
		this.name = 'PortConflictError';
	}
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

const isUnspecified = (ip: string): boolean => ip === '' || ip === '0.0.0.0' || ip === '::';
const isV6 = (ip: string): boolean => ip.includes(':');

/** Whether two host IPs of bindings on one port collide (an unspecified address covers its family). */
function ipsOverlap(a: string, b: string): boolean {
	if (a === '' || b === '') return true;
	if (a === b) return true;
	if (isUnspecified(a)) return isV6(a) === isV6(b);
	if (isUnspecified(b)) return isV6(a) === isV6(b);
	return false;
}

const where = (f: FixedBinding): string =>
	`${f.hostIp === '' ? '0.0.0.0' : isV6(f.hostIp) ? `[${f.hostIp}]` : f.hostIp}:${f.hostPort}/${f.protocol}`;

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

/** The running containers other than the subject: whose published ports are conflicts. */
export async function otherContainers(engine: Engine, subject: ConflictSubject): Promise<ContainerSummary[]> {
	return (await engine.listContainers(false)).filter((c) => c.id !== subject.id);
}

/**
 * The conflicts of `bindings` for `subject`, given the other running containers (listed once by
 * the caller, so that a search over many candidate ports lists them once): their published ports,
 * then, when `engine.isLocal`, a bind test of each host port the subject does not hold itself
 * (with docker-proxy a container holds its own ports while it runs, and releases them when it stops).
 */
export async function conflictsAmong(
	engine: Engine,
	subject: ConflictSubject,
	bindings: Record<string, EngineBinding[] | null>,
	others: readonly ContainerSummary[],
): Promise<PortConflict[]> {
	const wanted = fixedBindings(bindings);
	if (wanted.length === 0) return [];
	const conflicts: PortConflict[] = [];
	const taken = new Set<FixedBinding>();
	for (const f of wanted) {
		for (const c of others) {
			const hit = c.ports.find(
				(p) => p.publicPort === f.hostPort && p.type === f.protocol && ipsOverlap(p.ip ?? '', f.hostIp),
			);
			if (hit) {
				conflicts.push({...f, heldBy: c.name, message: `${where(f)} is already published by container ${c.name}`});
				taken.add(f);
				break;
			}
		}
	}
	if (!engine.isLocal) return conflicts;
	const own = fixedBindings(subject.own);
	for (const f of wanted) {
		if (taken.has(f)) continue;
		if (own.some((o) => o.hostPort === f.hostPort && o.protocol === f.protocol && ipsOverlap(o.hostIp, f.hostIp))) continue;
		const code = await bindTest(f);
		// EACCES: a privileged port; docker-proxy runs as root and may bind it where dnet cannot.
		if (code === null || code === 'EACCES') continue;
		const why = code === 'EADDRINUSE' ? 'is already in use by a process on this machine' : `cannot be bound on this machine (${code})`;
		conflicts.push({...f, heldBy: null, message: `${where(f)} ${why}`});
	}
	return conflicts;
}

/**
 * Finds the conflicts of `bindings` (the replacement's `PortBindings`) for the container `old`:
 * other running containers' published ports, and (engine on this machine) ports a process holds.
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
