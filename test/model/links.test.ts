/**
 * The link model: env vars against what a real Docker 20.10 engine gave a recipient (captured with
 * `docker exec web env`), the current moby rules read from daemon/links/links.go, hosts lines,
 * alias checks and the link graph; properties with fast-check.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {aliasProblem, envPrefix, formatEdge, linkEnv, linkEnvStyle, linkGraph, linkHostsLines, parseLinkArg} from '../../source/model/links.js';
import {detailsOf, summary} from '../support/fake-engine.js';

const ip = '10.213.235.4';
const source = {
	name: 'probe-db',
	ip,
	exposedPorts: ['5432/tcp', '53/udp', '7000/tcp', '7001/tcp', '8000/tcp', '8001/tcp', '8002/tcp', '9000/udp', '9001/udp'],
	env: ['FOO=bar', 'X=a=b', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/root', 'NOVALUE'],
};

/** `docker run --link probe-db:my-db` on Docker 20.10.24, `env | grep ^MY_DB_ | sort`. */
const ENGINE_20_10 = `MY_DB_ENV_FOO=bar
MY_DB_ENV_X=a=b
MY_DB_NAME=/probe-web/my-db
MY_DB_PORT=udp://10.213.235.4:53
MY_DB_PORT_53_UDP=udp://10.213.235.4:53
MY_DB_PORT_53_UDP_ADDR=10.213.235.4
MY_DB_PORT_53_UDP_PORT=53
MY_DB_PORT_53_UDP_PROTO=udp
MY_DB_PORT_5432_TCP=tcp://10.213.235.4:5432
MY_DB_PORT_5432_TCP_ADDR=10.213.235.4
MY_DB_PORT_5432_TCP_PORT=5432
MY_DB_PORT_5432_TCP_PROTO=tcp
MY_DB_PORT_7000_TCP=tcp://10.213.235.4:7000
MY_DB_PORT_7000_TCP_ADDR=10.213.235.4
MY_DB_PORT_7000_TCP_PORT=7000
MY_DB_PORT_7000_TCP_PROTO=tcp
MY_DB_PORT_7001_TCP=tcp://10.213.235.4:7001
MY_DB_PORT_7001_TCP_ADDR=10.213.235.4
MY_DB_PORT_7001_TCP_PORT=7001
MY_DB_PORT_7001_TCP_PROTO=tcp
MY_DB_PORT_8000_TCP=tcp://10.213.235.4:8000
MY_DB_PORT_8000_TCP_ADDR=10.213.235.4
MY_DB_PORT_8000_TCP_END=tcp://10.213.235.4:8002
MY_DB_PORT_8000_TCP_PORT=8000
MY_DB_PORT_8000_TCP_PORT_END=8002
MY_DB_PORT_8000_TCP_PORT_START=8000
MY_DB_PORT_8000_TCP_PROTO=tcp
MY_DB_PORT_8000_TCP_START=tcp://10.213.235.4:8000
MY_DB_PORT_8001_TCP=tcp://10.213.235.4:8001
MY_DB_PORT_8001_TCP_ADDR=10.213.235.4
MY_DB_PORT_8001_TCP_PORT=8001
MY_DB_PORT_8001_TCP_PROTO=tcp
MY_DB_PORT_8002_TCP=tcp://10.213.235.4:8002
MY_DB_PORT_8002_TCP_ADDR=10.213.235.4
MY_DB_PORT_8002_TCP_PORT=8002
MY_DB_PORT_8002_TCP_PROTO=tcp
MY_DB_PORT_9000_UDP=udp://10.213.235.4:9000
MY_DB_PORT_9000_UDP_ADDR=10.213.235.4
MY_DB_PORT_9000_UDP_PORT=9000
MY_DB_PORT_9000_UDP_PROTO=udp
MY_DB_PORT_9001_UDP=udp://10.213.235.4:9001
MY_DB_PORT_9001_UDP_ADDR=10.213.235.4
MY_DB_PORT_9001_UDP_PORT=9001
MY_DB_PORT_9001_UDP_PROTO=udp`.split('\n');

const portVars = (a: string, n: number, proto: string): string[] => {
	const p = `${a}_PORT_${n}_${proto.toUpperCase()}`;
	return [`${p}=${proto}://${ip}:${n}`, `${p}_ADDR=${ip}`, `${p}_PORT=${n}`, `${p}_PROTO=${proto}`];
};

describe('linkEnv', () => {
	it('moby-20: equals what Docker 20.10 gave the recipient (lowest port first, ranges of 3+ only)', () => {
		const env = linkEnv('my-db', source, 'probe-web', 'moby-20');
		expect([...env].sort()).toEqual(ENGINE_20_10);
		expect(env[0]).toBe(`MY_DB_PORT=udp://${ip}:53`);
		expect(new Set(env).size).toBe(env.length);
	});

	it('moby-28: tcp before udp, a range of two, range vars after the range (order of links.go)', () => {
		const env = linkEnv('db', {name: 'pg', ip, exposedPorts: ['53/udp', '7001/tcp', '5432/tcp', '7000/tcp'], env: []}, 'web', 'moby-28');
		expect(env).toEqual([
			`DB_PORT=tcp://${ip}:5432`,
			...portVars('DB', 5432, 'tcp'),
			...portVars('DB', 7000, 'tcp'),
			...portVars('DB', 7001, 'tcp'),
			...portVars('DB', 53, 'udp'),
			`DB_PORT_7000_TCP_START=tcp://${ip}:7000`,
			'DB_PORT_7000_TCP_PORT_START=7000',
			`DB_PORT_7000_TCP_END=tcp://${ip}:7001`,
			'DB_PORT_7000_TCP_PORT_END=7001',
			'DB_NAME=/web/db',
		]);
	});

	it('no exposed port: only the name and the env', () => {
		for (const style of ['moby-20', 'moby-28'] as const) {
			expect(linkEnv('a-b', {name: 's', ip, exposedPorts: [], env: ['K=v']}, 'r', style)).toEqual(['A_B_NAME=/r/a-b', 'A_B_ENV_K=v']);
		}
	});

	it.each([
		['1.41', 'moby-20'],
		['1.47', 'moby-20'],
		['1.48', 'moby-28'],
		['2.0', 'moby-28'],
	])('API %s uses the %s rules', (api, style) => {
		expect(linkEnvStyle(api)).toBe(style);
	});

	it('property: every exposed port gets its four vars, one NAME, ALIAS_PORT first', () => {
		const port = fc.record({num: fc.integer({min: 1, max: 65535}), proto: fc.constantFrom('tcp', 'udp', 'sctp')});
		fc.assert(
			fc.property(fc.uniqueArray(port, {selector: (p) => `${p.num}/${p.proto}`, maxLength: 12}), fc.constantFrom('moby-20', 'moby-28' as const), (ports, style) => {
				const env = linkEnv('db', {name: 'pg', ip, exposedPorts: ports.map((p) => `${p.num}/${p.proto}`), env: []}, 'web', style);
				for (const p of ports) for (const v of portVars('DB', p.num, p.proto)) expect(env).toContain(v);
				expect(env.filter((v) => v.startsWith('DB_NAME='))).toEqual(['DB_NAME=/web/db']);
				if (ports.length > 0) expect(env[0]).toMatch(/^DB_PORT=(tcp|udp|sctp):\/\//);
				else expect(env).toEqual(['DB_NAME=/web/db']);
			}),
		);
	});
});

describe('envPrefix / parseLinkArg / aliasProblem', () => {
	it('upper-cases and turns - into _', () => {
		fc.assert(fc.property(fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,20}$/), (alias) => {
			const p = envPrefix(alias);
			expect(p).not.toMatch(/[-a-z]/);
			expect(p.length).toBe(alias.length);
		}));
	});

	it.each([
		['db', {source: 'db', alias: 'db'}],
		['db:pg', {source: 'db', alias: 'pg'}],
		['/db:pg', {source: 'db', alias: 'pg'}],
		['a:b:c', null],
		[':pg', null],
		['db:', null],
	])('parseLinkArg(%j)', (arg, want) => {
		expect(parseLinkArg(arg)).toEqual(want);
	});

	it('refuses a taken, empty or malformed alias', () => {
		const held = [{source: 'pg', alias: 'db'}];
		expect(aliasProblem('db', held)).toBe('the alias db is already used for a link to pg');
		expect(aliasProblem('', held)).toBe('the alias is empty');
		expect(aliasProblem('-x', held)).toMatch(/^invalid alias/);
		expect(aliasProblem('a b', held)).toMatch(/^invalid alias/);
		expect(aliasProblem('d', held)).toBeNull();
		expect(aliasProblem('db2', held)).toBeNull();
	});
});

describe('linkHostsLines', () => {
	it('writes alias, hostname and the name unless it is the alias, one line per address', () => {
		expect(linkHostsLines('my-db', {name: 'probe-db', hostname: '6664a2082dda', ip})).toEqual([`${ip}\tmy-db 6664a2082dda probe-db`]);
		expect(linkHostsLines('db', {name: 'db', hostname: '969ea9278dc5', ip: '172.17.0.2'})).toEqual(['172.17.0.2\tdb 969ea9278dc5']);
		expect(linkHostsLines('db', {name: 'pg', hostname: 'h', ip, ipv6: 'fd00::2'})).toEqual([`${ip}\tdb h pg`, 'fd00::2\tdb h pg']);
		expect(linkHostsLines('db', {name: 'pg', hostname: 'h', ip: ''})).toEqual([]);
	});
});

describe('linkGraph', () => {
	const bridgeless = {networks: [{name: 'front', ipAddress: '10.0.0.2', aliases: []}]};
	const web = summary('web', {links: [{source: 'db', alias: 'db'}, {source: 'cache', alias: 'c'}, {source: 'api', alias: 'api'}]});
	const containers = [web, summary('db'), summary('cache', {state: 'exited'}), summary('api', bridgeless)];

	it('flags stopped, off-bridge and (with details) missing sources, sorted', () => {
		const gone = detailsOf(summary('old', {links: [{source: 'removed', alias: 'r'}]}));
		const edges = linkGraph([...containers, summary('old')], [gone, detailsOf(web)]);
		expect(edges).toEqual([
			{recipient: 'old', alias: 'r', source: 'removed', problems: ['source-missing']},
			{recipient: 'web', alias: 'api', source: 'api', problems: ['source-not-on-bridge']},
			{recipient: 'web', alias: 'c', source: 'cache', problems: ['source-stopped']},
			{recipient: 'web', alias: 'db', source: 'db', problems: []},
		]);
		expect(edges.map(formatEdge)).toEqual([
			'old --r--> removed  [broken: source missing]',
			'web --api--> api  [broken: source not on bridge]',
			'web --c--> cache  [broken: source stopped]',
			'web --db--> db',
		]);
	});

	it('an empty engine has no links', () => {
		expect(linkGraph([])).toEqual([]);
	});
});
