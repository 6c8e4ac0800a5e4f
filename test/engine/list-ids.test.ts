/**
 * `listContainers(all, ids)`: the rows of those containers only, as the live list patches them
 * (app/live.ts), against the real private engine with `docker ps --filter id=` as the oracle.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';

const engine = privateEngine();
const db = uniqueName('db');
const web = uniqueName('web');
const other = uniqueName('other');
const ids: Record<string, string> = {};

beforeAll(async () => {
	ids[db] = (await dockerOk(['run', '-d', '--name', db, 'dnet/webapp'])).trim();
	ids[web] = (await dockerOk(['create', '--name', web, '--link', `${db}:database`, '-p', '127.0.0.1::5000', 'dnet/webapp'])).trim();
	ids[other] = (await dockerOk(['create', '--name', other, 'dnet/webapp'])).trim();
}, 60_000);

afterAll(async () => {
	await removeContainers([web, other, db]);
	engine.close();
});

describe('listContainers with ids', () => {
	it('lists only those containers, stopped ones included with all', async () => {
		const list = await engine.listContainers(true, [ids[web] as string, ids[other] as string]);
		expect(list.map((c) => c.name).sort()).toEqual([other, web].sort());
		const oracle = (await dockerOk(['ps', '-a', '--no-trunc', '--filter', `id=${ids[web]}`, '--format', '{{.ID}} {{.Status}}'])).trim();
		expect(`${list.find((c) => c.name === web)?.id} ${list.find((c) => c.name === web)?.status}`).toBe(oracle);
	});

	it('running only without all', async () => {
		const list = await engine.listContainers(false, [ids[web] as string, ids[db] as string]);
		expect(list.map((c) => c.name)).toEqual([db]);
	});

	it("holds a row's links only when its source is among them (links are read from the source's names)", async () => {
		const alone = await engine.listContainers(true, [ids[web] as string]);
		expect(alone[0]?.links).toEqual([]);
		const both = await engine.listContainers(true, [ids[web] as string, ids[db] as string]);
		expect(both.find((c) => c.name === web)?.links).toEqual([{source: db, alias: 'database'}]);
		const whole = await engine.listContainers(true);
		expect(whole.find((c) => c.name === web)?.links).toEqual([{source: db, alias: 'database'}]);
	});

	it('an id that no longer exists lists nothing', async () => {
		expect(await engine.listContainers(true, ['0'.repeat(64)])).toEqual([]);
	});
});
