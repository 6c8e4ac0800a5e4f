/**
 * `dnet doctor` on a `--network host` container (issue 16): nothing is published (the engine
 * ignores -p), each port is the machine's own; what listens is read from the shared socket table
 * and the port is probed on this machine. Private engine.
 */
import net from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {doctorCommand} from '../../source/commands/doctor.js';
import type {Diagnosis} from '../../source/model/doctor/facts.js';
import {recordingContext} from '../commands/support.js';
import {dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {waitFor} from '../support/wait-for.js';

const engine = privateEngine();
const name = uniqueName('doc-hostnet');

/** A TCP port free on this machine now. */
async function freePort(): Promise<number> {
	const s = net.createServer();
	await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
	const {port} = s.address() as net.AddressInfo;
	await new Promise<void>((resolve) => s.close(() => resolve()));
	return port;
}

async function doctor(args: string[]): Promise<{code: number; out: string}> {
	const rec = recordingContext(() => engine);
	const code = await doctorCommand(args, rec.ctx);
	return {code, out: rec.stdout()};
}

let port = 0;
let idle = 0;
beforeAll(async () => {
	port = await freePort();
	idle = await freePort();
	await dockerOk(['run', '-d', '--name', name, '--network', 'host', '-p', `${idle}:${port}`, '--expose', String(port), 'dnet/webapp', 'httpd', '-f', '-p', String(port)]);
}, 60_000);
afterAll(async () => {
	await removeContainers([name]);
	engine.close();
});

describe('dnet doctor on a --network host container', () => {
	it('says nothing is published, reads the machine socket table, probes the port on this machine', async () => {
		await waitFor(async () => expect((await doctor([name, String(port)])).out).toMatch(/ok +something listens on/), 10_000, 100);
		const r = await doctor([name, String(port)]);
		expect(r.code).toBe(0);
		expect(r.out).toContain(`${name} ${port}/tcp (host network)\n`);
		expect(r.out).toContain(`ok    host network: nothing is published; ${port}/tcp is port ${port} of the engine's machine itself; the engine ignored its -p ${idle}:${port}/tcp`);
		expect(r.out).toMatch(new RegExp(`ok +something listens on (\\[::\\]|0\\.0\\.0\\.0):${port} on the engine's machine \\(all interfaces; host network; read from its /proc\\)`));
		expect(r.out).toMatch(new RegExp(`ok +127\\.0\\.0\\.1:${port} answers from this machine \\(open, [\\d.]+ ms\\)`));
		const d = JSON.parse((await doctor([name, String(port), '--json'])).out) as Diagnosis;
		expect(d.ok).toBe(true);
	});

	it('says nothing listens on a port of the machine, without listing the machine others', async () => {
		const r = await doctor([name, String(idle)]);
		expect(r.code).toBe(1);
		expect(r.out).toContain(`FAIL  nothing listens on ${idle}/tcp on the engine's machine (${name} uses the host network)`);
		expect(r.out).toContain('--    host side not probed: nothing to reach until the app listens');
	});
});
