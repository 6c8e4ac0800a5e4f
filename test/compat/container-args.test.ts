/**
 * Container arguments as users type them (empty, spaces, a leading slash, URL characters) given
 * to `dnet port` and to `docker port`: the same output, message and exit status. Where docker's
 * answer is an artefact of the engine cleaning URL paths (`.`, `..`, `/`: a JSON decoding error or
 * `page not found`; `a/../web`: the container web), dnet says `No such container` with docker's
 * exit status, and never acts on another container.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {portCommand} from '../../source/commands/port.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {recordingContext} from '../commands/support.js';
import {pool} from './support/pool.js';

const web = uniqueName('argweb');
// `${web}%32` must not reach `${web}2` (the engine would decode %32 into 2).
const web2 = `${web}2`;
const port = 21000 + Math.floor(Math.random() * 1000);

interface Case {
	args: string[];
	/** dnet's own answer where docker's is a URL artefact: stderr, exit status 1. */
	own?: string;
}

const cases: Case[] = [
	{args: ['']},
	{args: [' ']},
	{args: [` ${web} `]},
	{args: [`/${web}`]},
	{args: [`//${web}`]},
	{args: [`/${web}`, '5000']},
	{args: [`${web}?x`, '5000']},
	{args: [`${web}?x`]},
	{args: [`${web}%32`]},
	{args: [`${web}#x`]},
	{args: [`${web}/x`]},
	{args: ['a b']},
	{args: ['-']},
	{args: ['.'], own: 'No such container: .\n'},
	{args: ['..'], own: 'No such container: ..\n'},
	{args: ['/'], own: 'No such container: /\n'},
	{args: [`a/../${web}`], own: `No such container: a/../${web}\n`},
];

describe('container arguments: dnet port vs docker port', () => {
	let oracle: Array<{stdout: string; stderr: string; code: number}> = [];
	beforeAll(async () => {
		await dockerOk(['run', '-d', '--name', web, '-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
		await dockerOk(['run', '-d', '--name', web2, '-p', `127.0.0.1:${port + 1}:5000`, 'dnet/webapp']);
		oracle = await pool(cases, 6, (c) => docker(['port', ...c.args]));
	}, 120_000);
	afterAll(async () => {
		await removeContainers([web, web2]);
	});

	it.each(cases.map((c, i) => [JSON.stringify(c.args), i] as const))('dnet port %s', async (_label, i) => {
		const c = cases[i] as Case;
		const engine = privateEngine();
		try {
			const rec = recordingContext(() => engine);
			const code = await portCommand(c.args, rec.ctx);
			const expected = oracle[i] as {stdout: string; stderr: string; code: number};
			if (c.own === undefined) {
				expect({stdout: rec.stdout(), stderr: rec.stderr(), code}).toEqual(expected);
			} else {
				// docker exits 1 too, except for `a/../web`, where it shows web's ports.
				expect({stdout: rec.stdout(), stderr: rec.stderr(), code}).toEqual({stdout: '', stderr: c.own, code: 1});
			}
			expect(rec.stdout()).not.toContain(`${port + 1}`);
		} finally {
			engine.close();
		}
	});
});
