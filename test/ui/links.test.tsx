import {afterEach, describe, expect, it} from 'vitest';
import {detailsOf, summary} from '../support/fake-engine.js';
import {NetFake, network} from '../support/net-fake.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

const bridge = (ip: string) => [{name: 'bridge', ipAddress: ip, gateway: '172.17.0.1', aliases: []}];

/** db (5432/tcp + 53/udp, POSTGRES_DB), web (already links cache as `cache`), cache, old (stopped), lonely (not on the bridge). */
function engine(): NetFake {
	const db = summary('db', {image: 'dnet/postgres', networks: bridge('172.17.0.3')});
	const web = summary('web', {links: [{source: 'cache', alias: 'cache'}], networks: bridge('172.17.0.2')});
	const cache = summary('cache', {networks: bridge('172.17.0.4')});
	const old = summary('old', {state: 'exited', status: 'Exited (0)', networks: bridge('')});
	const lonely = summary('lonely', {networks: [{name: 'app-net', ipAddress: '10.252.9.2', aliases: []}]});
	const e = new NetFake([cache, db, lonely, old, web]);
	e.details.set(db.id, detailsOf(db, {exposedPorts: ['5432/tcp', '53/udp'], env: ['POSTGRES_DB=app', 'PATH=/usr/bin'], hostname: 'dbhost'}));
	return e;
}

/** Lets Ink re-register the input handlers after a render (ink-select-input reads its cursor from them). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

/** Erases the field one key at a time, as a person does (each key sees the text the last one left). */
async function erase(r: Rendered): Promise<void> {
	while ((r.store.getState().field?.text ?? '') !== '') {
		const before = r.store.getState().field?.text ?? '';
		r.press('\u007f');
		await waitFor(() => expect(r.store.getState().field?.text).toBe(before.slice(0, -1)));
	}
}

async function start(e: NetFake, name: string): Promise<Rendered> {
	const r = renderApp(e, {columns: 120, rows: 32});
	app = r;
	await waitFor(() => expect(r.frame()).toContain(name));
	r.store.dispatch({type: 'select', id: `id-${name}`});
	await waitFor(() => expect(r.store.getState().selectedId).toBe(`id-${name}`));
	return r;
}

describe('link picker (l)', () => {
	it('lists bridge sources with stopped ones marked, previews env and hosts, refuses a duplicate alias, applies', async () => {
		const e = engine();
		const r = await start(e, 'web');
		r.press('l');
		await waitFor(() => expect(r.frame()).toContain('Link web to'));
		const f = r.frame();
		expect(f).toContain('db');
		expect(f).toContain('old  (stopped: start it first)');
		expect(f).toContain('Cannot link to a non running container');
		expect(f).not.toContain('lonely');
		expect(f).not.toMatch(/› web|\s{2}web\n/);
		r.press(KEY.down); // cache -> db
		await waitFor(() => expect(r.frame()).toMatch(/› db/));
		await settle();
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('/etc/hosts'));
		await waitFor(() => expect(r.frame()).toContain('172.17.0.3  db dbhost'));
		const review = r.frame();
		expect(review).toContain('Link web --db--> db');
		// Docker 20.10 rules for API 1.47: the lowest port is ALIAS_PORT.
		expect(review).toContain('DB_PORT=udp://172.17.0.3:53');
		expect(review).toContain('DB_PORT_5432_TCP=tcp://172.17.0.3:5432');
		expect(review).toContain('DB_PORT_53_UDP=udp://172.17.0.3:53');
		expect(review).toContain('DB_NAME=/web/db');
		expect(review).toContain('DB_ENV_POSTGRES_DB=app');
		expect(review).not.toContain('DB_ENV_PATH');
		// cache is already the alias of a link: typed again, it is refused with the reason.
		r.press('e');
		await waitFor(() => expect(r.frame()).toContain('alias>'));
		await erase(r);
		r.press('cache');
		await waitFor(() => expect(r.frame()).toContain('the alias cache is already used for a link to cache'));
		r.press(KEY.enter);
		expect(r.store.getState().field).not.toBeNull();
		await erase(r);
		r.press('pg');
		await waitFor(() => expect(r.store.getState().field?.text).toBe('pg'));
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('PG_PORT_5432_TCP=tcp://172.17.0.3:5432'));
		expect(r.frame()).toContain('172.17.0.3  pg dbhost db');
		r.press('y');
		await waitFor(() => expect(r.store.getState().notice?.text).toMatch(/^linked web --pg--> db: recreated web/));
		expect(e.created.at(-1)?.body['HostConfig']).toMatchObject({Links: ['cache:cache', 'db:pg']});
	});

	it('says why a running recipient cannot link to a stopped source, and a container off the bridge cannot link at all', async () => {
		const e = engine();
		const r = await start(e, 'web');
		r.press('l');
		await waitFor(() => expect(r.frame()).toContain('Link web to'));
		r.press(KEY.down);
		await waitFor(() => expect(r.frame()).toMatch(/› db/));
		await settle();
		r.press(KEY.down);
		await waitFor(() => expect(r.frame()).toMatch(/› old/));
		await settle();
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('refused: cannot link web to old: old is not running'));
		r.press('y');
		await waitFor(() => expect(r.store.getState().notice?.tone).toBe('error'));
		expect(e.created).toHaveLength(0);
		r.press('n');
		await waitFor(() => expect(r.frame()).toContain('Sources on the default bridge'));
		r.press(KEY.esc);
		await waitFor(() => expect(r.store.getState().screen).toBe('list'));
		r.store.dispatch({type: 'select', id: 'id-lonely'});
		r.press('l');
		await waitFor(() => expect(r.frame()).toContain('lonely is not on the default bridge network'));
	});
});

describe('link graph (L) and removing a link (x)', () => {
	it('shows every link, flags broken ones, removes one after confirming', async () => {
		const e = engine();
		e.containers.find((c) => c.name === 'db')!.links = [{source: 'gone', alias: 'g'}, {source: 'old', alias: 'o'}];
		const r = await start(e, 'web');
		r.press('L');
		await waitFor(() => expect(r.frame()).toContain('Links (3, 2 broken)'));
		const f = r.frame();
		expect(f).toContain('db --g--> gone  [broken: source missing]');
		expect(f).toContain('db --o--> old  [broken: source stopped]');
		expect(f).toContain('web --cache--> cache');
		r.press('G');
		r.press('x');
		await waitFor(() => expect(r.frame()).toContain('Remove the link web --cache--> cache?'));
		expect(r.frame()).toContain('no more CACHE_* env vars');
		r.press('y');
		await waitFor(() => expect(r.store.getState().notice?.text).toMatch(/^removed the link web --cache--> cache: recreated web/));
		expect(e.created.at(-1)?.body['HostConfig']).not.toHaveProperty('Links', ['cache:cache']);
	});

	it('is reachable from the command line (:links) and refused under --read-only for x', async () => {
		const e = engine();
		const r = renderApp(e, {columns: 120, rows: 32, readOnly: true});
		app = r;
		await waitFor(() => expect(r.frame()).toContain('web'));
		r.press(':links');
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('web --cache--> cache'));
		r.press('x');
		await waitFor(() => expect(r.store.getState().notice?.text).toContain('read-only'));
	});
});

describe('rename (r)', () => {
	it('validates the name, shows that links follow, renames after confirming', async () => {
		const e = engine();
		const r = await start(e, 'cache');
		r.press('r');
		await waitFor(() => expect(r.frame()).toContain('Rename cache (docker rename)'));
		expect(r.frame()).toContain('web --cache--> cache');
		await erase(r);
		r.press('db');
		await waitFor(() => expect(r.frame()).toContain('The container name "/db" is already in use'));
		await erase(r);
		r.press('-bad');
		await waitFor(() => expect(r.frame()).toContain('Invalid container name (-bad)'));
		await erase(r);
		r.press('redis');
		await waitFor(() => expect(r.frame()).toContain('web --cache--> redis'));
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('Rename cache to redis?'));
		expect(r.frame()).toContain('web --cache--> redis (was cache): the link follows');
		r.press('y');
		await waitFor(() => expect(e.done).toContain('rename id-cache redis'));
		await waitFor(() => expect(r.store.getState().notice?.text).toBe('renamed cache to redis'));
		expect(r.store.getState().screen).toBe('list');
	});
});

describe('networks view (N)', () => {
	it('lists networks with members, creates, connects with an alias, disconnects, removes', async () => {
		const e = engine();
		e.networks.push(network('app-net', {pools: [{subnet: '10.252.9.0/24', gateway: '10.252.9.1'}], containers: [{id: 'id-lonely', name: 'lonely', ipv4: '10.252.9.2', ipv6: '', aliases: ['solo']}]}));
		const r = await start(e, 'web');
		r.press('N');
		await waitFor(() => expect(r.frame()).toContain('10.252.9.0/24'));
		expect(r.frame()).toMatch(/app-net\s+bridge\s+local\s+10\.252\.9\.0\/24\s+10\.252\.9\.1/);
		expect(r.frame()).toMatch(/lonely\s+10\.252\.9\.2\s+aliases: solo/);
		expect(r.frame()).toContain('predefined');
		// create
		r.press('n');
		await waitFor(() => expect(r.frame()).toContain('network name>'));
		r.press('app-net');
		await waitFor(() => expect(r.frame()).toContain('network with name app-net already exists'));
		r.press('2');
		await waitFor(() => expect(r.store.getState().field?.text).toBe('app-net2'));
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('subnet>'));
		r.press('10.252.10.0/24');
		await waitFor(() => expect(r.store.getState().field?.text).toBe('10.252.10.0/24'));
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('Create the network app-net2? (docker network create --subnet 10.252.10.0/24 app-net2)'));
		r.press('y');
		await waitFor(() => expect(r.frame()).toContain('10.252.10.0/24'));
		expect(e.done).toContain('network create app-net2 10.252.10.0/24');
		// connect db to app-net (first row) with an alias
		r.press('g');
		r.press('c');
		await waitFor(() => expect(r.frame()).toContain('Connect a container to app-net'));
		r.press(KEY.down);
		await waitFor(() => expect(r.frame()).toMatch(/› db/));
		await settle();
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('aliases>'));
		r.press('database');
		await waitFor(() => expect(r.store.getState().field?.text).toBe('database'));
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('Connect db to app-net? (docker network connect --alias database app-net db)'));
		r.press('y');
		await waitFor(() => expect(r.frame()).toMatch(/db\s+10\.252\.9\.3\s+aliases: database/));
		// disconnect it (rows: app-net, lonely, db)
		r.press('jj');
		r.press('d');
		await waitFor(() => expect(r.frame()).toContain('Disconnect db from app-net?'));
		expect(r.frame()).toContain('db loses 10.252.9.3 on app-net and the aliases database');
		r.press('y');
		await waitFor(() => expect(e.done).toContain('network disconnect app-net db'));
		// remove app-net2 (rows: app-net, lonely, app-net2, bridge)
		await waitFor(() => expect(r.frame()).not.toMatch(/db\s+10\.252\.9\.3/));
		r.press('g');
		r.press('jj');
		r.press('x');
		await waitFor(() => expect(r.frame()).toContain('Remove the network app-net2? (docker network rm app-net2)'));
		r.press('y');
		await waitFor(() => expect(e.done).toContain('network rm app-net2'));
		r.press('G');
		r.press('x');
		await waitFor(() => expect(r.frame()).toContain('bridge is a pre-defined network and cannot be removed'));
	});
});

describe('moving a link to a network (m in the graph)', () => {
	it('says what changes, then creates the network, connects the source with the alias and recreates the recipient without the link', async () => {
		const e = engine();
		const r = await start(e, 'web');
		r.press('L');
		await waitFor(() => expect(r.frame()).toContain('web --cache--> cache'));
		r.press('m');
		await waitFor(() => expect(r.frame()).toContain('network>'));
		expect(r.store.getState().field?.text).toBe('web-cache');
		r.press(KEY.enter);
		await waitFor(() => expect(r.frame()).toContain('Move web --cache--> cache to the network web-cache?'));
		const f = r.frame();
		expect(f).toContain('the network web-cache is created');
		expect(f).toContain('cache joins web-cache with the alias cache');
		expect(f).toContain('finds cache by DNS');
		r.press('y');
		await waitFor(() => expect(r.store.getState().notice?.text).toBe('moved web --cache--> cache to web-cache'));
		expect(e.done).toContain('network create web-cache');
		expect(e.done).toContain('network connect web-cache cache --alias cache');
		expect(e.created.at(-1)?.body['HostConfig']).not.toHaveProperty('Links', ['cache:cache']);
		await waitFor(() => expect(r.frame()).toContain('no longer by /etc/hosts'));
	});
});
