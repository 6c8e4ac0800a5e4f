/**
 * Concurrent changes of one container (README, "Reliability"; recreate/claim.ts): two dnet
 * processes publishing different ports at once, and the docker CLI renaming, removing, changing or
 * stopping the container between dnet's review and its apply. Exactly one change wins, or dnet
 * refuses with the reason ("web changed since you reviewed it: ..."); nothing is lost; no backup
 * is left behind.
 */
import {execFile} from 'node:child_process';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ChangedSinceReviewError, findBackups, recreate} from '../../source/operations/recreate/index.js';
import {changePorts} from '../../source/operations/ports.js';
import {docker, dockerOk, privateEngine, privateEnv, uniqueName} from '../support/engine.js';
import {freePort} from '../support/ports.js';
import {repoRoot} from '../support/tmux.js';
import {removeWithVolumes} from '../engine/recreate-support.js';
import {outcome} from './support.js';

const engine = privateEngine();
const web = uniqueName('web');
const other = uniqueName('other');
/** The built dnet (`npm run build` first, as for the end-to-end tests). */
const cli = process.env['DNET_TEST_CLI'] ?? path.join(repoRoot, 'dist', 'cli.js');

function dnet(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise((resolve) => {
		execFile('node', [cli, ...args], {env: privateEnv(), timeout: 60_000}, (error, stdout, stderr) => {
			const code = error ? (typeof (error as {code?: unknown}).code === 'number' ? ((error as {code: number}).code) : 1) : 0;
			resolve({code, stdout, stderr});
		});
	});
}

/** The containers named `name` or its backups, and the host port `name` publishes. */
async function state(name: string): Promise<{names: string[]; port: string | undefined; running: boolean}> {
	const all = await engine.listContainers(true);
	const mine = all.filter((c) => c.name === name || c.name.startsWith(`${name}-dnet-backup-`));
	const raw = await engine.inspectContainerRaw(name);
	const bindings = (raw['HostConfig'] as {PortBindings?: Record<string, Array<{HostPort?: string}>>}).PortBindings ?? {};
	return {names: mine.map((c) => c.name), port: bindings['5000/tcp']?.[0]?.HostPort, running: (raw['State'] as {Running?: boolean}).Running === true};
}

beforeAll(async () => {
	await dockerOk(['run', '-d', '--name', web, '-p', `127.0.0.1:${await freePort()}:5000`, '-v', '/keep', 'dnet/webapp']);
	await dockerOk(['exec', web, 'sh', '-c', 'echo data > /keep/file']);
});

afterAll(async () => {
	const backups = (await findBackups(engine)).filter((b) => b.originalName === web || b.originalName === other).map((b) => b.name);
	await removeWithVolumes(engine, [web, other, ...backups], docker);
	engine.close();
});

describe('two dnet processes publishing on the same container at once', () => {
	it.each([1, 2, 3, 4])('round %i: one wins (or they run one after the other), the other says why; one container, no backup', async () => {
		const [a, b] = [await freePort(), await freePort()];
		const results = await Promise.all([a, b].map((p) => dnet(['publish', web, `127.0.0.1:${p}:5000`])));
		for (const r of results) {
			if (r.code !== 0) {
				expect(r.code).toBe(1);
				expect(r.stderr.trim().split('\n')).toHaveLength(1);
				expect(r.stderr).toMatch(new RegExp(`^dnet: ${web} changed since you reviewed it: .*; nothing was changed`));
			}
		}
		expect(results.some((r) => r.code === 0)).toBe(true);
		const now = await state(web);
		expect(now.names).toEqual([web]);
		expect(now.running).toBe(true);
		const winners = [a, b].filter((_p, i) => results[i]?.code === 0).map(String);
		expect(winners).toContain(now.port);
		expect(await dockerOk(['exec', web, 'cat', '/keep/file'])).toBe('data\n');
	});
});

describe('the docker CLI changes the container between the review and the apply', () => {
	const publish = async (port: number) => ({PortBindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}]}});
	/** Runs `change` with the docker CLI just before the transaction claims the container. */
	const between = (args: string[]) => ({
		faults: async (step: string) => {
			if (step === 'rename-old') await dockerOk(args);
		},
	});

	it('renamed: refused, nothing changed', async () => {
		const before = await engine.inspectContainerRaw(web);
		const result = await outcome(recreate(engine, web, await publish(await freePort()), between(['rename', web, other])));
		expect(result.ok).toBe(false);
		expect((result as {error: Error}).error).toBeInstanceOf(ChangedSinceReviewError);
		expect((result as {error: Error}).error.message).toBe(`${web} changed since you reviewed it: it was renamed to ${other}; nothing was changed (review it again)`);
		expect((await engine.inspectContainerRaw(other))['Id']).toBe(before['Id']);
		await dockerOk(['rename', other, web]);
	});

	it('changed (docker update): refused, nothing changed', async () => {
		const before = await engine.inspectContainerRaw(web);
		const result = await outcome(recreate(engine, web, await publish(await freePort()), between(['update', '--restart', 'on-failure:2', web])));
		expect((result as {error: Error}).error.message).toMatch(/changed since you reviewed it: its configuration was changed/);
		const now = await engine.inspectContainerRaw(web);
		expect(now['Id']).toBe(before['Id']);
		await dockerOk(['update', '--restart', 'no', web]);
	});

	it('stopped: the change is made and the container stays stopped (the stop is kept)', async () => {
		const port = await freePort();
		const result = await outcome(recreate(engine, web, await publish(port), {...between(['stop', '-t', '1', web]), stopTimeoutSeconds: 1}));
		expect(result.ok).toBe(true);
		const now = await state(web);
		expect(now).toEqual({names: [web], port: String(port), running: false});
		await dockerOk(['start', web]);
	});

	it('reviewed in the UI, renamed before the apply: refused at once by the reviewed name', async () => {
		const reviewed = await engine.inspectContainerRaw(web);
		await dockerOk(['rename', web, other]);
		const result = await outcome(recreate(engine, String(reviewed['Id']), await publish(await freePort()), {reviewed}));
		expect((result as {error: Error}).error.message).toMatch(new RegExp(`^${web} changed since you reviewed it: it was renamed to ${other}`));
		const byPorts = await outcome(changePorts(engine, other, {kind: 'publish', bindings: {}}, {expectName: web}));
		expect((byPorts as {error: Error}).error).toBeInstanceOf(ChangedSinceReviewError);
		await dockerOk(['rename', other, web]);
	});

	it('removed: refused, nothing made in its place', async () => {
		const reviewed = await engine.inspectContainerRaw(web);
		await dockerOk(['rm', '-f', web]);
		const result = await outcome(recreate(engine, String(reviewed['Id']), await publish(await freePort()), {reviewed}));
		expect((result as {error: Error}).error.message).toMatch(new RegExp(`^${web} changed since you reviewed it: it was removed`));
		expect((await engine.listContainers(true)).filter((c) => c.name.startsWith(web))).toEqual([]);
	});
});
