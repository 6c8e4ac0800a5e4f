/** The one host-port conflict rule and its wording (source/model/host-ports.ts). */
import {describe, expect, it} from 'vitest';
import {addressesOverlap, conflictMessage, hostPortsCollide} from '../../source/model/host-ports.js';

describe('host ports', () => {
	it("reads '' as every address of both families, 0.0.0.0 and :: as their family's", () => {
		expect(addressesOverlap('', '::1')).toBe(true);
		expect(addressesOverlap('', '127.0.0.1')).toBe(true);
		expect(addressesOverlap('0.0.0.0', '127.0.0.1')).toBe(true);
		expect(addressesOverlap('0.0.0.0', '::1')).toBe(false);
		expect(addressesOverlap('::', '::1')).toBe(true);
		expect(addressesOverlap('127.0.0.1', '127.0.0.2')).toBe(false);
	});

	it('collides on the same port and protocol only', () => {
		const a = {hostIp: '127.0.0.1', hostPort: 8000, protocol: 'tcp'};
		expect(hostPortsCollide(a, {hostIp: '', hostPort: 8000, protocol: 'tcp'})).toBe(true);
		expect(hostPortsCollide(a, {hostIp: '', hostPort: 8000, protocol: 'udp'})).toBe(false);
		expect(hostPortsCollide(a, {hostIp: '', hostPort: 8001, protocol: 'tcp'})).toBe(false);
	});

	it('words a refusal and a warning', () => {
		const p = {hostIp: '127.0.0.1', hostPort: 8000, protocol: 'tcp'};
		expect(conflictMessage(p, {name: 'db', running: true})).toBe('127.0.0.1:8000/tcp is already published by container db');
		expect(conflictMessage(p, {name: 'old-web', running: false})).toBe('127.0.0.1:8000/tcp is also asked for by old-web (stopped): it could not start while this runs');
		expect(conflictMessage({...p, hostIp: '::1'}, {name: null, running: true}, 'EADDRINUSE')).toBe('[::1]:8000/tcp is already in use by a process on this machine');
		expect(conflictMessage({...p, hostIp: ''}, {name: null, running: true}, 'EADDRNOTAVAIL')).toBe('0.0.0.0:8000/tcp cannot be bound on this machine (EADDRNOTAVAIL)');
	});
});
