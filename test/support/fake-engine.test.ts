/** The shared fake engine runs the operations in memory the way the real engine does (checked in test/engine). */
import {describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/engine.js';
import {createAndStart, CreateError} from '../../source/operations/create.js';
import {checkPortConflicts} from '../../source/operations/port-conflicts.js';
import {changePorts} from '../../source/operations/ports.js';
import {moveLinkToNetwork} from '../../source/operations/links.js';
import {detailsOf, FakeEngine, summary} from './fake-engine.js';

const spec = {name: 'web2', image: 'dnet/webapp', command: [], publish: ['127.0.0.1:8080:5000'], publishAll: false, expose: [], links: ['db:pg'], autoRemove: false, dryRun: false};

describe('FakeEngine', () => {
	it('recreates a container for a port change: new id, same name, the backup removed', async () => {
		const web = summary('web');
		const e = new FakeEngine([web, summary('db')]);
		e.details.set(web.id, detailsOf(web, {portBindings: {'5000/tcp': [{hostIp: '', hostPort: '8080'}]}, ports: {'5000/tcp': [{hostIp: '0.0.0.0', hostPort: '8080'}]}}));
		const change = await changePorts(e, 'web', {kind: 'unpublish', ports: ['5000/tcp']});
		expect(change.after.name).toBe('web');
		expect(change.after.portBindings).toEqual({});
		expect(e.containers.map((c) => c.name).sort()).toEqual(['db', 'web']);
		expect(e.done[0]).toMatch(/^rename id-web web-dnet-backup-\d+$/);
		expect(e.done.slice(1)).toEqual(['create web', 'stop id-web', 'start web', 'remove web-dnet-backup-' + e.done[0]?.split('-').at(-1)]);
		expect(change.diff).toEqual(['- 5000/tcp -> 0.0.0.0:8080']);
	});

	it('creates and starts, records the body, and removes what cannot start', async () => {
		const e = new FakeEngine([summary('db')]);
		expect(await createAndStart(e, spec)).toEqual({id: 'id-new-1', name: 'web2'});
		expect(e.created[0]?.body['HostConfig']).toMatchObject({Links: ['db:pg'], PortBindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: '8080'}]}});
		expect((await e.inspectContainer('web2')).links).toEqual([{source: 'db', alias: 'pg'}]);
		e.startError = new EngineError('server', 'port is already allocated', undefined, 500);
		const failure = await createAndStart(e, {...spec, name: null}).catch((error: unknown) => error);
		expect(failure).toMatchObject({stage: 'start', cleanup: null});
		expect(failure).toBeInstanceOf(CreateError);
		expect(e.done.slice(-2)).toEqual(['create fake_name_2', 'remove fake_name_2']);
	});

	it('follows a rename in the links that point at it, and removes a stopped --rm container', async () => {
		const e = new FakeEngine([summary('db'), summary('web', {links: [{source: 'db', alias: 'db'}]})]);
		e.details.set('id-db', detailsOf(summary('db'), {autoRemove: true}));
		await e.renameContainer('db', 'pg');
		expect((await e.inspectContainer('web')).links).toEqual([{source: 'pg', alias: 'db'}]);
		await e.stopContainer('pg');
		expect(e.containers.map((c) => c.name)).toEqual(['web']);
		await expect(e.removeContainer('web')).rejects.toMatchObject({kind: 'conflict'});
		await expect(e.inspectContainer('pg')).rejects.toMatchObject({kind: 'not-found'});
	});

	it('moves a link to a network: connect, recreate on it', async () => {
		const e = new FakeEngine([summary('cache'), summary('web', {links: [{source: 'cache', alias: 'cache'}]})]);
		const move = await moveLinkToNetwork(e, 'web', 'cache', 'web-cache');
		expect(move.createdNetwork).toBe(true);
		expect(e.done).toContain('network connect web-cache cache --alias cache');
		expect((await e.inspectContainer('web')).links).toEqual([]);
		expect((await e.inspectNetwork('web-cache')).containers.map((m) => m.name).sort()).toEqual(['cache', 'web']);
	});

	it('finds conflicts with another container, with a suggestion, listing containers once', async () => {
		const db = summary('db', {ports: [{ip: '0.0.0.0', privatePort: 5432, publicPort: 8080, type: 'tcp'}, {ip: '0.0.0.0', privatePort: 5433, publicPort: 8081, type: 'tcp'}]});
		const e = new FakeEngine([db, summary('web')]);
		const notes = await checkPortConflicts(e, 'id-web', {'5000/tcp': [{HostIp: '', HostPort: '8080'}], '6000/tcp': [{HostIp: '', HostPort: '8082'}]});
		expect(notes).toEqual([
			{message: '0.0.0.0:8080/tcp is already published by container db', containerPort: '5000/tcp', hostIp: '', hostPort: 8080, protocol: 'tcp', heldBy: 'db', suggestion: 8083},
		]);
		expect(e.calls.filter((c) => c === 'list')).toHaveLength(1);
	});
});
