/**
 * The engine stops in the middle of a recreate: the transaction fails (it cannot even roll back),
 * nothing is lost, and once the engine is back the backup is found and the original restored.
 * Uses an engine of its own (DNET_ENGINE_DIR), since stopping the shared one would break others.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveEndpoint} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import {findBackups, recreate, RecreateError, restoreBackup} from '../../source/operations/recreate/index.js';
import {repoRoot} from '../support/tmux.js';
import {waitFor} from '../support/wait-for.js';

const run = promisify(execFile);
const parent = mkdtempSync(path.join(os.tmpdir(), 'dnet-down-'));
const dir = path.join(parent, 'e');
const env = {...process.env, DNET_ENGINE_DIR: dir};
const host = `unix://${dir}/docker.sock`;

async function engineSh(command: string): Promise<void> {
	await run('bash', [path.join(repoRoot, 'scripts', 'engine.sh'), command], {env, timeout: 120_000});
}

async function dk(args: string[]): Promise<string> {
	const {stdout} = await run('docker', ['--host', host, ...args], {env: {...process.env, DOCKER_HOST: host}});
	return stdout.trim();
}

beforeAll(async () => {
	await engineSh('start');
	await dk(['run', '-d', '--name', 'web', '-P', '-e', 'KEEP=me', 'dnet/webapp']);
}, 180_000);

afterAll(async () => {
	await engineSh('stop').catch(() => undefined);
	rmSync(parent, {recursive: true, force: true});
}, 120_000);

describe('the engine stops mid-recreate', () => {
	it('fails without losing the container, and the backup restores it when the engine is back', {timeout: 180_000}, async () => {
		const before = await dk(['inspect', '-f', '{{.Id}} {{.Config.Env}} {{.HostConfig.PublishAllPorts}}', 'web']);
		const engine = new DockerEngine(resolveEndpoint(host, {}));
		const pid = Number(readFileSync(path.join(dir, 'docker.pid'), 'utf8').trim());
		let failure: unknown;
		try {
			await recreate(engine, 'web', {PublishAllPorts: false, PortBindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: ''}]}}, {
				faults: async (step) => {
					if (step !== 'start-new') return;
					// The engine goes away between stopping the old container and starting the new one.
					process.kill(pid, 'SIGTERM');
					await waitFor(() => {
						let alive = true;
						try {
							process.kill(pid, 0);
						} catch {
							alive = false;
						}
						expect(alive).toBe(false);
					}, 60_000, 100);
				},
			});
		} catch (error) {
			failure = error;
		} finally {
			engine.close();
		}
		expect(failure).toBeInstanceOf(RecreateError);
		expect((failure as RecreateError).step).toBe('start-new');

		await engineSh('start');
		const back = new DockerEngine(resolveEndpoint(host, {}));
		try {
			const backups = await findBackups(back);
			expect(backups.map((b) => b.originalName)).toEqual(['web']);
			await restoreBackup(back, backups[0]!);
			expect(await findBackups(back)).toEqual([]);
		} finally {
			back.close();
		}
		const after = await dk(['inspect', '-f', '{{.Id}} {{.Config.Env}} {{.HostConfig.PublishAllPorts}}', 'web']);
		expect(after).toBe(before);
		expect(await dk(['inspect', '-f', '{{.State.Running}}', 'web'])).toBe('true');
		expect((await dk(['ps', '-a', '--format', '{{.Names}}'])).split('\n')).toEqual(['web']);
	});
});
