/**
 * The one conflict rule in the commands, on the real engine: a host port a stopped container asks
 * for is a warning of `dnet publish` and `dnet run` (the change is made, and the stopped one could
 * not start then); a port a running container holds is refused by `dnet publish` as before.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {publishCommand} from '../../source/commands/publish.js';
import {runCommand} from '../../source/commands/run.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {freePort} from '../support/ports.js';
import {recordingContext} from './support.js';

const engine = privateEngine();
const made: string[] = [];

afterAll(async () => {
	await removeContainers(made);
	engine.close();
});

async function make(label: string, args: string[], command: 'run' | 'create'): Promise<string> {
	const name = uniqueName(label);
	made.push(name);
	await dockerOk(command === 'run' ? ['run', '-d', '--name', name, ...args] : ['create', '--name', name, ...args]);
	return name;
}

const warning = (port: number, holder: string): string =>
	`dnet: warning: 127.0.0.1:${port}/tcp is also asked for by ${holder} (stopped): it could not start while this runs\n`;

describe('host ports stopped containers ask for', () => {
	it('dnet publish warns on stderr and publishes', async () => {
		const port = await freePort();
		const old = await make('pub-old', ['-p', `127.0.0.1:${port}:5000`, 'dnet/webapp'], 'create');
		const web = await make('pub-web', ['dnet/webapp'], 'run');
		const rec = recordingContext(() => engine);
		expect(await publishCommand([web, `127.0.0.1:${port}:5000`], rec.ctx)).toBe(0);
		expect(rec.stderr()).toBe(warning(port, old));
		expect(await dockerOk(['port', web])).toBe(`5000/tcp -> 127.0.0.1:${port}\n`);
		// Held now by a running container: the next publish of the same port is refused.
		const other = await make('pub-other', ['dnet/webapp'], 'run');
		const refused = recordingContext(() => engine);
		expect(await publishCommand([other, `127.0.0.1:${port}:5000`], refused.ctx)).toBe(1);
		expect(refused.stderr()).toBe(`dnet: cannot publish on ${other}: 127.0.0.1:${port}/tcp is already published by container ${web}\n`);
	}, 60_000);

	it('dnet run warns on stderr and runs', async () => {
		const port = await freePort();
		const old = await make('run-old', ['-p', `127.0.0.1:${port}:5000`, 'dnet/webapp'], 'create');
		const name = uniqueName('run-new');
		made.push(name);
		const rec = recordingContext(() => engine);
		expect(await runCommand(['-d', '--name', name, '-p', `127.0.0.1:${port}:5000`, 'dnet/webapp'], rec.ctx)).toBe(0);
		// the engine's own warnings (`WARNING: …`, as docker prints them) come first
		expect(rec.stderr().replace(/^WARNING: .*\n/gm, '')).toBe(warning(port, old));
		expect(rec.stdout()).toMatch(/^[0-9a-f]{64}\n$/);
		expect((await docker(['start', old])).stderr).toContain('port is already allocated');
	}, 60_000);
});
