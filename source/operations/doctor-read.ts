/**
 * How the port doctor reads inside a container without changing it (ARCHITECTURE.md, "The layers
 * and the feature folders"): first `/proc/<pid>/…` of its process on the engine's machine when dnet
 * runs there with the rights, else `cat` through the engine's exec; otherwise it says why not.
 */
import type {Engine} from '../engine/engine.js';
import {parseSocketTable, SOCKET_TABLES, type Listener} from '../model/doctor/sockets.js';
import type {SocketsFact} from '../model/doctor/facts.js';

/** Reading one container's files: where `path` is a path inside the container (`/etc/hosts`). */
export interface ContainerReader {
	/** `proc` or `exec`, or null with the reason when neither can read. */
	how: 'proc' | 'exec' | null;
	reason: string;
	read(path: string): Promise<string | null>;
}

/** The container's own view of `/proc/net/…` and `/proc/1/…`, from the engine's machine. */
function procPath(pid: number, path: string): string {
	if (path.startsWith('/proc/net/')) return `/proc/${pid}/net/${path.slice('/proc/net/'.length)}`;
	if (path.startsWith('/proc/1/')) return `/proc/${pid}/${path.slice('/proc/1/'.length)}`;
	return `/proc/${pid}/root${path}`;
}

/**
 * Picks how to read the running container `name` (its `Config.Hostname` proves that the pid the
 * engine gave is the container's process as this machine sees it: a VM engine's pids are not ours).
 */
export async function containerReader(engine: Engine, name: string, hostname: string): Promise<ContainerReader> {
	const pid = await engine.containerPid(name);
	let localWhy = 'the engine runs on another machine';
	if (engine.isLocal && pid > 0) {
		const seen = await engine.readEngineFile(`/proc/${pid}/root/etc/hostname`);
		if (seen !== null && seen.trim() === hostname) {
			return {how: 'proc', reason: '', read: (path) => engine.readEngineFile(procPath(pid, path))};
		}
		localWhy = seen === null ? `dnet may not read /proc/${pid} of its process here` : `process ${pid} is not the container's as this machine sees it`;
	}
	const probe = await engine.exec(name, ['cat', '/proc/net/tcp']).catch((e: unknown) => ({exitCode: -1, stdout: '', stderr: String((e as Error).message)}));
	if (probe.exitCode === 126 || probe.exitCode === 127 || probe.exitCode === -1) {
		return {how: null, reason: `the image has no cat (${probe.stderr.trim() || `exit ${probe.exitCode}`}) and ${localWhy}`, read: () => Promise.resolve(null)};
	}
	return {
		how: 'exec',
		reason: '',
		read: async (path) => {
			const r = await engine.exec(name, ['cat', path]).catch(() => null);
			return r && r.exitCode === 0 ? r.stdout : null;
		},
	};
}

/** The listening sockets of the container's network namespace, and how they were read. */
export async function readSockets(reader: ContainerReader): Promise<SocketsFact> {
	if (reader.how === null) return {source: 'none', reason: reader.reason};
	const listeners: Listener[] = [];
	let readAny = false;
	for (const table of SOCKET_TABLES) {
		// A table may be missing (no IPv6 in the kernel): the others still count.
		const text = await reader.read(`/proc/net/${table}`);
		if (text === null) continue;
		readAny = true;
		listeners.push(...parseSocketTable(table, text));
	}
	if (!readAny) return {source: 'none', reason: `/proc/net of the container could not be read through ${reader.how}`};
	return {source: reader.how, listeners};
}
