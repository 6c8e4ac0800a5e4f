/**
 * `dnet doctor` on a legacy link whose source was restarted with a new address (issue 16): the
 * recipient's `<ALIAS>_PORT_…_ADDR` and `/etc/hosts` still hold the old one. Private engine.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {doctorCommand} from '../../source/commands/doctor.js';
import type {Diagnosis} from '../../source/model/doctor/facts.js';
import {recordingContext} from '../commands/support.js';
import {dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';

const engine = privateEngine();
const source = uniqueName('doc-src');
const recipient = uniqueName('doc-rcp');
const filler = uniqueName('doc-filler');

async function doctor(name: string): Promise<{code: number; out: string; d: Diagnosis}> {
	const text = recordingContext(() => engine);
	const code = await doctorCommand([name], text.ctx);
	const json = recordingContext(() => engine);
	await doctorCommand([name, '--json'], json.ctx);
	return {code, out: text.stdout(), d: JSON.parse(json.stdout()) as Diagnosis};
}

const ipOf = async (name: string): Promise<string> => (await dockerOk(['inspect', '-f', '{{.NetworkSettings.Networks.bridge.IPAddress}}', name])).trim();

beforeAll(async () => {
	await dockerOk(['run', '-d', '--name', source, 'dnet/webapp']);
	await dockerOk(['run', '-d', '--name', recipient, '--link', `${source}:db`, 'dnet/webapp']);
}, 60_000);
afterAll(async () => {
	await removeContainers([recipient, source, filler]);
	engine.close();
});

describe('dnet doctor on links', () => {
	it('finds the link fresh, then stale once the source has a new address', async () => {
		const fresh = await doctor(recipient);
		expect(fresh.out).toMatch(new RegExp(`ok +${recipient}'s link ${source}:db: env and /etc/hosts match ${source}'s address ${(await ipOf(source)).replaceAll('.', '\\.')}`));
		const oldIp = await ipOf(source);
		await dockerOk(['stop', source]);
		// Another container takes the old address; the source comes back on a new one.
		await dockerOk(['run', '-d', '--name', filler, 'dnet/webapp']);
		await dockerOk(['start', source]);
		const newIp = await ipOf(source);
		expect(newIp).not.toBe(oldIp);
		for (const name of [recipient, source]) {
			const stale = await doctor(name);
			expect(stale.code).toBe(1);
			const link = stale.d.links.find((c) => c.text.startsWith(`${recipient}'s link ${source}:db`));
			expect(link?.verdict).toBe('FAIL');
			expect(link?.text).toContain(`DB_PORT_5000_TCP_ADDR=${oldIp}`);
			expect(link?.text).toContain(`but ${source} is at ${newIp} now (stale)`);
			expect(link?.fix).toBe(`restart ${recipient} so the engine writes the current address (R on it in dnet, or docker restart ${recipient})`);
		}
		// The fix works: a restart of the recipient rewrites its env and hosts.
		await dockerOk(['restart', '-t', '1', recipient]);
		const fixed = await doctor(recipient);
		expect(fixed.d.links.map((c) => c.verdict)).toEqual(['ok']);
	});
});
