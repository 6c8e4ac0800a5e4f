/** The engine's exec, the container's pid and reading files of the engine's machine, on the private engine. */
import net from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {findPortOwner} from '../../source/engine/port-owner.js';
import {dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {noShellImage} from '../support/doctor-images.js';
import {waitFor} from '../support/wait-for.js';

const engine = privateEngine();
const web = uniqueName('exec-web');
const bare = uniqueName('exec-bare');
const stopped = uniqueName('exec-stopped');

beforeAll(async () => {
	const image = await noShellImage();
	await dockerOk(['run', '-d', '--name', web, 'dnet/webapp']);
	await dockerOk(['run', '-d', '--name', bare, image]);
	await dockerOk(['create', '--name', stopped, 'dnet/webapp']);
}, 60_000);
afterAll(async () => {
	await removeContainers([web, bare, stopped]);
	engine.close();
});

describe('exec', () => {
	it('returns the output and exit status of a command in a running container', async () => {
		const ok = await engine.exec(web, ['cat', '/etc/hostname']);
		expect(ok.exitCode).toBe(0);
		expect(ok.stdout.trim()).toMatch(/^[0-9a-f]{12}$/);
		const failed = await engine.exec(web, ['cat', '/nope']);
		expect(failed.exitCode).toBe(1);
		expect(failed.stderr).toContain('/nope');
	});

	it('says when the image has no such program, with a failing exit status', async () => {
		const result = await engine.exec(bare, ['cat', '/proc/net/tcp']);
		expect(result.exitCode).toBeGreaterThanOrEqual(126);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(/"cat": executable file not found/);
	});

	it('fails with the engine words on a stopped container', async () => {
		await expect(engine.exec(stopped, ['cat', '/etc/hostname'])).rejects.toThrow(/is not running/);
	});
});

describe('containerPid and readEngineFile', () => {
	it('gives the main process pid, and 0 for a stopped container', async () => {
		expect(await engine.containerPid(web)).toBeGreaterThan(0);
		expect(await engine.containerPid(stopped)).toBe(0);
	});

	it('reads the container process files on this machine (the engine runs here as root)', async () => {
		expect(engine.isLocal).toBe(true);
		const pid = await engine.containerPid(web);
		// busybox httpd listens on [::]:5000 (0x1388, dual stack), state 0A (LISTEN), once it has started.
		await waitFor(async () => expect(await engine.readEngineFile(`/proc/${pid}/net/tcp6`)).toMatch(/0{32}:1388 0{32}:0000 0A/), 10_000);
		expect(await engine.readEngineFile('/proc/0/nothing')).toBeNull();
	});
});

describe('findPortOwner', () => {
	it('finds the process of this machine listening on a port (this test), and nothing on a free one', async () => {
		const server = net.createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as net.AddressInfo).port;
		try {
			const owner = await findPortOwner(port);
			expect(owner?.pid).toBe(process.pid);
			expect(owner?.command).toMatch(/node|vitest/);
		} finally {
			server.close();
		}
		expect(await findPortOwner(port)).toBeNull();
	});
});
