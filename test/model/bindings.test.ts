import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {addressesOverlap, bindingMatches, liveBindings, requestedBindings, withConflicts} from '../../source/model/bindings.js';
import {summary} from '../support/fake-engine.js';

describe('bindings', () => {
	it('takes live bindings from the list and skips exposed-only ports', () => {
		const c = summary('web', {
			ports: [
				{ip: '0.0.0.0', privatePort: 5000, publicPort: 32768, type: 'tcp'},
				{ip: '::', privatePort: 5000, publicPort: 32768, type: 'tcp'},
				{privatePort: 6000, type: 'udp'},
			],
		});
		expect(liveBindings(c).map((r) => [r.hostIp, r.hostPort, r.containerPort, r.protocol, r.requested])).toEqual([
			['0.0.0.0', 32768, 5000, 'tcp', false],
			['::', 32768, 5000, 'tcp', false],
		]);
	});

	it('takes requested bindings of stopped containers, random ports as null', () => {
		const c = summary('old', {state: 'exited'});
		const rows = requestedBindings(c, {
			'5000/tcp': [{hostIp: '127.0.0.1', hostPort: '8080'}, {hostIp: '', hostPort: ''}],
			'53/udp': [{hostIp: '', hostPort: '5353'}],
			'7000/tcp': null,
		});
		expect(rows.map((r) => [r.hostIp, r.hostPort, r.containerPort, r.protocol])).toEqual([
			['127.0.0.1', 8080, 5000, 'tcp'],
			['0.0.0.0', null, 5000, 'tcp'],
			['0.0.0.0', 5353, 53, 'udp'],
		]);
	});

	it('knows which host addresses cannot share a port', () => {
		expect(addressesOverlap('0.0.0.0', '127.0.0.1')).toBe(true);
		expect(addressesOverlap('127.0.0.1', '127.0.0.1')).toBe(true);
		expect(addressesOverlap('127.0.0.1', '127.0.0.2')).toBe(false);
		expect(addressesOverlap('::', '::1')).toBe(true);
		expect(addressesOverlap('0.0.0.0', '::')).toBe(false);
		expect(addressesOverlap('::1', '127.0.0.1')).toBe(false);
	});

	it('flags two containers asking for the same host port, not one container twice, and sorts by host port', () => {
		const web = summary('web', {ports: [{ip: '0.0.0.0', privatePort: 5000, publicPort: 8080, type: 'tcp'}]});
		const old = summary('old', {state: 'exited'});
		const udp = summary('dns', {ports: [{ip: '0.0.0.0', privatePort: 53, publicPort: 8080, type: 'udp'}]});
		const rows = withConflicts([
			...requestedBindings(old, {'80/tcp': [{hostIp: '127.0.0.1', hostPort: '8080'}], '81/tcp': [{hostIp: '', hostPort: '70'}]}),
			...liveBindings(web),
			...liveBindings(udp),
		]);
		expect(rows.map((r) => `${r.hostPort}/${r.protocol} ${r.containerName} ${r.conflictsWith.join(',')}`)).toEqual([
			'70/tcp old ',
			'8080/tcp web old',
			'8080/tcp old web',
			'8080/udp dns ',
		]);
	});

	it('finds who holds a host port: a number is the host port, ->N the container port, IP:N both', () => {
		const [row] = liveBindings(summary('web', {ports: [{ip: '127.0.0.1', privatePort: 5000, publicPort: 8080, type: 'tcp'}]}));
		const [v6] = liveBindings(summary('web6', {ports: [{ip: '::1', privatePort: 5000, publicPort: 8080, type: 'tcp'}]}));
		expect(row).toBeDefined();
		expect(v6).toBeDefined();
		const matching = (filter: string): string[] => [row!, v6!].filter((r) => bindingMatches(r, filter)).map((r) => r.containerName);
		expect(matching('8080')).toEqual(['web', 'web6']);
		expect(matching(':8080')).toEqual(['web', 'web6']);
		expect(matching('8080/tcp')).toEqual(['web', 'web6']);
		expect(matching('8080/udp')).toEqual([]);
		// The container port is not who holds host port 5000.
		expect(matching('5000')).toEqual([]);
		expect(matching('5000/tcp')).toEqual([]);
		expect(matching('->5000')).toEqual(['web', 'web6']);
		expect(matching('->5000/udp')).toEqual([]);
		expect(matching('127.0.0.1:8080')).toEqual(['web']);
		expect(matching('[::1]:8080')).toEqual(['web6']);
		expect(matching('127.0.0.2:8080')).toEqual([]);
		expect(matching('80')).toEqual([]);
		expect(matching('we')).toEqual(['web', 'web6']);
		expect(matching('127.0')).toEqual(['web']);
	});

	it('is symmetric and never throws on any addresses and ports (property)', () => {
		const ip = fc.oneof(fc.constantFrom('0.0.0.0', '::', '127.0.0.1', '::1', '10.0.0.1', ''), fc.ipV4(), fc.ipV6());
		fc.assert(
			fc.property(fc.array(fc.record({ip, port: fc.integer({min: 1, max: 65535}), c: fc.integer({min: 0, max: 3})}), {maxLength: 12}), (specs) => {
				const rows = withConflicts(
					specs.flatMap((s) => liveBindings(summary(`c${s.c}`, {ports: [{ip: s.ip, privatePort: 80, publicPort: s.port, type: 'tcp'}]}))),
				);
				for (const a of rows) {
					for (const b of rows) {
						if (a.containerId !== b.containerId && a.hostPort === b.hostPort && addressesOverlap(a.hostIp, b.hostIp)) {
							expect(a.conflictsWith).toContain(b.containerName);
						}
					}
				}
				expect(rows.map((r) => r.hostPort)).toEqual([...rows.map((r) => r.hostPort)].sort((x, y) => (x ?? 0) - (y ?? 0)));
			}),
		);
	});
});
