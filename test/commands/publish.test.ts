/**
 * `dnet publish` and `dnet unpublish` end to end against the real private engine, checked with
 * `docker port`: a `-P` container gets a fixed loopback binding and loses it again.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {publishCommand} from '../../source/commands/publish.js';
import {unpublishCommand} from '../../source/commands/unpublish.js';
import type {DockerEngine} from '../../source/engine/docker-engine.js';
import type {Engine} from '../../source/engine/engine.js';
import {docker, dockerOk, privateEngine, uniqueName} from '../support/engine.js';
import {freePort, removeWithVolumes} from '../engine/recreate-support.js';
import {recordingContext} from './support.js';

const web = uniqueName('web');
let engine: DockerEngine;

const noEngine = (): Engine => {
	throw new Error('the engine must not be used');
};

beforeAll(async () => {
	engine = privateEngine();
	await dockerOk(['run', '-d', '--name', web, '-P', 'dnet/webapp']);
});

afterAll(async () => {
	await removeWithVolumes(engine, [web], docker);
	engine.close();
});

describe('dnet publish / unpublish', () => {
	it('changes web from -P to 127.0.0.1:<port>:5000 and back', async () => {
		const port = await freePort();
		const oldPorts = await dockerOk(['port', web]);
		expect(oldPorts).toMatch(/^5000\/tcp -> 0\.0\.0\.0:\d+\n/);
		const pub = recordingContext(() => engine);
		expect(await publishCommand([web, `127.0.0.1:${port}:5000`], pub.ctx)).toBe(0);
		expect(pub.stderr()).toBe('');
		const newId = (await dockerOk(['inspect', '-f', '{{.Id}}', web])).trim();
		const removed = oldPorts.trim().split('\n').map((l) => `- ${l}`);
		expect(pub.stdout()).toBe(`${[...removed, `+ 5000/tcp -> 127.0.0.1:${port}`].join('\n')}\n${web} recreated: ${newId}\n`);
		expect(await dockerOk(['port', web])).toBe(`5000/tcp -> 127.0.0.1:${port}\n`);

		const unpub = recordingContext(() => engine);
		expect(await unpublishCommand([web, '5000/tcp'], unpub.ctx)).toBe(0);
		expect(unpub.stderr()).toBe('');
		expect(unpub.stdout()).toMatch(new RegExp(`^- 5000/tcp -> 127\\.0\\.0\\.1:${port}\\n\\+ 5000/tcp -> 0\\.0\\.0\\.0:\\d+\\n`));
		expect(await dockerOk(['port', web])).toMatch(/^5000\/tcp -> 0\.0\.0\.0:\d+\n(5000\/tcp -> \[::\]:\d+\n)?$/);
		const hostConfig = JSON.parse(await dockerOk(['inspect', '-f', '{{json .HostConfig}}', web])) as Record<string, unknown>;
		expect(hostConfig['PortBindings']).toEqual({});
		expect(hostConfig['PublishAllPorts']).toBe(true);
	});

	it('rejects a bad spec with docker\'s message and exit 125, before any engine call', async () => {
		const r = recordingContext(noEngine);
		expect(await publishCommand([web, '5000/tcp', '127.0.0.1:x:5000'], r.ctx)).toBe(125);
		expect(r.stderr()).toBe('dnet: invalid hostPort: x\n');
		const u = recordingContext(noEngine);
		expect(await unpublishCommand([web, 'abc'], u.ctx)).toBe(125);
		expect(u.stderr()).toMatch(/^dnet: invalid port \(abc\): /);
	});

	it('fails with exit 1 for a port that is not published and for a missing container', async () => {
		const r = recordingContext(() => engine);
		expect(await unpublishCommand([web, '6000/udp'], r.ctx)).toBe(1);
		expect(r.stderr()).toMatch(/^dnet: No public port '6000\/udp' published with -p for /);
		const m = recordingContext(() => engine);
		expect(await publishCommand([uniqueName('missing'), '5000'], m.ctx)).toBe(1);
		expect(m.stderr()).toMatch(/^dnet: Error response from daemon: No such container: /);
	});

	it('refuses a host port another process holds, leaving the container as it was', async () => {
		const before = (await dockerOk(['inspect', '-f', '{{.Id}}', web])).trim();
		const port = await freePort();
		const server = (await import('node:net')).createServer();
		await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
		try {
			const r = recordingContext(() => engine);
			expect(await publishCommand([web, `127.0.0.1:${port}:5000`], r.ctx)).toBe(1);
			expect(r.stderr()).toBe(`dnet: cannot publish on ${web}: 127.0.0.1:${port}/tcp is already in use by a process on this machine\n`);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
		expect((await dockerOk(['inspect', '-f', '{{.Id}}', web])).trim()).toBe(before);
	});

	it('publish web4 8080:6000 then unpublish web4 6000 leaves ExposedPorts as docker run without that -p', async () => {
		const web4 = uniqueName('web4');
		const reference = uniqueName('web4-ref');
		await dockerOk(['run', '-d', '--name', web4, 'dnet/webapp']);
		await dockerOk(['create', '--name', reference, 'dnet/webapp']);
		try {
			const port = await freePort();
			const pub = recordingContext(() => engine);
			expect(await publishCommand([web4, `127.0.0.1:${port}:6000`], pub.ctx)).toBe(0);
			const exposed = async (name: string): Promise<unknown> => JSON.parse(await dockerOk(['inspect', '-f', '{{json .Config.ExposedPorts}}', name])) as unknown;
			expect(await exposed(web4)).toEqual({'5000/tcp': {}, '6000/tcp': {}});
			const unpub = recordingContext(() => engine);
			expect(await unpublishCommand([web4, '6000'], unpub.ctx)).toBe(0);
			expect(unpub.stderr()).toBe('');
			expect(await exposed(web4)).toEqual(await exposed(reference));
			expect((await dockerOk(['ps', '-a', '--filter', `name=^${web4}$`, '--format', '{{.Ports}}'])).trim()).toBe('5000/tcp');
		} finally {
			await removeWithVolumes(engine, [web4, reference], docker);
		}
	}, 60_000);
});
