/**
 * Who holds a host port on this machine, for the port doctor's failed-start check (ARCHITECTURE.md,
 * "The layers and the feature folders"): the listening socket's inode from `/proc/net/tcp{,6}`,
 * then the process with that socket among `/proc/<pid>/fd`. Only meaningful when dnet runs on the
 * engine's machine; processes dnet may not look into are skipped.
 */
import {readdir, readFile, readlink} from 'node:fs/promises';
import {sanitize} from '../model/sanitize.js';

export interface PortOwner {
	pid: number;
	/** The process's name (`/proc/<pid>/comm`). */
	command: string;
}

const LISTEN = '0A';

/** Inodes of the TCP sockets listening on `port` in this machine's tables. */
async function listeningInodes(port: number): Promise<Set<string>> {
	const inodes = new Set<string>();
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		const text = await readFile(table, 'utf8').catch(() => '');
		for (const line of text.split('\n').slice(1)) {
			const cols = line.trim().split(/\s+/);
			const local = cols[1] ?? '';
			if (cols[3] !== LISTEN || parseInt(local.slice(local.lastIndexOf(':') + 1), 16) !== port) continue;
			if (cols[9] && cols[9] !== '0') inodes.add(cols[9]);
		}
	}
	return inodes;
}

/** The process listening on TCP `port` of this machine, or null when none is found (or visible). */
export async function findPortOwner(port: number): Promise<PortOwner | null> {
	const inodes = await listeningInodes(port);
	if (inodes.size === 0) return null;
	const wanted = new Set([...inodes].map((i) => `socket:[${i}]`));
	const pids = (await readdir('/proc').catch(() => [])).filter((p) => /^\d+$/.test(p));
	for (const pid of pids) {
		const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
		for (const fd of fds) {
			const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
			if (!wanted.has(link)) continue;
			const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?');
			return {pid: Number(pid), command: sanitize(comm.trim())};
		}
	}
	return null;
}
