/**
 * `dnet run` against `docker run -d` on the private engine: `--dry-run` bodies against the body the
 * CLI really sends (recorded by a proxy that refuses the create), real runs against `docker create`
 * with the same flags (inspect), invalid input (same message, nothing created), and a start failure
 * (`port is already allocated`) that leaves the container created, as docker does.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/commands/run.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {recordingContext} from '../commands/support.js';
import {dockerAt} from './support/docker-cli.js';
import {startCreateCapture, type CreateCapture} from './support/create-capture.js';
import {pool} from './support/pool.js';

// Below the ephemeral and the engine's random range (32768+), random per run to avoid stale bindings.
const base = 20000 + Math.floor(Math.random() * 100) * 100;
const p = (n: number): number => base + n;
const source = uniqueName('run-src');
const cleanup: string[] = [source];
const noEngine = () => {
	throw new Error('--dry-run must not contact the engine');
};

async function dnet(args: string[]) {
	const engine = privateEngine();
	try {
		const rec = recordingContext(() => engine);
		const code = await runCommand(['-d', ...args], rec.ctx);
		return {code, stdout: rec.stdout(), stderr: rec.stderr()};
	} finally {
		engine.close();
	}
}

async function exists(name: string): Promise<boolean> {
	return (await docker(['inspect', '--type', 'container', name])).code === 0;
}

const validSets: string[][] = [
	[],
	['-p', '8080:5000'],
	['-P', '--expose', '6000-6002/udp'],
	['-p', '127.0.0.1::5000/udp', '-p', '[::1]:9000:5000', '-p', 'published=8081,target=80,protocol=sctp'],
	['--rm', '-p', '8000-8002:80-82', '--link', source, '--link', `${source}:db`],
	['-dP', '--rm', '-p80', '--expose=81', '--link=/x:y'],
	['-h', 'myhost', '-p', '80'],
	['--hostname=other.example', '-dh', 'last'],
];

describe('dnet run vs docker run -d', () => {
	let capture: CreateCapture;
	beforeAll(async () => {
		await dockerOk(['run', '-d', '--name', source, '-p', `127.0.0.1:${p(0)}:5000`, 'dnet/webapp']);
		capture = await startCreateCapture({block: true});
	}, 60_000);
	afterAll(async () => {
		await capture?.close();
		// a name such as `-web` would read as a flag to `docker rm`; such names were never created
		await removeContainers(cleanup.filter((n) => !n.startsWith('-')));
	});

	it.each(validSets.map((flags, i) => [flags.join(' ') || '(no flags)', i] as const))('--dry-run %s equals the CLI body', async (_label, i) => {
		const flags = validSets[i] as string[];
		const name = uniqueName(`dry${i}`);
		const cmd = i % 2 === 0 ? [] : ['sh', '-c', 'echo hi'];
		const rec = recordingContext(noEngine);
		expect(await runCommand(['--dry-run', '--name', name, ...flags, 'dnet/webapp', ...cmd], rec.ctx)).toBe(0);
		const printed = JSON.parse(rec.stdout()) as {name: string | null; create: Record<string, unknown> & {HostConfig: Record<string, unknown>}};
		expect(printed.name).toBe(name);
		const cli = await dockerAt(capture.host, ['run', '-d', '--name', name, ...flags, 'dnet/webapp', ...cmd]);
		expect(cli.code).not.toBe(0);
		const sent = capture.captured.get(name)?.body as Record<string, unknown> & {HostConfig: Record<string, unknown>};
		expect(sent, cli.stderr).toBeDefined();
		const {HostConfig, ...top} = printed.create;
		for (const [key, value] of Object.entries(top)) expect(JSON.stringify(sent[key]), key).toBe(JSON.stringify(value));
		for (const [key, value] of Object.entries(HostConfig)) expect(JSON.stringify(sent.HostConfig[key]), key).toBe(JSON.stringify(value));
		expect('ExposedPorts' in sent).toBe('ExposedPorts' in top);
		expect(sent['Hostname'] ?? '').toBe(top['Hostname'] ?? '');
	});

	it('creates and starts what docker create creates (inspect)', async () => {
		const sets = [
			['-p', `${p(1)}:5000`, '-p', `127.0.0.1:${p(2)}-${p(4)}:${p(2)}-${p(4)}/udp`, '--link', `${source}:db`],
			['-P', '--rm', '--expose', '7000-7001', '--link', source],
		];
		for (const [i, flags] of sets.entries()) {
			const mine = uniqueName(`real${i}`);
			const theirs = uniqueName(`ref${i}`);
			cleanup.push(mine, theirs);
			const result = await dnet(['--name', mine, ...flags, 'dnet/webapp']);
			// only the engine's warnings, as docker prints them (test/engine/run-io.test.ts compares them)
			expect(result.stderr.replace(/^WARNING: .*\n/gm, '')).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
			// docker create with the host ports shifted away (they are taken by dnet's container now)
			await dockerOk(['create', '--name', theirs, ...flags.map((f) => f.replace(`${p(1)}:`, `${p(11)}:`).replace(`${p(2)}-${p(4)}:`, `${p(12)}-${p(14)}:`)), 'dnet/webapp']);
			const [a, b] = JSON.parse(await dockerOk(['inspect', mine, theirs])) as Array<{Id: string; State: {Running: boolean}; Config: {ExposedPorts: unknown}; HostConfig: {PortBindings: Record<string, Array<{HostIp: string; HostPort: string}>>; Links: string[] | null; AutoRemove: boolean; PublishAllPorts: boolean}}>;
			expect(a?.Id).toBe(result.stdout.trim());
			expect(a?.State.Running).toBe(true);
			expect(a?.Config.ExposedPorts).toEqual(b?.Config.ExposedPorts);
			const shiftBack = (json: unknown) => JSON.stringify(json).replaceAll(String(p(11)), String(p(1))).replaceAll(String(p(12)), String(p(2))).replaceAll(String(p(13)), String(p(3))).replaceAll(String(p(14)), String(p(4)));
			expect(JSON.stringify(a?.HostConfig.PortBindings)).toBe(shiftBack(b?.HostConfig.PortBindings));
			expect(JSON.stringify(a?.HostConfig.Links)).toBe(JSON.stringify(b?.HostConfig.Links).replaceAll(theirs, mine));
			expect(a?.HostConfig.AutoRemove).toBe(b?.HostConfig.AutoRemove);
			expect(a?.HostConfig.PublishAllPorts).toBe(b?.HostConfig.PublishAllPorts);
		}
	});

	const invalidSets: string[][] = [
		['-p', 'abc'], ['-p', '70000:80'], ['-p', '1.2.3:80:80'], ['-p', '80/foo'], ['-p', '8000-8001:80-82'], ['-p', ''],
		['-p', 'target=80,bad'], ['--expose', 'abc'], ['--expose', '1:2'], ['-p', '80', '--expose', '5-3'], ['--name', 'a'],
		['--name', 'bad name'], ['--name', '-web'], ['--name', 'a', '-p', 'abc'], ['--link', 'a:b:c'], ['--link', ''], ['--link', 'a:b:c', '-p', 'abc'],
		['-p', '[fe80::1%eth0]:80:80'],
	];
	it.each(invalidSets.map((flags, i) => [flags.join(' '), i] as const))('invalid %s: same message, exit 125, nothing created', async (_label, i) => {
		const flags = invalidSets[i] as string[];
		const named = flags.includes('--name') ? flags : ['--name', uniqueName(`bad${i}`), ...flags];
		const name = named[named.indexOf('--name') + 1] as string;
		cleanup.push(name);
		const before = (await docker(['ps', '-aq'])).stdout;
		const ours = await dnet([...named, 'dnet/webapp']);
		const after = (await docker(['ps', '-aq'])).stdout;
		expect(after).toBe(before);
		const theirs = await docker(['run', '-d', ...named, 'dnet/webapp']);
		expect(theirs.code).toBe(125);
		// dnet checks the name itself, as the engine would: the same words, not said to come from the engine
		const stderr = theirs.stderr.replaceAll('docker', 'dnet').replace('Error response from daemon: ', '');
		expect({code: ours.code, stderr: ours.stderr, stdout: ours.stdout}).toEqual({code: 125, stderr, stdout: ''});
	});

	it('start failure (port is already allocated) keeps the container, as docker run -d does', async () => {
		const name = uniqueName('taken');
		const ref = uniqueName('taken-ref');
		cleanup.push(name, ref);
		const result = await dnet(['--name', name, '-p', `127.0.0.1:${p(0)}:5000`, 'dnet/webapp']);
		const theirs = await docker(['run', '-d', '--name', ref, '-p', `127.0.0.1:${p(0)}:5000`, 'dnet/webapp']);
		expect(theirs.code).toBe(125);
		expect(result.code).toBe(125);
		expect(result.stdout).toBe('');
		const shape = (text: string, n: string) => text.replaceAll('docker', 'dnet').replaceAll(n, 'NAME').replace(/\([0-9a-f]{64}\)/, '(ID)');
		expect(shape(result.stderr, name)).toBe(shape(theirs.stderr, ref));
		expect(result.stderr).toMatch(/port is already allocated/);
		expect(await exists(name)).toBe(true);
		expect(await exists(ref)).toBe(true);
	});

	it('an engine failure on create is reported and creates nothing', async () => {
		const name = uniqueName('nolink');
		cleanup.push(name);
		const result = await dnet(['--name', name, '--link', 'dnet-no-such-container', 'dnet/webapp']);
		const theirs = await docker(['run', '-d', '--name', uniqueName('nolink-ref'), '--link', 'dnet-no-such-container', 'dnet/webapp']);
		expect(result.code).toBe(125);
		expect(result.stderr).toBe(theirs.stderr.replaceAll('docker', 'dnet'));
		expect(await exists(name)).toBe(false);
	});

	it('runs many in parallel without leaking (pool helper sanity)', async () => {
		const out = await pool([1, 2, 3, 4, 5], 2, async (n) => n * 2);
		expect(out).toEqual([2, 4, 6, 8, 10]);
	});
});
