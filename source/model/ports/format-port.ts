/**
 * The output of `docker port` (docker CLI 28, `cli/command/container/port.go`).
 */
import type {PortMap} from '../container.js';
import {PortSpecError} from './errors.js';
import {parseUint16} from './go-strconv.js';
import {joinHostPort} from './net.js';

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** `sortorder.NaturalLess` (github.com/fvbommel/sortorder), which `docker port` sorts lines with. */
export function naturalLess(a: string, b: string): boolean {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const c1 = a.charCodeAt(i);
		const c2 = b.charCodeAt(j);
		const d1 = isDigit(c1);
		const d2 = isDigit(c2);
		if (d1 !== d2) return d1;
		if (!d1) {
			if (c1 !== c2) return c1 < c2;
			i++;
			j++;
			continue;
		}
		while (i < a.length && a[i] === '0') i++;
		while (j < b.length && b[j] === '0') j++;
		const nz1 = i;
		const nz2 = j;
		while (i < a.length && isDigit(a.charCodeAt(i))) i++;
		while (j < b.length && isDigit(b.charCodeAt(j))) j++;
		if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
		const n1 = a.slice(nz1, i);
		const n2 = b.slice(nz2, j);
		if (n1 !== n2) return n1 < n2;
		if (nz1 !== nz2) return nz1 < nz2;
	}
	return a.length < b.length;
}

function naturalSort(lines: string[]): string[] {
	return lines.sort((x, y) => (naturalLess(x, y) ? -1 : naturalLess(y, x) ? 1 : 0));
}

/**
 * Lines of `docker port CONTAINER`: every `NetworkSettings.Ports` binding as
 * `5000/tcp -> 0.0.0.0:32768`, in natural order. Empty when nothing is bound.
 */
export function formatPortList(ports: PortMap): string[] {
	const out: string[] = [];
	for (const [from, frontends] of Object.entries(ports)) {
		for (const f of frontends ?? []) out.push(`${from} -> ${joinHostPort(f.hostIp, f.hostPort)}`);
	}
	return naturalSort(out);
}

/**
 * Lines of `docker port CONTAINER PRIVATE_PORT[/PROTO]` (`0.0.0.0:32768`, `[::]:32768`).
 * @param containerArg - the container as the user typed it (used in the message).
 * @throws PortSpecError `Error: invalid port (…): …` or `Error: No public port '…' published for …`.
 */
export function formatPortLookup(ports: PortMap, portArg: string, containerArg: string): string[] {
	const slash = portArg.indexOf('/');
	const port = slash < 0 ? portArg : portArg.slice(0, slash);
	let proto = slash < 0 ? '' : portArg.slice(slash + 1);
	if (proto === '') proto = 'tcp';
	const parsed = parseUint16(port);
	if (!parsed.ok) throw new PortSpecError(`Error: invalid port (${port}): ${parsed.error}`);
	const frontends = Object.hasOwn(ports, `${port}/${proto}`) ? ports[`${port}/${proto}`] : undefined;
	if (!frontends || frontends.length === 0) {
		throw new PortSpecError(`Error: No public port '${portArg}' published for ${containerArg}`);
	}
	return naturalSort(frontends.map((f) => joinHostPort(f.hostIp, f.hostPort)));
}
