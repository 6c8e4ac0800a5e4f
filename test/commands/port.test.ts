import {describe, expect, it} from 'vitest';
import {portCommand} from '../../source/commands/port.js';
import type {PortMap} from '../../source/model/container.js';
import {detailsOf, FakeEngine, summary} from '../support/fake-engine.js';
import {recordingContext} from './support.js';

/** The shared fake engine holding the given containers, each with these `NetworkSettings.Ports`. */
function fakeEngine(containers: Record<string, PortMap>): FakeEngine {
	const engine = new FakeEngine();
	for (const [name, ports] of Object.entries(containers)) {
		const row = summary(name);
		engine.containers.push(row);
		engine.details.set(row.id, detailsOf(row, {ports}));
	}
	return engine;
}

const web: PortMap = {
	'5000/tcp': [{hostIp: '0.0.0.0', hostPort: '32768'}, {hostIp: '::', hostPort: '32768'}],
	'80/udp': [{hostIp: '127.0.0.10', hostPort: '9'}, {hostIp: '127.0.0.9', hostPort: '9'}],
	'9999/tcp': null,
};

async function run(args: string[]) {
	const rec = recordingContext(() => fakeEngine({web}));
	const code = await portCommand(args, rec.ctx);
	return {code, stdout: rec.stdout(), stderr: rec.stderr()};
}

describe('portCommand', () => {
	it('lists every binding in natural order, IPv6 in brackets', async () => {
		expect(await run(['web'])).toEqual({
			code: 0,
			stdout: '80/udp -> 127.0.0.9:9\n80/udp -> 127.0.0.10:9\n5000/tcp -> 0.0.0.0:32768\n5000/tcp -> [::]:32768\n',
			stderr: '',
		});
	});
	it('looks up one port, tcp by default', async () => {
		expect(await run(['web', '5000'])).toEqual({code: 0, stdout: '0.0.0.0:32768\n[::]:32768\n', stderr: ''});
		expect((await run(['web', '80/udp'])).stdout).toBe('127.0.0.9:9\n127.0.0.10:9\n');
	});
	it('fails like docker port', async () => {
		expect(await run(['web', '9999'])).toEqual({code: 1, stdout: '', stderr: "Error: No public port '9999' published for web\n"});
		expect((await run(['web', 'x'])).stderr).toBe('Error: invalid port (x): strconv.ParseUint: parsing "x": invalid syntax\n');
		expect(await run(['db'])).toEqual({code: 1, stdout: '', stderr: 'Error response from daemon: No such container: db\n'});
		expect((await run([])).code).toBe(1);
		expect((await run(['-z', 'web'])).code).toBe(125);
		expect(await run(['--help'])).toMatchObject({code: 0, stderr: ''});
	});
});
