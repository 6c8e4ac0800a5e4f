/**
 * Every command's container argument reaches the engine as typed (escaped in one place, see
 * source/engine/refs.ts): `web%32` is not `web2`, `web?x` is not `web`, an empty or `..` argument
 * is a clear message. Each failure exits 1 with one line and leaves every container as it was.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {linkCommand} from '../../source/commands/link.js';
import {linksCommand} from '../../source/commands/links.js';
import {portCommand} from '../../source/commands/port.js';
import {publishCommand} from '../../source/commands/publish.js';
import {unlinkCommand} from '../../source/commands/unlink.js';
import {unpublishCommand} from '../../source/commands/unpublish.js';
import type {Command} from '../../source/commands/context.js';
import type {DockerEngine} from '../../source/engine/docker-engine.js';
import {dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {recordingContext} from './support.js';

const web = uniqueName('cmdweb');
const web2 = `${web}2`;
let engine: DockerEngine;
let ids: string;

const state = (): Promise<string> => dockerOk(['inspect', '-f', '{{.Id}} {{.State.Status}} {{json .HostConfig.PortBindings}} {{json .HostConfig.Links}}', web, web2]);

beforeAll(async () => {
	engine = privateEngine();
	await dockerOk(['run', '-d', '--name', web, 'dnet/webapp']);
	await dockerOk(['run', '-d', '--name', web2, '--link', `${web}:db`, 'dnet/webapp']);
	ids = await state();
}, 60_000);

afterAll(async () => {
	await removeContainers([web, web2]);
	engine.close();
});

const cases: Array<[string, Command, string[], string]> = [
	['publish', publishCommand, [`${web}%32`, '127.0.0.1:8080:5000'], `dnet: Error response from daemon: No such container: ${web}%32\n`],
	['publish', publishCommand, [`${web}?x`, '127.0.0.1:8080:5000'], `dnet: Error response from daemon: No such container: ${web}?x\n`],
	['publish', publishCommand, ['', '127.0.0.1:8080:5000'], 'dnet: invalid container name or ID: value is empty\n'],
	['publish', publishCommand, ['..', '127.0.0.1:8080:5000'], 'dnet: No such container: ..\n'],
	['unpublish', unpublishCommand, [`${web}%32`, '5000'], `dnet: Error response from daemon: No such container: ${web}%32\n`],
	['unpublish', unpublishCommand, [' ', '5000'], 'dnet: invalid container name or ID: value is empty\n'],
	['links', linksCommand, [`${web}%32`], `dnet: Error response from daemon: No such container: ${web}%32\n`],
	['links', linksCommand, ['.'], 'dnet: No such container: .\n'],
	['link', linkCommand, [`${web}%32`, `${web}:x`], `dnet: no such recipient container: ${web}%32\n`],
	['link', linkCommand, ['', `${web}:x`], 'dnet: invalid container name or ID: value is empty\n'],
	['unlink', unlinkCommand, [`${web}%32`, 'db'], `dnet: no such recipient container: ${web}%32\n`],
	['unlink', unlinkCommand, ['/', 'db'], 'dnet: no such recipient container: /\n'],
	['port', portCommand, [`${web}%32`], `Error response from daemon: No such container: ${web}%32\n`],
];

describe('container arguments of every command', () => {
	it.each(cases.map((c, i) => [`${c[0]} ${JSON.stringify(c[2])}`, i] as const))('dnet %s', async (_label, i) => {
		const [, command, args, stderr] = cases[i] as (typeof cases)[number];
		const rec = recordingContext(() => engine);
		const code = await command(args, rec.ctx);
		expect({stdout: rec.stdout(), stderr: rec.stderr(), code}).toEqual({stdout: '', stderr, code: 1});
		expect(await state()).toBe(ids);
	});

	it('reads /name and surrounding spaces as docker does', async () => {
		const rec = recordingContext(() => engine);
		expect(await linksCommand([` /${web2} `], rec.ctx)).toBe(0);
		expect(rec.stdout()).toBe(`${web2} --db--> ${web}\n`);
		expect(rec.stderr()).toBe('');
	});
});
