import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {formatPortList, formatPortLookup, naturalLess, PortSpecError} from '../../source/model/ports/index.js';

describe('naturalLess (sortorder.NaturalLess)', () => {
	it('orders numbers by value, digits before other characters', () => {
		expect(naturalLess('9/tcp', '10/tcp')).toBe(true);
		expect(naturalLess('127.0.0.9:1', '127.0.0.10:1')).toBe(true);
		expect(naturalLess('a', '1')).toBe(false);
		expect(naturalLess('01', '1')).toBe(false);
		expect(naturalLess('1', '01')).toBe(true);
	});
	it('is a strict order on port lines', () => {
		const line = fc.tuple(fc.integer({min: 0, max: 65535}), fc.constantFrom('tcp', 'udp'), fc.integer({min: 0, max: 65535})).map(([a, p, b]) => `${a}/${p} -> 0.0.0.0:${b}`);
		fc.assert(
			fc.property(line, line, line, (a, b, c) => {
				expect(naturalLess(a, a)).toBe(false);
				if (naturalLess(a, b)) expect(naturalLess(b, a)).toBe(false);
				if (naturalLess(a, b) && naturalLess(b, c)) expect(naturalLess(a, c)).toBe(true);
			}),
		);
	});
	it('sorts by container port number first', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 65534}), fc.integer({min: 1, max: 1000}), (a, d) => {
				const b = Math.min(65535, a + d);
				expect(naturalLess(`${a}/udp -> [::]:1`, `${b}/tcp -> 0.0.0.0:1`)).toBe(true);
			}),
		);
	});
});

describe('docker port formatting', () => {
	const ports = {'5000/tcp': [{hostIp: '::', hostPort: '2'}, {hostIp: '0.0.0.0', hostPort: '2'}], '53/udp': [{hostIp: '127.0.0.1', hostPort: '53'}], '6/tcp': null};
	it('lists and looks up bindings', () => {
		expect(formatPortList(ports)).toEqual(['53/udp -> 127.0.0.1:53', '5000/tcp -> 0.0.0.0:2', '5000/tcp -> [::]:2']);
		expect(formatPortLookup(ports, '5000', 'web')).toEqual(['0.0.0.0:2', '[::]:2']);
		expect(formatPortLookup(ports, '5000/', 'web')).toEqual(['0.0.0.0:2', '[::]:2']);
		expect(() => formatPortLookup(ports, '6', 'web')).toThrowError(new PortSpecError("Error: No public port '6' published for web"));
		expect(() => formatPortLookup(ports, '53/UDP', 'web')).toThrowError(new PortSpecError("Error: No public port '53/UDP' published for web"));
		expect(() => formatPortLookup(ports, 'toString', 'web')).toThrow('Error: invalid port (toString)');
	});
});
