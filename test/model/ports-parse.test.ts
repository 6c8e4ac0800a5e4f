import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	buildPortConfig,
	formatPortsColumn,
	isGoIP,
	parseExpose,
	parsePortSpec,
	PortSpecError,
	splitHostPort,
	toStandardNotation,
} from '../../source/model/ports/index.js';
import type {ContainerPort, Protocol} from '../../source/model/container.js';

const b = (HostIp: string, HostPort: string) => ({HostIp, HostPort});

describe('parsePortSpec', () => {
	const valid: Array<[string, Array<[string, string, string]>]> = [
		['80', [['80/tcp', '', '']]],
		['8080:80/UDP', [['80/udp', '', '8080']]],
		['127.0.0.1::80', [['80/tcp', '127.0.0.1', '']]],
		['[::1]:8080:80/sctp', [['80/sctp', '::1', '8080']]],
		['::1:8080:80', [['80/tcp', '::1', '8080']]],
		['8000-8001:80-81', [['80/tcp', '', '8000'], ['81/tcp', '', '8001']]],
		['8000-8010:80', [['80/tcp', '', '8000-8010']]],
		['1-2-3', [['1/tcp', '', ''], ['2/tcp', '', '']]],
		['80/udp/tcp', [['80/udp', '', '']]],
	];
	it.each(valid)('%s', (spec, expected) => {
		expect(parsePortSpec(spec)).toEqual(expected.map(([port, ip, hp]) => ({port, binding: b(ip, hp)})));
	});

	const invalid: Array<[string, string]> = [
		['abc', 'invalid containerPort: abc'],
		['70000:80', 'invalid hostPort: 70000'],
		['1.2.3:80:80', 'invalid IP address: 1.2.3'],
		['80/foo', 'invalid proto: foo'],
		['8000-8001:80-82', 'invalid ranges specified for container and host Ports: 80-82 and 8000-8001'],
		['', 'no port specified: <empty>'],
		['1.2.3::', 'invalid IP address: 1.2.3'],
		['[::1:80:80', "invalid IP address [::1: address [::1:: missing ']' in address"],
		['fe80::1%eth0:80:80', 'invalid IP address: fe80::1%eth0'],
		['abc/foo', 'invalid containerPort: abc'],
	];
	it.each(invalid)('rejects %j', (spec, message) => {
		expect(() => parsePortSpec(spec)).toThrowError(new PortSpecError(message));
	});
});

describe('long form, --expose, Go helpers', () => {
	it('converts the long form like the CLI', () => {
		expect(toStandardNotation('published=8080,target=80,protocol=udp,mode=host')).toBe('8080:80/udp');
		expect(toStandardNotation('target=80')).toBe(':80/tcp');
		expect(() => toStandardNotation('target=80,bad')).toThrow("invalid publish opts format (should be name=value but got 'bad')");
	});
	it('expands --expose without checking the protocol', () => {
		expect(parseExpose('6000-6002/udp')).toEqual(['6000/udp', '6001/udp', '6002/udp']);
		expect(parseExpose('80/FOO')).toEqual(['80/FOO']);
		expect(() => parseExpose('70000x')).toThrow('invalid range format for --expose: 70000x, error: strconv.ParseUint: parsing "70000x": value out of range');
		expect(() => parseExpose('7000x')).toThrow('strconv.ParseUint: parsing "7000x": invalid syntax');
	});
	it('validates IPs as Go net.ParseIP', () => {
		for (const ok of ['1.2.3.4', '::', '::1', '::ffff:1.2.3.4', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:1.2.3.4', 'FE80::abcd']) expect(isGoIP(ok), ok).toBe(true);
		for (const bad of ['', '1.2.3', '01.2.3.4', '256.0.0.1', '1.2.3.4.', '::1%lo', '1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'localhost', '1:2:3:4:5:6:7:1.2.3.4']) {
			expect(isGoIP(bad), bad).toBe(false);
		}
		expect(splitHostPort('[::1]:')).toEqual({host: '::1', port: ''});
	});
});

describe('buildPortConfig', () => {
	it('merges publish and expose, sorted keys, bindings in flag order', () => {
		const config = buildPortConfig({publish: ['8080:80', '127.0.0.1::80', '90/udp'], expose: ['85', '80'], publishAll: true});
		expect(Object.keys(config.ExposedPorts)).toEqual(['80/tcp', '85/tcp', '90/udp']);
		expect(config.PortBindings['80/tcp']).toEqual([b('', '8080'), b('127.0.0.1', '')]);
		expect(config.PublishAllPorts).toBe(true);
	});
});

const arbPort = fc.integer({min: 0, max: 65535});
const arbProto = fc.constantFrom<Protocol>('tcp', 'udp', 'sctp');
const arbIp = fc.oneof(fc.constant(''), fc.ipV4(), fc.ipV6());

describe('properties', () => {
	it('never throws anything but PortSpecError, on any text', () => {
		const pieces = fc.constantFrom('', ':', '::', '[', ']', '-', '/', '.', '=', ',', '%', ' ', '0', '80', '65535', '65536', 'tcp', 'UDP', 'a', '1.2.3.4', '::1', 'target', 'published');
		const arbSpec = fc.oneof(fc.string(), fc.array(pieces, {maxLength: 8}).map((p) => p.join('')));
		fc.assert(
			fc.property(fc.array(arbSpec, {maxLength: 3}), fc.array(arbSpec, {maxLength: 2}), fc.boolean(), (publish, expose, publishAll) => {
				try {
					buildPortConfig({publish, expose, publishAll});
				} catch (error) {
					expect(error).toBeInstanceOf(PortSpecError);
				}
			}),
			{numRuns: 2000},
		);
	});

	it('round trip: spec -> bindings -> spec -> same bindings', () => {
		fc.assert(
			fc.property(arbIp, fc.option(arbPort, {nil: undefined}), arbPort, arbProto, (ip, hostPort, containerPort, proto) => {
				const host = ip.includes(':') ? `[${ip}]` : ip;
				const spec = ip !== '' ? `${host}:${hostPort ?? ''}:${containerPort}/${proto}` : hostPort === undefined ? `${containerPort}/${proto}` : `${hostPort}:${containerPort}/${proto}`;
				const [mapping] = parsePortSpec(spec);
				expect(mapping).toEqual({port: `${containerPort}/${proto}`, binding: {HostIp: ip, HostPort: hostPort === undefined ? '' : String(hostPort)}});
				const again = `${mapping?.binding.HostIp.includes(':') ? `[${mapping.binding.HostIp}]` : mapping?.binding.HostIp}:${mapping?.binding.HostPort}:${mapping?.port}`;
				expect(parsePortSpec(again)).toEqual([mapping]);
			}),
		);
	});

	it('round trip: bindings -> ps column lists every published mapping', () => {
		fc.assert(
			fc.property(fc.constantFrom('0.0.0.0', '::', '127.0.0.1'), arbPort.filter((p) => p > 0), arbPort.filter((p) => p > 0), arbProto, (ip, hostPort, containerPort, proto) => {
				const [mapping] = parsePortSpec(`${ip.includes(':') ? `[${ip}]` : ip}:${hostPort}:${containerPort}/${proto}`);
				const port: ContainerPort = {ip: mapping?.binding.HostIp, publicPort: Number(mapping?.binding.HostPort), privatePort: containerPort, type: proto};
				const host = ip.includes(':') ? `[${ip}]` : ip;
				expect(formatPortsColumn([port])).toBe(`${host}:${hostPort}->${containerPort}/${proto}`);
			}),
		);
	});

	it('a range spec yields one binding per container port, in order', () => {
		fc.assert(
			fc.property(fc.integer({min: 0, max: 65000}), fc.integer({min: 0, max: 20}), fc.integer({min: 0, max: 65000}), (start, len, hostStart) => {
				const mappings = parsePortSpec(`${hostStart}-${hostStart + len}:${start}-${start + len}`);
				expect(mappings.map((m) => m.port)).toEqual(Array.from({length: len + 1}, (_, i) => `${start + i}/tcp`));
				expect(mappings.map((m) => m.binding.HostPort)).toEqual(Array.from({length: len + 1}, (_, i) => String(hostStart + i)));
			}),
		);
	});
});
