/**
 * The networking flags of dnet run as docker CLI 28 reads them: Go's net.ParseIP and IP.String
 * (the canonical form docker sends for --dns), --add-host, --network (long syntax too), and how
 * they become NetworkMode and the endpoints. The same values go through the real docker CLI in
 * test/compat/run-network.test.ts.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {goIPString, parseGoIP, validateIPAddress} from '../../source/model/cli/go-ip.js';
import {networkingBody, parseNetworkOpt, validateExtraHost} from '../../source/model/cli/run-network.js';
import {parseRunArgs} from '../../source/model/run-args.js';
import {buildCreateBody} from '../../source/model/run-spec.js';
import {GO_IPS} from './go-ips.js';


const canonical = (s: string): string | null => {
	const ip = parseGoIP(s);
	return ip === null ? null : goIPString(ip);
};

describe('Go net.ParseIP and IP.String', () => {
	it.each(GO_IPS)('%j -> %j', (input, want) => {
		expect(canonical(input)).toBe(want);
	});

	it('trims as Go strings.TrimSpace before parsing (ValidateIPAddress)', () => {
		expect(validateIPAddress(' \t1.2.3.4\u0085 ')).toEqual({ok: true, ip: '1.2.3.4'});
		expect(validateIPAddress('\ufeff1.2.3.4')).toEqual({ok: false, error: 'IP address is not correctly formatted: \ufeff1.2.3.4'});
	});

	it('prints any 16 bytes so that they parse back to the same bytes', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({min: 0, max: 255}), {minLength: 16, maxLength: 16}), (bytes) => {
				expect(parseGoIP(goIPString(bytes))).toEqual(bytes);
			}),
		);
	});
});

describe('--add-host, --network', () => {
	it('reads host:ip, host=ip, host=[v6], host-gateway as the CLI sends them', () => {
		expect(validateExtraHost('a:1.2.3.4')).toBe('a:1.2.3.4');
		expect(validateExtraHost('b=[::1]')).toBe('b:::1');
		expect(validateExtraHost('c:0:0::1')).toBe('c:0:0::1');
		expect(validateExtraHost('d:host-gateway')).toBe('d:host-gateway');
		expect(() => validateExtraHost('nohost')).toThrow('invalid argument "nohost" for "--add-host" flag: bad format for add-host: "nohost"');
		expect(() => validateExtraHost('a:b')).toThrow('invalid argument "a:b" for "--add-host" flag: invalid IP address in add-host: "b"');
	});

	it('reads the long syntax lower-cased, and refuses what docker refuses', () => {
		expect(parseNetworkOpt('name=MyNet,alias=A, ip = 10.0.0.2')).toEqual({target: 'mynet', aliases: ['a'], ipv4: '10.0.0.2', ipv6: ''});
		expect(parseNetworkOpt('my-net')).toEqual({target: 'my-net', aliases: [], ipv4: '', ipv6: ''});
		expect(() => parseNetworkOpt('alias=x')).toThrow('network name/id is not specified');
		expect(() => parseNetworkOpt('name=x,foo=y')).toThrow('invalid field key foo');
		expect(() => parseNetworkOpt('name=x,mac-address=y')).toThrow("dnet run does not support docker run's mac-address=");
	});

	it('puts the plain flags on the first network, as parseNetworkOpts does', () => {
		const spec = parseRunArgs(['--network', 'n1', '--network-alias', 'a', '--ip', '10.0.0.9', '--link', 'db', 'img']);
		expect(networkingBody(spec, spec.links)).toEqual({NetworkMode: 'n1', EndpointsConfig: {n1: expect.objectContaining({IPAMConfig: {IPv4Address: '10.0.0.9'}, Links: ['db'], Aliases: ['a'], IPAddress: ''})}});
		expect(networkingBody({}, [])).toEqual({NetworkMode: 'default', EndpointsConfig: {default: expect.objectContaining({IPAMConfig: null, Links: null, Aliases: null})}});
		expect(networkingBody({networks: [{target: 'host', aliases: [], ipv4: '', ipv6: ''}]}, [])).toEqual({NetworkMode: 'host', EndpointsConfig: {}});
		expect(() => networkingBody({networkAliases: ['a']}, [])).toThrow('network-scoped aliases are only supported for user-defined networks');
		expect(() => buildCreateBody({...parseRunArgs(['--network', 'host', '--network', 'n', 'img'])})).toThrow('conflicting options: cannot attach both user-defined and non-user-defined network-modes');
	});

	it('reports the first bad value in command-line order, as pflag does', () => {
		expect(() => parseRunArgs(['--add-host', 'x', '--dns', 'y', 'img'])).toThrow('for "--add-host" flag');
		expect(() => parseRunArgs(['--dns', 'y', '--add-host', 'x', 'img'])).toThrow('invalid argument "y" for "--dns" flag: IP address is not correctly formatted: y');
		expect(parseRunArgs(['--dns', '0::1', '--dns', '::ffff:10.0.0.1', 'img']).dns).toEqual(['::1', '10.0.0.1']);
	});
});
