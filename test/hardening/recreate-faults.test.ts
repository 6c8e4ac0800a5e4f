/**
 * The recreate transaction with each of its engine calls faulted at the HTTP level by the fault
 * proxy (test/support/fault-proxy.ts): a 500, a 409, an answer cut after the engine did the work,
 * an answer never given. After each: no container lost, the original is back (same id, same whole
 * configuration) or the change is whole and any backup left is announced and found by the backup
 * flow, which restores the original.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveEndpoint} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import type {Engine} from '../../source/engine/engine.js';
import {guardEngine} from '../../source/engine/guard.js';
import {findBackups, recreate, RecreateError, restoreBackup} from '../../source/operations/recreate/index.js';
import {startFaultProxy, type Fault, type FaultProxy} from '../support/fault-proxy.js';
import {docker, dockerOk, privateEngine, uniqueName} from '../support/engine.js';
import {freePort} from '../support/ports.js';
import {configOf, diffPaths, removeWithVolumes} from '../engine/recreate-support.js';
import {outcome, PATHS, privateSocket} from './support.js';

const web = uniqueName('web');
const db = uniqueName('db');
const net = uniqueName('net');
let proxy: FaultProxy;
let raw: DockerEngine;
let engine: Engine;
const direct = privateEngine();

type Json = Record<string, unknown>;
const snapshot = async (name: string): Promise<{id: unknown; config: Json}> => {
	const inspected = await direct.inspectContainerRaw(name);
	return {id: inspected['Id'], config: configOf(inspected)};
};
/** Every container's name but backups: what must never be lost. */
const names = async (): Promise<string[]> =>
	(await direct.listContainers(true)).map((c) => c.name).filter((n) => !n.includes('-dnet-backup-')).sort();

beforeAll(async () => {
	proxy = await startFaultProxy(privateSocket(), {seed: 17});
	raw = new DockerEngine(resolveEndpoint(proxy.host, {}));
	engine = guardEngine(raw, {readDeadlineMs: 2000, changeDeadlineMs: 3000});
	await dockerOk(['network', 'create', net]);
	await dockerOk(['run', '-d', '--name', db, 'dnet/webapp']);
	await dockerOk(['run', '-d', '--name', web, '-p', `127.0.0.1:${await freePort()}:5000`, '--link', `${db}:dbalias`, '-v', '/keep', '-e', 'K=v', 'dnet/webapp']);
	await dockerOk(['network', 'connect', '--alias', 'webalias', net, web]);
	await dockerOk(['exec', web, 'sh', '-c', 'echo data > /keep/file']);
});

afterAll(async () => {
	proxy.clear();
	raw.close();
	await proxy.close();
	const backups = (await findBackups(direct)).filter((b) => b.originalName === web).map((b) => b.name);
	await removeWithVolumes(direct, [web, db, ...backups], docker);
	await docker(['network', 'rm', net]);
	direct.close();
});

const STEPS = [
	['rename-old', 'POST', PATHS.rename],
	['create-new', 'POST', PATHS.create],
	['connect-networks', 'POST', PATHS.connect],
	['stop-old', 'POST', PATHS.stop],
	['start-new', 'POST', PATHS.start],
	['remove-backup', 'DELETE', PATHS.remove],
] as const;
const FAULTS: Array<[string, Fault]> = [
	['a 500', {kind: 'status', status: 500, message: 'injected server error'}],
	['a 409', {kind: 'status', status: 409, message: 'Conflict. injected'}],
	['an answer cut after the engine did it', {kind: 'reset'}],
	['no answer at all', {kind: 'hang'}],
];
// A 409 is tried where the engine really answers one (a name in use); the rest get every fault.
const cases = STEPS.flatMap(([step, method, path]) =>
	FAULTS.filter(([, f]) => f.kind !== 'status' || f.status !== 409 || step === 'rename-old' || step === 'create-new').map(
		([what, fault]) => [step, what, method, path, fault] as const,
	),
);
/** What a recreate may change besides the ports: an anonymous volume is bound by its name. */
const changed = (a: Json, b: Json): string[] => diffPaths(a, b).filter((p) => p !== 'HostConfig.Binds');

describe('each recreate step faulted at the engine', () => {
	it.each(cases)('%s under %s: nothing lost, original intact or change whole', async (step, _what, method, path, fault) => {
		const before = await snapshot(web);
		const all = await names();
		const port = await freePort();
		proxy.inject({method, path, fault, times: 1});
		const result = await outcome(
			recreate(engine, web, {PortBindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}]}}, {stopTimeoutSeconds: 1}),
		);
		proxy.clear();
		expect(await names()).toEqual(all);
		const backups = (await findBackups(direct)).filter((b) => b.originalName === web);
		if (result.ok) {
			// The change took effect; a backup left behind is announced in the warnings.
			const now = await snapshot(web);
			expect(changed(before.config, now.config)).toEqual(['HostConfig.PortBindings.5000/tcp']);
			expect(backups.length === 0 || result.value.warnings.some((w) => w.includes(backups[0]?.name ?? '?'))).toBe(true);
			for (const b of backups) await restoreBackup(direct, b);
		} else {
			expect(result.error).toBeInstanceOf(RecreateError);
			const error = result.error as RecreateError;
			expect(error.message).not.toMatch(/\n/);
			if (!error.restored) {
				// The rollback could not finish: the backup flow finds it and puts the original back.
				expect(backups.length).toBe(1);
				await restoreBackup(direct, backups[0]!);
			} else expect(backups).toEqual([]);
		}
		expect(await names()).toEqual(all);
		const after = await snapshot(web);
		if (!result.ok || backups.length > 0) {
			expect(after.id).toBe(before.id);
			expect(diffPaths(before.config, after.config)).toEqual([]);
		}
		expect(await dockerOk(['exec', web, 'cat', '/keep/file'])).toBe('data\n');
	});

	it('latency of 1 ms to 3 s on every call: the change is made, nothing else differs', async () => {
		const before = await snapshot(web);
		proxy.inject({path: /./, fault: {kind: 'latency', ms: [1, 3000]}, times: 8});
		const port = await freePort();
		const result = await outcome(
			recreate(raw, web, {PortBindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}]}}, {stopTimeoutSeconds: 1}),
		);
		proxy.clear();
		expect(result.ok).toBe(true);
		expect(changed(before.config, (await snapshot(web)).config)).toEqual(['HostConfig.PortBindings.5000/tcp']);
		expect((await findBackups(direct)).filter((b) => b.originalName === web)).toEqual([]);
	}, 60_000);
});
