/**
 * `dnet port` against `docker port`, byte for byte (stdout, stderr, exit status), on containers of
 * the private engine with many binding shapes, a stopped container and a missing one.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {portCommand} from '../../source/commands/port.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {recordingContext} from '../commands/support.js';
import {pool} from './support/pool.js';

// Below the ephemeral and the engine's random range (32768+), random per run to avoid stale bindings.
const base = 20000 + Math.floor(Math.random() * 100) * 100;
const p = (n: number): number => base + n;
const shapes: Array<{label: string; args: string[]; start: boolean; ports: string[]}> = [
	{label: 'all', args: ['-P', '--expose', '6000-6002'], start: true, ports: ['5000', '6001/tcp', '6002/udp']},
	{label: 'mixed', args: ['-p', `${p(0)}:5000`, '-p', `127.0.0.1:${p(1)}:5000/udp`, '-p', `[::1]:${p(2)}:5000`, '--expose', '9999'], start: true, ports: ['5000', '5000/udp', '5000/TCP', '5000/', '9999', '/udp', 'abc', '70000', '65535', '0']},
	{label: 'ranges', args: ['-p', `127.0.0.9:${p(3)}-${p(5)}:${p(3)}-${p(5)}/udp`, '-p', `127.0.0.10:${p(6)}:80`, '-p', `127.0.0.9:${p(11)}:80`, '-p', `${p(7)}-${p(9)}:8080`], start: true, ports: [`${p(4)}/udp`, '80', '8080', `${p(4)}`]},
	{label: 'stopped', args: ['-p', `${p(10)}:5000`, '--expose', '7000/sctp'], start: false, ports: ['5000', '7000/sctp']},
	{label: 'bare', args: [], start: true, ports: ['5000']},
];
const names = shapes.map((s) => uniqueName(`port-${s.label}`));

const cases: string[][] = [];
shapes.forEach((shape, i) => {
	const name = names[i] as string;
	cases.push([name], [name, ''], ...shape.ports.map((port) => [name, port]));
});
cases.push(['dnet-no-such-container'], ['dnet-no-such-container', '80'], [], [names[0] as string, '1', '2'], ['-x', names[0] as string], ['--foo'], [names[1] as string, '--', '5000']);

describe('dnet port vs docker port', () => {
	let oracle: Array<{stdout: string; stderr: string; code: number}> = [];
	beforeAll(async () => {
		await Promise.all(shapes.map((s, i) => dockerOk([s.start ? 'run' : 'create', ...(s.start ? ['-d'] : []), '--name', names[i] as string, ...s.args, 'dnet/webapp'])));
		oracle = await pool(cases, 8, (args) => docker(['port', ...args]));
	}, 120_000);
	afterAll(async () => {
		await removeContainers(names);
	});

	it.each(cases.map((args, i) => [args.join(' ') || '(no args)', i] as const))('dnet port %s', async (_label, i) => {
		const engine = privateEngine();
		try {
			const rec = recordingContext(() => engine);
			const code = await portCommand(cases[i] as string[], rec.ctx);
			const expected = oracle[i] as {stdout: string; stderr: string; code: number};
			// Usage texts name the program: docker's words with dnet's name.
			const named = (text: string) => text.replaceAll('docker', 'dnet');
			expect({stdout: rec.stdout(), stderr: rec.stderr(), code}).toEqual({stdout: expected.stdout, stderr: named(expected.stderr), code: expected.code});
		} finally {
			engine.close();
		}
	});
});
