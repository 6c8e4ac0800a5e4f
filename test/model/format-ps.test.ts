import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {ContainerPort, Protocol} from '../../source/model/container.js';
import {formatPortsColumn} from '../../source/model/ports/format-ps.js';

const tcp = (privatePort: number, ip?: string, publicPort?: number): ContainerPort =>
	ip === undefined ? {privatePort, type: 'tcp'} : {ip, privatePort, publicPort, type: 'tcp'};

describe('formatPortsColumn', () => {
	const cases: Array<[string, ContainerPort[], string]> = [
		['no ports', [], ''],
		['one exposed port', [tcp(5000)], '5000/tcp'],
		['exposed range compacts', [tcp(6002), tcp(6000), tcp(6001)], '6000-6002/tcp'],
		['gap splits groups, flushed group first', [tcp(6000), tcp(6001), tcp(6005), tcp(6006)], '6000-6001/tcp, 6005-6006/tcp'],
		['udp and tcp exposed separately', [tcp(53), {privatePort: 53, type: 'udp'}], '53/tcp, 53/udp'],
		['random host port goes last, bracketed IPv6', [tcp(5000, '0.0.0.0', 32768), tcp(5000, '::', 32768), tcp(80)],
			'80/tcp, 0.0.0.0:32768->5000/tcp, [::]:32768->5000/tcp'],
		['same host and container port compacts per IP',
			[tcp(7000, '127.0.0.1', 7000), tcp(7001, '127.0.0.1', 7001), tcp(7002, '::1', 7002)],
			'127.0.0.1:7000-7001->7000-7001/tcp, [::1]:7002->7002/tcp'],
		['IPs sort as text (CLI 28)', [tcp(9, '127.0.0.9', 9), tcp(9, '127.0.0.10', 9)],
			'127.0.0.10:9->9/tcp, 127.0.0.9:9->9/tcp'],
		['sctp', [{privatePort: 132, type: 'sctp'}], '132/sctp'],
	];
	it.each(cases)('%s', (_label, ports, expected) => {
		expect(formatPortsColumn(ports)).toBe(expected);
	});

	it('does not modify its input', () => {
		const ports = [tcp(2), tcp(1)];
		formatPortsColumn(ports);
		expect(ports.map((p) => p.privatePort)).toEqual([2, 1]);
	});

	const portArb = fc.record({
		privatePort: fc.integer({min: 1, max: 65535}),
		type: fc.constantFrom<Protocol>('tcp', 'udp', 'sctp'),
		published: fc.option(fc.record({ip: fc.constantFrom('0.0.0.0', '::', '127.0.0.1', '::1'), publicPort: fc.integer({min: 1, max: 65535})})),
	}).map(({privatePort, type, published}): ContainerPort => (published ? {privatePort, type, ...published} : {privatePort, type}));

	it('is independent of input order and lists every remapped binding verbatim', () => {
		fc.assert(
			fc.property(fc.array(portArb, {maxLength: 12}), fc.array(fc.double({noNaN: true}), {minLength: 12, maxLength: 12}), (ports, keys) => {
				const shuffled = ports.map((p, i) => ({p, k: keys[i] ?? 0})).sort((a, b) => a.k - b.k).map((x) => x.p);
				const text = formatPortsColumn(ports);
				expect(formatPortsColumn(shuffled)).toBe(text);
				const entries = text === '' ? [] : text.split(', ');
				for (const p of ports) {
					if (p.ip !== undefined && p.publicPort !== p.privatePort) {
						const host = p.ip.includes(':') ? `[${p.ip}]` : p.ip;
						expect(entries).toContain(`${host}:${p.publicPort}->${p.privatePort}/${p.type}`);
					}
				}
				expect(entries.length <= ports.length).toBe(true);
				expect(entries.length === 0).toBe(ports.length === 0);
			}),
		);
	});
});
