/**
 * The socket tables of Linux (`/proc/<pid>/net/{tcp,tcp6,udp,udp6}`) read as the listening
 * sockets of a network namespace, for the port doctor (ARCHITECTURE.md, "The layers and the
 * feature folders"). Pure: the text comes from the engine's machine or an exec of `cat`.
 */

/** A listening TCP socket or a bound, unconnected UDP socket. */
export interface Listener {
	proto: 'tcp' | 'udp';
	/** `127.0.0.1`, `0.0.0.0`, `::`, `::1`. */
	address: string;
	port: number;
}

/** The four tables, in the order they are read. */
export const SOCKET_TABLES = ['tcp', 'tcp6', 'udp', 'udp6'] as const;
export type SocketTable = (typeof SOCKET_TABLES)[number];

/** The kernel's words are 32-bit, written in the machine's (little-endian) byte order. */
function word(hex: string): number[] {
	const bytes = [0, 2, 4, 6].map((i) => parseInt(hex.slice(i, i + 2), 16));
	return bytes.reverse();
}

function ipv6Text(bytes: number[]): string {
	if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
		return `::ffff:${bytes.slice(12).join('.')}`;
	}
	const groups: string[] = [];
	for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
	// The longest run of zero groups (two or more) becomes `::`.
	let best = -1;
	let bestLen = 0;
	for (let i = 0; i < 8; i++) {
		let j = i;
		while (j < 8 && groups[j] === '0') j++;
		if (j - i > bestLen && j - i > 1) [best, bestLen] = [i, j - i];
	}
	if (best < 0) return groups.join(':');
	return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** `0100007F` → `127.0.0.1`; the 32-digit form → an IPv6 address. */
export function procAddress(hex: string): string {
	if (hex.length === 8) return word(hex).join('.');
	const bytes: number[] = [];
	for (let i = 0; i < 32; i += 8) bytes.push(...word(hex.slice(i, i + 8)));
	return ipv6Text(bytes);
}

/** TCP_LISTEN in the `st` column; UDP's unconnected sockets show TCP_CLOSE (07) with no peer. */
const LISTEN = '0A';
const UDP_UNCONNECTED = '07';

/** The listeners of one table's text (the header line and malformed lines are skipped). */
export function parseSocketTable(table: SocketTable, text: string): Listener[] {
	const proto = table.startsWith('tcp') ? 'tcp' : 'udp';
	const found: Listener[] = [];
	for (const line of text.split('\n').slice(1)) {
		const cols = line.trim().split(/\s+/);
		const [local, remote, state] = [cols[1], cols[2], cols[3]];
		if (!local || !remote || !state) continue;
		const [addr = '', portHex = ''] = local.split(':');
		const port = parseInt(portHex, 16);
		if (!/^[0-9A-Fa-f]+$/.test(addr) || !Number.isInteger(port)) continue;
		const listening = proto === 'tcp' ? state === LISTEN : state === UDP_UNCONNECTED && /^0+:0+$/.test(remote);
		if (!listening) continue;
		const l: Listener = {proto, address: procAddress(addr), port};
		if (!found.some((f) => f.address === l.address && f.port === l.port)) found.push(l);
	}
	return found;
}

/** True for an address that takes connections on every interface of its family. */
export function isWildcard(address: string): boolean {
	return address === '0.0.0.0' || address === '::';
}

/** True for a loopback address (`127.0.0.0/8`, `::1`, `::ffff:127.x`). */
export function isLoopback(address: string): boolean {
	return address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');
}

/** `0.0.0.0:5000`, `[::]:5000`. */
export function listenerText(l: Pick<Listener, 'address' | 'port'>): string {
	return l.address.includes(':') ? `[${l.address}]:${l.port}` : `${l.address}:${l.port}`;
}
