/**
 * dnet SIGKILLed in the middle of a recreate (dnet publish), then the next dnet start offers the
 * backup and restores the original container: same id, same name, running, same bindings.
 */
import {spawn} from 'node:child_process';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {docker, dockerOk, privateEnv, removeContainers} from '../support/engine.js';
import {freePort} from '../support/ports.js';
import {killAllTuis, repoRoot, startTui} from '../support/tmux.js';
import {waitFor} from '../support/wait-for.js';

const name = `e2erecover${process.pid}`;

async function names(): Promise<string[]> {
	return (await dockerOk(['ps', '-a', '--format', '{{.Names}}'])).split('\n').filter((n) => n.startsWith(name));
}

beforeAll(async () => {
	await removeContainers([name]);
	await dockerOk(['run', '-d', '--name', name, '-P', 'dnet/webapp']);
}, 60_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers(await names());
});

describe('recovery after dnet was killed mid-recreate', () => {
	it('finds the backup on the next start and restores the original', {timeout: 90_000}, async () => {
		const originalId = (await dockerOk(['inspect', '-f', '{{.Id}}', name])).trim();
		const port = await freePort();
		const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'publish', name, `127.0.0.1:${port}:5000`], {
			env: privateEnv({DNET_TEST_PAUSE_BEFORE: 'stop-old'}),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		await waitFor(() => expect(stderr).toContain('test pause before stop-old'), 30_000);
		child.kill('SIGKILL');
		await new Promise((resolve) => child.once('exit', resolve));

		// Killed half-way: the original runs under a backup name, a replacement holds the name.
		const left = await names();
		const backup = left.find((n) => n.startsWith(`${name}-dnet-backup-`));
		expect(backup, `containers left: ${left.join(', ')}`).toBeDefined();
		expect((await dockerOk(['inspect', '-f', '{{.Id}}', backup as string])).trim()).toBe(originalId);
		expect((await dockerOk(['inspect', '-f', '{{.Id}}', name])).trim()).not.toBe(originalId);

		const tui = await startTui({env: {LANG: 'C.UTF-8'}, cols: 140, rows: 30});
		try {
			await tui.waitForText(`A change to ${name} was interrupted`, 15_000);
			await tui.sendKeys('y');
			await waitFor(async () => expect((await dockerOk(['inspect', '-f', '{{.Id}}', name])).trim()).toBe(originalId), 30_000);
		} finally {
			await tui.kill();
		}
		expect(await names()).toEqual([name]);
		expect((await dockerOk(['inspect', '-f', '{{.State.Running}} {{.HostConfig.PublishAllPorts}}', name])).trim()).toBe('true true');
		expect((await docker(['port', name, '5000/tcp'])).stdout).toMatch(/0\.0\.0\.0:\d+/);
	});
});
