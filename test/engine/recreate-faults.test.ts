/**
 * The recreate transaction under faults, against the real private engine: after each, the original
 * container is under its name, in its state, with its configuration, or its backup is found and
 * restored.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DockerEngine} from '../../source/engine/docker-engine.js';
import {
	AbandonTransaction,
	findBackups,
	PortConflictError,
	recreate,
	RecreateError,
	restoreBackup,
	RECREATE_STEPS,
	type RecreateStep,
} from '../../source/operations/recreate/index.js';
import {docker, dockerOk, privateEngine, uniqueName} from '../support/engine.js';
import {configOf, diffPaths, freePort, holdPort, inspect, removeWithVolumes} from './recreate-support.js';

const target = uniqueName('target');
const holder = uniqueName('holder');
const fromTag = uniqueName('fromtag');
const ephemeral = uniqueName('rmfault');
const stopped = uniqueName('stopped');
const image = `${uniqueName('img')}:v1`;
const names = [target, holder, fromTag, ephemeral, stopped];
let engine: DockerEngine;

const publishOn = (port: number) => ({PortBindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}]}});

/** The container's configuration and identity now. */
async function snapshot(name: string): Promise<{id: unknown; config: Record<string, unknown>}> {
	const raw = await inspect(engine, name);
	return {id: raw['Id'], config: configOf(raw)};
}

async function expectIntact(name: string, before: {id: unknown; config: Record<string, unknown>}): Promise<void> {
	const now = await snapshot(name);
	expect(now.id).toBe(before.id);
	expect(diffPaths(before.config, now.config)).toEqual([]);
	expect((await findBackups(engine)).filter((b) => b.originalName === name)).toEqual([]);
}

async function failure(p: Promise<unknown>): Promise<unknown> {
	try {
		await p;
	} catch (error) {
		return error;
	}
	throw new Error('expected the recreate to fail');
}

beforeAll(async () => {
	engine = privateEngine();
	await dockerOk(['run', '-d', '--name', target, '-P', '-e', 'K=v', '-v', '/keep', 'dnet/webapp']);
	await dockerOk(['exec', target, 'sh', '-c', 'echo data > /keep/file']);
	await dockerOk(['create', '--name', stopped, '-p', '127.0.0.1::5000', 'dnet/webapp']);
	await dockerOk(['run', '-d', '--rm', '--name', ephemeral, '-v', '/anon', 'dnet/webapp']);
	await dockerOk(['exec', ephemeral, 'sh', '-c', 'echo eph > /anon/file']);
});

afterAll(async () => {
	const backups = (await findBackups(engine)).filter((b) => names.includes(b.originalName)).map((b) => b.name);
	await removeWithVolumes(engine, [...names, ...backups], docker);
	await docker(['rmi', '-f', image]);
	engine.close();
});

describe('recreate refuses or rolls back', () => {
	it('refuses a host port another container publishes, before touching anything', async () => {
		const port = await freePort();
		await dockerOk(['run', '-d', '--name', holder, '-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
		const before = await snapshot(target);
		const error = await failure(recreate(engine, target, publishOn(port)));
		expect(error).toBeInstanceOf(PortConflictError);
		expect((error as PortConflictError).message).toBe(`127.0.0.1:${port}/tcp is already published by container ${holder}`);
		await expectIntact(target, before);
		await dockerOk(['rm', '-f', holder]);
	});

	it('refuses a host port a process outside Docker holds; without the check, start fails and rolls back', async () => {
		const port = await freePort();
		const held = await holdPort(port);
		try {
			const before = await snapshot(target);
			const refused = await failure(recreate(engine, target, publishOn(port)));
			expect(refused).toBeInstanceOf(PortConflictError);
			expect((refused as Error).message).toBe(`127.0.0.1:${port}/tcp is already in use by a process on this machine`);
			await expectIntact(target, before);
			const failed = await failure(recreate(engine, target, publishOn(port), {skipConflictCheck: true}));
			expect(failed).toBeInstanceOf(RecreateError);
			expect((failed as RecreateError).step).toBe('start-new');
			expect((failed as RecreateError).restored).toBe(true);
			expect((failed as Error).message).toMatch(/address already in use/);
			await expectIntact(target, before);
		} finally {
			await held.close();
		}
	});

	it('rolls back when the image was removed since the container was created', async () => {
		await dockerOk(['tag', 'dnet/webapp', image]);
		await dockerOk(['run', '-d', '--name', fromTag, image]);
		await dockerOk(['rmi', '-f', image]);
		const before = await snapshot(fromTag);
		const error = await failure(recreate(engine, fromTag, publishOn(await freePort())));
		expect(error).toBeInstanceOf(RecreateError);
		expect((error as RecreateError).step).toBe('create-new');
		expect((error as RecreateError).restored).toBe(true);
		expect((error as Error).message).toMatch(/No such image/);
		await expectIntact(fromTag, before);
	});

	it.each(RECREATE_STEPS.map((s) => [s]))('a fault before %s leaves the original intact (running)', async (step) => {
		const before = await snapshot(target);
		const error = await failure(
			recreate(engine, target, publishOn(await freePort()), {
				faults: (s) => {
					if (s === step) throw new Error(`injected before ${s}`);
				},
			}),
		);
		expect(error).toBeInstanceOf(RecreateError);
		expect(error as RecreateError).toMatchObject({step, restored: true, rollbackFailures: []});
		await expectIntact(target, before);
		expect(await dockerOk(['exec', target, 'cat', '/keep/file'])).toBe('data\n');
	});

	it.each(['stop-old', 'start-new'] as const)('a fault before %s leaves a stopped original stopped', async (step) => {
		const before = await snapshot(stopped);
		const error = await failure(
			recreate(engine, stopped, {PortBindings: {}}, {faults: (s) => void (s === step && fail(s))}),
		);
		expect(error).toMatchObject({step, restored: true});
		await expectIntact(stopped, before);
	});

	it('an --rm original removed by the engine when stopped is made again from its configuration', async () => {
		const before = await snapshot(ephemeral);
		const error = await failure(
			recreate(engine, ephemeral, publishOn(await freePort()), {faults: (s) => void (s === 'start-new' && fail(s))}),
		);
		expect(error).toMatchObject({step: 'start-new', restored: true});
		const now = await snapshot(ephemeral);
		expect(now.id).not.toBe(before.id); // a new container: the engine removed the stopped original
		expect(diffPaths(before.config, now.config).map((p) => p.split('.').slice(0, 2).join('.'))).toEqual(['HostConfig.Binds']);
		expect(await dockerOk(['exec', ephemeral, 'cat', '/anon/file'])).toBe('eph\n');
	});
});

describe('an abandoned transaction (dnet killed) leaves a backup that can be restored', () => {
	it.each(['create-new', 'start-new'] as RecreateStep[])('abandoned before %s', async (step) => {
		const before = await snapshot(target);
		const error = await failure(
			recreate(engine, target, publishOn(await freePort()), {
				faults: (s) => {
					if (s === step) throw new AbandonTransaction(s);
				},
			}),
		);
		expect(error).toBeInstanceOf(AbandonTransaction);
		const backups = (await findBackups(engine)).filter((b) => b.originalName === target);
		expect(backups).toHaveLength(1);
		const backup = backups[0]!;
		expect(backup).toMatchObject({id: before.id, wasRunning: true, complete: false});
		expect(backup.replacement === null).toBe(step === 'create-new');
		await restoreBackup(engine, backup);
		await expectIntact(target, before);
		expect(await dockerOk(['exec', target, 'cat', '/keep/file'])).toBe('data\n');
	});
});

function fail(step: string): never {
	throw new Error(`injected before ${step}`);
}
