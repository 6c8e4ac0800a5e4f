/** The shared fake engine runs the operations in memory the way the real engine does (checked in test/engine). */
import {describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/engine.js';
import {createAndStart, CreateError} from '../../source/operations/create.js';
import {checkPortConflicts} from '../../source/operations/port-conflicts.js';
import {changePorts} from '../../source/operations/ports.js';
import {PortConflictError} from '../../source/operations/recreate/index.js';
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
		expect(e.done[0]).toMatch(/^rename web web-dnet-backup-\d+$/);
		expect(e.done.slice(1)).toEqual(['create web', 'stop id-web', 'start web', 'remove web-dnet-backup-' + e.done[0]?.split('-').at(-1)]);
		expect(change.diff).toEqual(['- 5000/tcp -> 0.0.0.0:8080']);
	});

	it('unpublish drops the exposure only a -p made, by the image\'s own EXPOSEs (inspectImage)', async () => {
		const web = summary('web');
		const e = new FakeEngine([web]);
		e.imageExposed.set('sha256:abc', ['5000/tcp']);
		e.details.set(web.id, detailsOf(web, {exposedPorts: ['5000/tcp', '6000/tcp'], portBindings: {'5000/tcp': [{hostIp: '', hostPort: '8080'}], '6000/tcp': [{hostIp: '', hostPort: '8081'}]}}));
		const change = await changePorts(e, 'web', {kind: 'unpublish', ports: ['5000/tcp', '6000/tcp']});
		expect(change.after.exposedPorts).toEqual(['5000/tcp']);
		expect(e.calls).toContain('image inspect sha256:abc');
	});

	it('creates and starts, records the body, and removes what cannot start', async () => {
		const e = new FakeEngine([summary('db')]);
		expect(await createAndStart(e, spec)).toEqual({id: 'id-new-1', name: 'web2', warnings: [], engineWarnings: []});
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
			{message: '0.0.0.0:8080/tcp is already published by container db', containerPort: '5000/tcp', hostIp: '', hostPort: 8080, protocol: 'tcp', heldBy: 'db', holderRunning: true, suggestion: 8083},
		]);
		expect(e.calls.filter((c) => c === 'list')).toHaveLength(1);
	});

	describe('one conflict rule: a stopped container asking for the port is a warning', () => {
		const engineWithOldWeb = (): FakeEngine => {
			const old = summary('old-web', {state: 'exited', status: 'Exited (0) 1 minute ago'});
			const e = new FakeEngine([summary('web'), old]);
			e.details.set(old.id, detailsOf(old, {portBindings: {'5000/tcp': [{hostIp: '127.0.0.1', hostPort: '8000'}]}}));
			return e;
		};
		const message = '127.0.0.1:8000/tcp is also asked for by old-web (stopped): it could not start while this runs';

		it.each([['web', 'id-web'], ['a container not created yet', null]] as const)('checkPortConflicts for %s', async (_label, id) => {
			const e = engineWithOldWeb();
			const notes = await checkPortConflicts(e, id, {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: '8000'}]});
			expect(notes).toEqual([{message, containerPort: '5000/tcp', hostIp: '127.0.0.1', hostPort: 8000, protocol: 'tcp', heldBy: 'old-web', holderRunning: false, suggestion: 8001}]);
			// docker's default address ('') is every address: it collides with 127.0.0.1 too.
			const any = await checkPortConflicts(e, id, {'5000/tcp': [{HostIp: '', HostPort: '8000'}]});
			expect(any.map((n) => [n.heldBy, n.holderRunning, n.message])).toEqual([
				['old-web', false, '0.0.0.0:8000/tcp is also asked for by old-web (stopped): it could not start while this runs'],
			]);
			expect(await checkPortConflicts(e, id, {'5000/tcp': [{HostIp: '127.0.0.2', HostPort: '8000'}]})).toEqual([]);
		});

		it('the recreate goes on, with the warning', async () => {
			const e = engineWithOldWeb();
			const change = await changePorts(e, 'web', {kind: 'publish', bindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: '8000'}]}});
			expect(change.after.portBindings).toEqual({'5000/tcp': [{hostIp: '127.0.0.1', hostPort: '8000'}]});
			expect(change.result.warnings).toEqual([message]);
		});

		it('a running holder still refuses it, without the warning of a stopped one', async () => {
			const e = engineWithOldWeb();
			e.containers.push(summary('db', {ports: [{ip: '127.0.0.1', privatePort: 5432, publicPort: 8000, type: 'tcp'}]}));
			const failed = await changePorts(e, 'web', {kind: 'publish', bindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: '8000'}]}}).catch((error: unknown) => error);
			expect(failed).toBeInstanceOf(PortConflictError);
			expect((failed as PortConflictError).conflicts.map((c) => [c.heldBy, c.holderRunning])).toEqual([['db', true]]);
			expect(e.done).toEqual([]);
		});
	});
});
