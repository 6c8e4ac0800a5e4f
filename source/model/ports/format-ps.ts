/**
 * The PORTS column of `docker ps`, reproduced from the docker CLI 28 (`formatter.DisplayablePorts`).
 */
import type {ContainerPort} from '../container.js';
import {joinHostPort} from './net.js';

interface PortGroup {
	first: number;
	last: number;
}

/** The CLI's sort: private port, then host IP (as text), then public port, then protocol. */
function comparePorts(a: ContainerPort, b: ContainerPort): number {
	if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
	const ipA = a.ip ?? '';
	const ipB = b.ip ?? '';
	if (ipA !== ipB) return ipA < ipB ? -1 : 1;
	const pubA = a.publicPort ?? 0;
	const pubB = b.publicPort ?? 0;
	if (pubA !== pubB) return pubA - pubB;
	if (a.type !== b.type) return a.type < b.type ? -1 : 1;
	return 0;
}

function formGroup(key: string, start: number, last: number): string {
	const parts = key.split('/');
	let groupType = parts[0] ?? '';
	let ip = '';
	if (parts.length > 1) {
		ip = parts[0] ?? '';
		groupType = parts[1] ?? '';
	}
	let group = String(start);
	if (start !== last) group = `${group}-${last}`;
	if (ip !== '') group = `${joinHostPort(ip, group)}->${group}`;
	return `${group}/${groupType}`;
}

/**
 * Formats the `Ports` of a container list entry exactly as the PORTS column of `docker ps`
 * (docker CLI 28): ports sorted by private port, IP, public port and protocol; consecutive
 * exposed ports, and consecutive ports published on the same IP with host port = container port,
 * compacted into ranges (`0.0.0.0:8000-8002->8000-8002/tcp`); other mappings listed after them
 * (`[::]:32768->5000/tcp`). IPv4 and IPv6 bindings are listed separately, as the CLI does.
 *
 * @param ports - the list API's `Ports` (not modified).
 * @returns the column text, `""` for no ports.
 */
export function formatPortsColumn(ports: readonly ContainerPort[]): string {
	const sorted = [...ports].sort(comparePorts);
	const groups = new Map<string, PortGroup>();
	const groupKeys: string[] = [];
	const result: string[] = [];
	const hostMappings: string[] = [];
	for (const port of sorted) {
		const current = port.privatePort;
		let key: string = port.type;
		if (port.ip !== undefined && port.ip !== '') {
			const publicPort = port.publicPort ?? 0;
			if (publicPort !== current) {
				hostMappings.push(`${joinHostPort(port.ip, String(publicPort))}->${current}/${port.type}`);
				continue;
			}
			key = `${port.ip}/${port.type}`;
		}
		const group = groups.get(key);
		if (group === undefined) {
			groups.set(key, {first: current, last: current});
			groupKeys.push(key);
			continue;
		}
		// uint16 arithmetic, as in the CLI.
		if (current === ((group.last + 1) & 0xffff)) {
			group.last = current;
			continue;
		}
		result.push(formGroup(key, group.first, group.last));
		groups.set(key, {first: current, last: current});
	}
	for (const key of groupKeys) {
		const group = groups.get(key);
		if (group !== undefined) result.push(formGroup(key, group.first, group.last));
	}
	result.push(...hostMappings);
	return result.join(', ');
}
