/**
 * The recreate transaction against the real private engine: the whole configuration survives
 * (compared field by field with the engine's inspect), volumes keep their data, containers that
 * link to the recreated one are re-linked.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DockerEngine} from '../../source/engine/docker-engine.js';
import {findBackups, recreate} from '../../source/operations/recreate/index.js';
import {docker, dockerOk, privateEngine, uniqueName} from '../support/engine.js';
import {configOf, diffPaths, freePort, inspect, removeWithVolumes} from './recreate-support.js';

const subnet = 200 + (process.pid % 50);
const netA = uniqueName('neta');
const netB = uniqueName('netb');
const vol = uniqueName('vol');
const db = uniqueName('db');
const subject = uniqueName('subject');
const client = uniqueName('client');
const ephemeral = uniqueName('rm');
const names = [client, subject, ephemeral, db];
let engine: DockerEngine;
let bindDir: string;

/** Differing paths cut to `Section.Field`. */
const fields = (paths: string[]): string[] => [...new Set(paths.map((p) => p.split('.').slice(0, 2).join('.')))].sort();

const PORT_FIELDS = ['HostConfig.PortBindings', 'HostConfig.PublishAllPorts'];

beforeAll(async () => {
	engine = privateEngine();
	bindDir = mkdtempSync(path.join(tmpdir(), 'dnet-recreate-'));
	writeFileSync(path.join(bindDir, 'bound.txt'), 'from the host\n');
	await dockerOk(['network', 'create', '--subnet', `10.250.${subnet}.0/24`, netA]);
	await dockerOk(['network', 'create', netB]);
	await dockerOk(['run', '-d', '--name', db, 'dnet/postgres']);
	await dockerOk([
		'run', '-d', '--name', subject,
		'-e', 'A=1', '-e', 'B=two words',
		'-l', 'team=net', '-l', 'x.y=z',
		'-v', `${vol}:/data`, '-v', '/anon', '-v', `${bindDir}:/bind:ro`,
		'--restart', 'on-failure:3', '--link', `${db}:pg`,
		'-w', '/tmp', '-u', '0:0', '--entrypoint', '/bin/sh', '-h', 'myhost', '--dns', '10.250.0.53', '--cap-add', 'NET_ADMIN',
		'-P', 'dnet/webapp', '-c', 'exec webapp',
	]);
	await dockerOk(['network', 'connect', '--ip', `10.250.${subnet}.9`, '--alias', 'api', '--alias', 'api2', netA, subject]);
	await dockerOk(['network', 'connect', '--alias', 'b-side', netB, subject]);
	await dockerOk(['run', '-d', '--name', client, '--link', `${subject}:app`, 'dnet/webapp']);
	await dockerOk(['run', '-d', '--rm', '--name', ephemeral, '--network', netA, '--ip', `10.250.${subnet}.20`,
		'--network-alias', 'eph', '--link', `${db}:pg`, '-v', '/anon2', '-h', 'ephhost', 'dnet/webapp']);
	await dockerOk(['exec', subject, 'sh', '-c', 'echo kept > /anon/file; echo named > /data/file']);
	await dockerOk(['exec', ephemeral, 'sh', '-c', 'echo kept2 > /anon2/file']);
});

afterAll(async () => {
	const backups = (await findBackups(engine)).filter((b) => names.includes(b.originalName)).map((b) => b.name);
	await removeWithVolumes(engine, [...names, ...backups], docker);
	await docker(['network', 'rm', netA, netB]);
	await docker(['volume', 'rm', vol]);
	rmSync(bindDir, {recursive: true, force: true});
	engine.close();
});

describe('recreate', () => {
	it('keeps every setting of a container made with many flags; only the port fields change', async () => {
		const port = await freePort();
		const before = await inspect(engine, subject);
		const clientBefore = await inspect(engine, client);
		const result = await recreate(engine, subject, {
			PublishAllPorts: false,
			PortBindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: String(port)}]},
		});
		expect(result.warnings).toEqual([]);
		expect(result.relinked).toEqual([client]);
		const after = await inspect(engine, subject);
		expect(after['Id']).toBe(result.newId);
		expect(after['Id']).not.toBe(before['Id']);
		const anon = ((before['Mounts'] as Array<Record<string, string>>).find((m) => m['Destination'] === '/anon') ?? {})['Name'];
		const a = configOf(before);
		const b = configOf(after);
		// Anonymous volumes can only be re-attached by name: they appear in Binds of the new one.
		expect((b['HostConfig'] as {Binds: string[]}).Binds).toEqual([...(a['HostConfig'] as {Binds: string[]}).Binds, `${anon}:/anon`]);
		expect(fields(diffPaths(a, b))).toEqual([...PORT_FIELDS, 'HostConfig.Binds'].sort());
		expect((after['Config'] as {Labels: Record<string, string>}).Labels['dnet.recreate.from']).toBe(before['Id']);
		expect(await dockerOk(['port', subject])).toBe(`5000/tcp -> 127.0.0.1:${port}\n`);
		expect(await dockerOk(['exec', subject, 'cat', '/anon/file', '/data/file', '/bind/bound.txt'])).toBe(
			'kept\nnamed\nfrom the host\n',
		);
		// The container that linked to the old one links to the new one, and can restart.
		const clientAfter = await inspect(engine, client);
		expect(diffPaths(configOf(clientBefore), configOf(clientAfter))).toEqual([]);
		expect((clientAfter['HostConfig'] as {Links: string[]}).Links).toEqual([`/${subject}:/${client}/app`]);
		await dockerOk(['restart', '-t', '1', client]);
		const bridgeIp = (after['NetworkSettings'] as {Networks: Record<string, {IPAddress: string}>}).Networks['bridge']?.IPAddress;
		expect(await dockerOk(['exec', client, 'sh', '-c', 'echo $APP_PORT'])).toBe(`tcp://${bridgeIp}:5000\n`);
		expect((await findBackups(engine)).filter((x) => x.originalName === subject)).toEqual([]);
		expect((await docker(['inspect', String(before['Id'])])).code).not.toBe(0);
	});

	it('keeps an --rm container on a user network with a static IP, alias, link and anonymous volume', async () => {
		const before = await inspect(engine, ephemeral);
		const result = await recreate(engine, ephemeral, {PortBindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: ''}]}});
		const after = await inspect(engine, ephemeral);
		expect(result.warnings).toEqual([]);
		const anon = ((before['Mounts'] as Array<Record<string, string>>).find((m) => m['Destination'] === '/anon2') ?? {})['Name'];
		const diff = fields(diffPaths(configOf(before), configOf(after)));
		expect(diff).toEqual(['HostConfig.Binds', 'HostConfig.PortBindings']);
		expect((after['HostConfig'] as {Binds: string[]; AutoRemove: boolean}).Binds).toEqual([`${anon}:/anon2`]);
		expect((after['HostConfig'] as {AutoRemove: boolean}).AutoRemove).toBe(true);
		const ep = (after['NetworkSettings'] as {Networks: Record<string, {IPAddress: string; Aliases: string[]}>}).Networks[netA];
		expect(ep?.IPAddress).toBe(`10.250.${subnet}.20`);
		expect(ep?.Aliases).toContain('eph');
		expect(await dockerOk(['exec', ephemeral, 'cat', '/anon2/file'])).toBe('kept2\n');
		expect(await dockerOk(['port', ephemeral])).toMatch(/^5000\/tcp -> 127\.0\.0\.1:\d+\n$/);
	});
});
