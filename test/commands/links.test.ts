/**
 * `dnet link`, `dnet unlink`, `dnet links` and the move of a link to a user-defined network,
 * against the real private engine. The oracle is the recipient itself: `env` and `/etc/hosts`
 * read with `docker exec` must match dnet's preview exactly. After each case no container is lost.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {linkCommand} from '../../source/commands/link.js';
import {linksCommand, type LinkJson} from '../../source/commands/links.js';
import {unlinkCommand} from '../../source/commands/unlink.js';
import type {DockerEngine} from '../../source/engine/docker-engine.js';
import {moveLinkToNetwork} from '../../source/operations/links.js';
import {docker, dockerOk, privateEngine, uniqueName} from '../support/engine.js';
import {removeWithVolumes} from '../engine/recreate-support.js';
import {recordingContext} from './support.js';

const subnet = 10 + (process.pid % 200);
const db = uniqueName('db');
const web = uniqueName('web');
const other = uniqueName('other');
const stopped = uniqueName('stopped');
const isolated = uniqueName('isolated');
const lateSource = uniqueName('late');
const lateRecipient = uniqueName('laterecip');
const userNet = uniqueName('usernet');
const moveNet = uniqueName('movenet');
const names = [web, db, other, stopped, isolated, lateRecipient, lateSource];
let engine: DockerEngine;

const ctx = () => recordingContext(() => engine);
const idOf = async (name: string): Promise<string> => (await dockerOk(['inspect', '-f', '{{.Id}}', name])).trim();

/** Name → state of this file's containers, and any backup left behind. */
async function states(): Promise<Record<string, string>> {
	const out = await dockerOk(['ps', '-a', '--format', '{{.Names}} {{.State}}']);
	const mine = out.trim().split('\n').filter((l) => names.some((n) => l.startsWith(`${n} `) || l.startsWith(`${n}-dnet-backup-`)));
	return Object.fromEntries(mine.map((l) => l.split(' ') as [string, string]));
}

const EXPECTED_STATES = {
	[web]: 'running', [db]: 'running', [other]: 'running', [stopped]: 'created', [isolated]: 'running',
	[lateSource]: 'exited', [lateRecipient]: 'created',
};

beforeAll(async () => {
	engine = privateEngine();
	await dockerOk(['network', 'create', '--subnet', `10.251.${subnet}.0/24`, userNet]);
	await dockerOk(['run', '-d', '--name', db, '-e', 'FOO=bar', '-e', 'X=a=b', '--expose', '5432', '--expose', '53/udp', '--expose', '7000-7001', '--expose', '8000-8002', 'dnet/postgres']);
	await dockerOk(['run', '-d', '--name', web, '-e', 'KEEP=me', 'dnet/webapp']);
	await dockerOk(['run', '-d', '--name', other, 'dnet/webapp']);
	await dockerOk(['create', '--name', stopped, 'dnet/postgres']);
	await dockerOk(['run', '-d', '--name', isolated, '--network', userNet, 'dnet/webapp']);
	await dockerOk(['run', '-d', '--name', lateSource, 'dnet/postgres']);
	await dockerOk(['create', '--name', lateRecipient, '--link', `${lateSource}:late`, 'dnet/webapp']);
	await dockerOk(['stop', '-t', '1', lateSource]);
	await dockerOk(['stop', '-t', '1', stopped]).catch(() => undefined);
}, 120_000);

afterAll(async () => {
	const leftovers = Object.keys(await states());
	await removeWithVolumes(engine, [...new Set([...names, ...leftovers])], docker);
	await docker(['network', 'rm', userNet, moveNet]);
	engine.close();
});

/** The lines of `env` inside `name` that start with `prefix`, sorted. */
async function envOf(name: string, prefix: string): Promise<string[]> {
	return (await dockerOk(['exec', name, 'env'])).split('\n').filter((l) => l.startsWith(prefix)).sort();
}

/** The /etc/hosts lines inside `name` that name `alias`. */
async function hostsOf(name: string, alias: string): Promise<string[]> {
	return (await dockerOk(['exec', name, 'cat', '/etc/hosts'])).split('\n').filter((l) => l.split(/\s+/).slice(1).includes(alias));
}

describe('dnet link / unlink on the real engine', () => {
	it('dnet link web db:db: the env vars and hosts line inside web match the preview exactly', async () => {
		const oldId = await idOf(web);
		const rec = ctx();
		expect(await linkCommand([web, `${db}:db`], rec.ctx)).toBe(0);
		expect(rec.stderr()).toBe('');
		const out = rec.stdout().split('\n');
		const envStart = out.indexOf('env:');
		const hostsStart = out.indexOf('/etc/hosts:');
		const previewEnv = out.slice(envStart + 1, hostsStart).map((l) => l.trim());
		const previewHosts = out.slice(hostsStart + 1).filter((l) => l.startsWith('  ')).map((l) => l.slice(2));
		expect(out[0]).toBe(`${web} --db--> ${db}`);
		expect(previewEnv).toContain('DB_ENV_X=a=b');
		expect(previewEnv.some((v) => v.startsWith('DB_PORT_53_UDP='))).toBe(true);
		expect(previewEnv.some((v) => v.startsWith('DB_PORT_7001_TCP_PROTO=tcp'))).toBe(true);
		expect(previewEnv.some((v) => v.startsWith('DB_PORT_8000_TCP_PORT_END=8002'))).toBe(true);
		expect(await envOf(web, 'DB_')).toEqual([...previewEnv].sort());
		expect(await hostsOf(web, 'db')).toEqual(previewHosts);
		expect(previewHosts).toHaveLength(1);
		expect(await idOf(web)).not.toBe(oldId);
		expect(await envOf(web, 'KEEP=')).toEqual(['KEEP=me']);
		expect(await states()).toEqual(EXPECTED_STATES);
	});

	it('refuses a second link with the same alias, leaving web as it was', async () => {
		const id = await idOf(web);
		const rec = ctx();
		expect(await linkCommand([web, `${other}:db`], rec.ctx)).toBe(1);
		expect(rec.stderr()).toMatch(/^dnet: cannot link .*: the alias db is already used for a link to /);
		expect(await idOf(web)).toBe(id);
		expect(await states()).toEqual(EXPECTED_STATES);
	});

	it('refuses a stopped source, a missing source and a source only on a user network', async () => {
		const id = await idOf(web);
		const cases: Array<[string, RegExp]> = [
			[`${stopped}:s`, /is not running \(the engine says: Cannot link to a non running container\)/],
			[`${uniqueName('missing')}:m`, /^dnet: no such source container: /],
			[`${isolated}:i`, /is not on the default bridge network/],
		];
		for (const [spec, message] of cases) {
			const rec = ctx();
			expect(await linkCommand([web, spec], rec.ctx)).toBe(1);
			expect(rec.stderr()).toMatch(message);
		}
		expect(await idOf(web)).toBe(id);
		expect(await states()).toEqual(EXPECTED_STATES);
	});

	it('rejects bad syntax with exit 125 before touching the engine', async () => {
		const rec = recordingContext(() => {
			throw new Error('the engine must not be used');
		});
		expect(await linkCommand([web, 'a:b:c'], rec.ctx)).toBe(125);
		expect(await linkCommand([web, 'db:-x'], rec.ctx)).toBe(125);
		expect(await linkCommand([web, '--bogus', 'db'], rec.ctx)).toBe(125);
	});

	it('dnet links lists every link, flags broken ones, and filters by container', async () => {
		const rec = ctx();
		expect(await linksCommand(['--json'], rec.ctx)).toBe(0);
		const all = JSON.parse(rec.stdout()) as LinkJson[];
		expect(all).toContainEqual({recipient: web, alias: 'db', source: db, broken: false, problems: []});
		expect(all).toContainEqual({recipient: lateRecipient, alias: 'late', source: lateSource, broken: true, problems: ['source-stopped']});
		const one = ctx();
		expect(await linksCommand([db], one.ctx)).toBe(0);
		expect(one.stdout()).toBe(`${web} --db--> ${db}\n`);
		const late = ctx();
		expect(await linksCommand([lateRecipient], late.ctx)).toBe(0);
		expect(late.stdout()).toBe(`${lateRecipient} --late--> ${lateSource}  [broken: source stopped]\n`);
	});

	it('dnet unlink web db removes the env vars and the hosts line', async () => {
		const rec = ctx();
		expect(await unlinkCommand([web, 'db'], rec.ctx)).toBe(0);
		expect(rec.stdout()).toMatch(new RegExp(`^- ${web} --db--> ${db}\n${web} recreated: [0-9a-f]{64}\n$`));
		expect(await envOf(web, 'DB_')).toEqual([]);
		expect(await hostsOf(web, 'db')).toEqual([]);
		const again = ctx();
		expect(await unlinkCommand([web, 'db'], again.ctx)).toBe(1);
		expect(again.stderr()).toMatch(/has no link named db/);
		expect(await states()).toEqual(EXPECTED_STATES);
	});

	it('moves a link to a user-defined network: web then resolves the alias by DNS', async () => {
		const rec = ctx();
		expect(await linkCommand([web, `${db}:pg`], rec.ctx)).toBe(0);
		expect(await envOf(web, 'PG_NAME=')).toEqual([`PG_NAME=/${web}/pg`]);
		const move = await moveLinkToNetwork(engine, web, 'pg', moveNet);
		expect(move.createdNetwork).toBe(true);
		expect(move.envRemoved).toContain(`PG_NAME=/${web}/pg`);
		expect(move.changes.join('\n')).toMatch(/resolves pg by DNS/);
		expect(await envOf(web, 'PG_')).toEqual([]);
		expect(await hostsOf(web, 'pg')).toEqual([]);
		const dbIp = (await dockerOk(['inspect', '-f', `{{(index .NetworkSettings.Networks "${moveNet}").IPAddress}}`, db])).trim();
		expect(dbIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
		const ping = await docker(['exec', web, 'ping', '-c', '1', '-W', '2', 'pg']);
		expect(ping.stdout).toContain(`PING pg (${dbIp})`);
		expect(ping.code).toBe(0);
		const links = ctx();
		expect(await linksCommand([web], links.ctx)).toBe(0);
		expect(links.stdout()).toBe('');
		expect(await states()).toEqual(EXPECTED_STATES);
	});
});
