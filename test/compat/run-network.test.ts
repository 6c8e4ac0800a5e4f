/**
 * dnet run's networking flags (--network/--net with its long syntax, --network-alias, --ip, --ip6,
 * -h/--hostname, --dns, --add-host) against docker run on the private engine, the same command
 * lines through both: the create body the engine receives (recorded by a proxy that refuses the
 * create), Go's canonical IP form for --dns (every address of the unit table through the real CLI),
 * bad values (same bytes, exit 125, nothing created), and real containers (inspect, /etc/hosts,
 * /etc/resolv.conf and the hostname inside, the engine's own refusals).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/commands/run.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {recordingContext} from '../commands/support.js';
import {GO_IPS} from '../model/go-ips.js';
import {dockerAt} from './support/docker-cli.js';
import {startCreateCapture, type CreateCapture} from './support/create-capture.js';
import {pool} from './support/pool.js';

const net = uniqueName('rnet');
const subnet = `10.${150 + Math.floor(Math.random() * 50)}.0.0/16`;
const ipIn = (host: number): string => subnet.replace('0.0/16', `0.${host}`);
const cleanup: string[] = [];
const noEngine = () => {
	throw new Error('--dry-run must not contact the engine');
};

async function dnet(args: string[]) {
	const engine = privateEngine();
	try {
		const rec = recordingContext(() => engine);
		const code = await runCommand(args, rec.ctx);
		return {code, stdout: rec.stdout(), stderr: rec.stderr()};
	} finally {
		engine.close();
	}
}

const HOST_KEYS = ['NetworkMode', 'Dns', 'DnsSearch', 'DnsOptions', 'ExtraHosts', 'Links'] as const;

describe('dnet run networking flags vs docker run', () => {
	let capture: CreateCapture;
	beforeAll(async () => {
		await dockerOk(['network', 'create', '--subnet', subnet, net]);
		capture = await startCreateCapture({block: true});
	}, 60_000);
	afterAll(async () => {
		await capture?.close();
		await removeContainers(cleanup);
		await docker(['network', 'rm', net]);
	});

	/** The body the CLI sends for these flags (recorded, refused), and dnet's --dry-run body. */
	async function bodies(flags: string[]) {
		const name = uniqueName('nb');
		const cli = await dockerAt(capture.host, ['run', '-d', '--name', name, ...flags, 'dnet/webapp']);
		const sent = capture.captured.get(name)?.body as (Record<string, unknown> & {HostConfig: Record<string, unknown>; NetworkingConfig: {EndpointsConfig: Record<string, Record<string, unknown>>}}) | undefined;
		const rec = recordingContext(noEngine);
		const code = await runCommand(['--dry-run', '--name', name, ...flags, 'dnet/webapp'], rec.ctx);
		return {cli, sent, code, ours: code === 0 ? (JSON.parse(rec.stdout()) as {create: NonNullable<typeof sent>}).create : null, stderr: rec.stderr()};
	}

	const good: string[][] = [
		[],
		['--network', 'mynet'],
		['--network', 'bridge'],
		['--network', 'host'],
		['--network', 'none'],
		['--network', 'container:other'],
		['--net', 'mynet', '--net-alias', 'a'],
		['--network', 'mynet', '--network-alias', 'a', '--network-alias', 'b', '--ip', '10.0.0.5', '--ip6', 'fd00::5'],
		['--network', 'name=MyNet,alias=x,alias=y,ip=10.0.0.6', '--link', 'db:db'],
		['--network', '"name=n1,alias=q"'],
		['--network', 'a', '--network', 'b', '--network-alias', 'c'],
		['--ip', '1.2.3.4', '--ip6', 'garbage'],
		['--link', 'db', '--network', 'mynet'],
		['-h', 'myhost', '--hostname=other', '--dns', '0:0:0:0:0:0:0:1', '--dns', ' 1.2.3.4 ', '--dns=::ffff:10.0.0.1'],
		['--add-host', 'a:1.2.3.4', '--add-host', 'b=[::1]', '--add-host', 'c:host-gateway', '--add-host=d:0:0::1', '--add-host', 'e=[1.2.3.4]'],
	];
	it.each(good.map((flags, i) => [flags.join(' ') || '(no flags)', i] as const))('%s: the same create body', async (_label, i) => {
		const {cli, sent, code, ours, stderr} = await bodies(good[i] as string[]);
		expect(code, stderr).toBe(0);
		expect(sent, cli.stderr).toBeDefined();
		if (!sent || !ours) return;
		for (const key of HOST_KEYS) expect(JSON.stringify(ours.HostConfig[key]), key).toBe(JSON.stringify(sent.HostConfig[key]));
		expect(ours['Hostname'] ?? '').toBe(sent['Hostname']);
		// byte for byte, the zero fields of Go's struct included
		expect(JSON.stringify(ours.NetworkingConfig)).toBe(JSON.stringify(sent.NetworkingConfig));
	});

	it('--dns: every address of the Go table is taken, refused and rewritten as the docker CLI does', async () => {
		const results = await pool(GO_IPS, 4, async ([address]) => {
			const outcome = await bodies(['--dns', address]);
			return {address, code: outcome.code, stderr: outcome.stderr, ours: outcome.ours?.HostConfig['Dns'], theirs: outcome.sent?.HostConfig['Dns'], cliErr: outcome.cli.stderr};
		});
		for (const r of results) {
			if (r.theirs === undefined) {
				expect(r.code, r.address).toBe(125);
				expect(r.stderr, r.address).toBe(r.cliErr.replaceAll('docker', 'dnet'));
			} else expect(r.ours, r.address).toEqual(r.theirs);
		}
		// The unit table says the same as the CLI.
		for (const [address, want] of GO_IPS.filter(([a]) => a.trim() === a)) expect(results.find((r) => r.address === address)?.theirs ?? null, address).toEqual(want === null ? null : [want]);
	}, 120_000);

	const bad: string[][] = [
		['--dns', 'x'], ['--dns', '1.2.3'], ['--dns', 'fe80::1%eth0'], ['--dns', ''], ['--dns', '01.2.3.4'],
		['--add-host', 'nohost'], ['--add-host', ':1.2.3.4'], ['--add-host', 'a:b'], ['--add-host', 'a=[1.2.3]'], ['--add-host', 'a:b:1.2.3.4'], ['--add-host', 'x=y=z'],
		['--network-alias', 'a'], ['--network', 'bridge', '--network-alias', 'a'], ['--network', ''], ['--network', ' '],
		['--network', 'alias=x'], ['--network', 'name=x,foo=y'], ['--network', 'name=x,=y'], ['--network', 'name=x,noeq'], ['--network', 'a"b=c'],
		['--network', 'a', '--network', 'a'], ['--network', 'host', '--network', 'mynet'],
		['--network', 'name=n,ip=1.1.1.1', '--ip', '2.2.2.2'], ['--network', 'name=n,ip6=::1', '--ip6', '::2'], ['--network', 'name=n,alias=a', '--network-alias', 'b'],
		['--network'], ['--dns'], ['--ip'], ['--dns', 'x', '--add-host', 'y'], ['--add-host', 'y', '--dns', 'x'], ['-p', 'abc', '--network-alias', 'a'],
		['--network-alias', 'a', '-p', 'abc'],
	];
	it.each(bad.map((flags, i) => [flags.join(' '), i] as const))('bad: %s: same bytes and status, nothing created', async (_label, i) => {
		const flags = bad[i] as string[];
		const before = (await docker(['ps', '-aq'])).stdout;
		const ours = await dnet(['-d', ...flags, 'dnet/webapp']);
		const theirs = await docker(['run', '-d', ...flags, 'dnet/webapp']);
		expect((await docker(['ps', '-aq'])).stdout).toBe(before);
		// 125, or 1 when a flag took the image as its value and no IMAGE is left (`--network dnet/webapp`)
		expect([1, 125]).toContain(theirs.code);
		expect({code: ours.code, stdout: ours.stdout, stderr: ours.stderr}).toEqual({code: theirs.code, stdout: '', stderr: theirs.stderr.replaceAll('docker', 'dnet')});
	});

	it('makes the containers docker makes: networks, aliases, static IP, hostname, dns, hosts (inspect and inside)', async () => {
		const flags = ['--network', net, '--network-alias', 'svc', '--ip', ipIn(7), '-h', 'box', '--dns', '0:0::0:1', '--add-host', 'h1=[::2]', '--add-host', 'h2:10.9.8.7'];
		const mine = uniqueName('nmine');
		const theirs = uniqueName('ntheirs');
		cleanup.push(mine, theirs);
		const ours = await dnet(['-d', '--name', mine, ...flags, 'dnet/webapp']);
		expect(ours.stderr.replace(/^WARNING: .*\n/gm, '')).toBe('');
		expect(ours.code).toBe(0);
		await dockerOk(['run', '-d', '--name', theirs, ...flags.map((f) => (f === ipIn(7) ? ipIn(8) : f)), 'dnet/webapp']);
		type Inspected = {Config: {Hostname: string}; HostConfig: {NetworkMode: string; Dns: string[]; ExtraHosts: string[]}; NetworkSettings: {Networks: Record<string, {Aliases: string[] | null; IPAMConfig: {IPv4Address?: string} | null; IPAddress: string}>}};
		const [a, b] = JSON.parse(await dockerOk(['inspect', mine, theirs])) as Inspected[];
		expect(a?.Config.Hostname).toBe('box');
		expect(a?.Config.Hostname).toBe(b?.Config.Hostname);
		expect({...a?.HostConfig}).toMatchObject({NetworkMode: b?.HostConfig.NetworkMode, Dns: b?.HostConfig.Dns, ExtraHosts: b?.HostConfig.ExtraHosts});
		expect(Object.keys(a?.NetworkSettings.Networks ?? {})).toEqual([net]);
		const endpoint = a?.NetworkSettings.Networks[net];
		expect(endpoint?.IPAddress).toBe(ipIn(7));
		expect(endpoint?.IPAMConfig).toEqual({IPv4Address: ipIn(7)});
		expect(endpoint?.Aliases).toEqual(expect.arrayContaining(['svc']));
		const inside = async (n: string, file: string) => (await dockerOk(['exec', n, 'cat', file])).replaceAll(ipIn(8), ipIn(7)).replaceAll(/^[0-9a-f]{12}\b/gm, 'ID');
		for (const file of ['/etc/hosts', '/etc/resolv.conf', '/etc/hostname']) expect(await inside(mine, file), file).toBe(await inside(theirs, file));
		expect(await inside(mine, '/etc/hosts')).toMatch(/^10\.9\.8\.7\s+h2$/m);
		// the alias answers on the network
		expect(await dockerOk(['run', '--rm', '--network', net, 'dnet/webapp', 'nslookup', 'svc'])).toMatch(new RegExp(`${ipIn(7).replaceAll('.', '\\.')}|${ipIn(8).replaceAll('.', '\\.')}`));
	}, 60_000);

	it.each([
		[['--ip', '10.0.0.5']],
		[['--network', 'bridge', '--ip', '172.17.5.5']],
		[['--network', 'dnet-no-such-network']],
		[['--network', 'host', '-h', 'x']],
		[['--network', 'host', '-p', '80:80']],
		[['--network', 'none', '--dns', '1.1.1.1']],
		[['--network', 'a', '--network', 'b']],
		[['--network', 'name="x']],
	])('the engine refuses %j: the same words and status, the same containers left', async (flags) => {
		const mine = uniqueName('neng');
		const ref = uniqueName('neng-ref');
		cleanup.push(mine, ref);
		const ours = await dnet(['-d', '--name', mine, ...flags, 'dnet/webapp', 'true']);
		const theirs = await docker(['run', '-d', '--name', ref, ...flags, 'dnet/webapp', 'true']);
		// the engine names the endpoints in its map's (random) order
		const sorted = (text: string) => text.replace(/endpoints: (.*)$/m, (_m, list: string) => `endpoints: ${list.split(', ').sort().join(', ')}`);
		const shape = (text: string, n: string) => sorted(text.replaceAll('docker', 'dnet').replaceAll(n, 'NAME').replace(/[0-9a-f]{64}/g, 'ID'));
		expect({code: ours.code, stderr: shape(ours.stderr, mine)}).toEqual({code: theirs.code, stderr: shape(theirs.stderr, ref)});
		const exists = async (n: string) => (await docker(['inspect', '--type', 'container', n])).code === 0;
		expect(await exists(mine)).toBe(await exists(ref));
	});
});
