/**
 * The chapter's `--link db:db` scenario built through the store (what the TUI's keys dispatch),
 * against the real private engine: link through the picker and check from inside the container,
 * rename the source and see the link follow, create a network and connect a container with an
 * alias that another container reaches.
 */
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {networkRows} from '../../source/features/networks/selectors.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {connectedStore, send, type AppStore} from '../support/store-driver.js';
import {waitFor} from '../support/wait-for.js';

const engine = privateEngine();
const made: string[] = [];
const n = 10 + ((process.pid + 97) % 200);
const subnet = `10.252.${n}.0/24`;
const net = uniqueName('net');
let store: AppStore | null = null;

afterEach(() => {
	store?.stop();
	store = null;
});
afterAll(async () => {
	await removeContainers(made);
	await docker(['network', 'rm', net]);
	engine.close();
});

const connected = (): Promise<AppStore> => connectedStore(engine, {showAll: true});

async function select(s: AppStore, name: string): Promise<void> {
	await waitFor(() => expect(s.getState().containers.some((c) => c.name === name)).toBe(true), 10_000);
	const id = s.getState().containers.find((c) => c.name === name)?.id ?? '';
	send(s, {type: 'filter/set', text: name}, {type: 'select', id});
	await waitFor(() => expect(s.getState().selectedId).toBe(id));
}

describe('links and networks through the store on the real engine', () => {
	it('links web to db:db with the picker; env and /etc/hosts inside web equal the preview; rename db and the link follows', async () => {
		const db = uniqueName('db');
		const web = uniqueName('web');
		made.push(db, web, `${db}-renamed`);
		await dockerOk(['run', '-d', '--name', db, '--expose', '5432', '--expose', '53/udp', '-e', 'POSTGRES_DB=app', 'dnet/postgres']);
		await dockerOk(['run', '-d', '--name', web, 'dnet/webapp']);
		const s = (store = await connected());
		await select(s, web);
		send(s, 'openLinkPicker');
		expect(s.getState().screen).toBe('linkPicker');
		send(s, {type: 'net/pickSource', source: db});
		// The alias: `db`, as in the chapter.
		send(s, 'editAlias', {type: 'field/set', text: 'db'}, 'fieldAccept');
		await waitFor(() => expect(s.getState().net.picker?.previewKey).toBe(`${db}:db`), 10_000);
		const preview = s.getState().net.picker?.preview;
		expect(s.getState().net.picker?.previewError).toBeNull();
		expect(preview?.env).toContain(`DB_NAME=/${web}/db`);
		send(s, 'confirmYes');
		await waitFor(() => expect(s.getState().notice?.text).toMatch(/^linked /), 60_000);
		expect(s.getState().notice?.text).toContain(`linked ${web} --db--> ${db}`);
		const env = (await dockerOk(['exec', web, 'env'])).split('\n');
		for (const v of preview?.env ?? []) expect(env).toContain(v);
		const linkEnv = env.filter((v) => v.startsWith('DB_'));
		expect([...linkEnv].sort()).toEqual([...(preview?.env ?? [])].sort());
		const hosts = await dockerOk(['exec', web, 'cat', '/etc/hosts']);
		for (const h of preview?.hosts ?? []) expect(hosts).toContain(h);

		// Rename the source: the link follows.
		await select(s, db);
		send(s, 'rename', {type: 'field/set', text: `${db}-renamed`}, 'fieldAccept');
		expect(s.getState().net.confirm?.lines.join('\n')).toContain(`${web} --db--> ${db}-renamed (was ${db}): the link follows`);
		send(s, 'confirmYes');
		await waitFor(() => expect(s.getState().notice?.text).toBe(`renamed ${db} to ${db}-renamed`), 20_000);
		expect((await dockerOk(['inspect', '-f', '{{.HostConfig.Links}}', web])).trim()).toBe(`[/${db}-renamed:/${web}/db]`);

		// Remove the link from the graph.
		send(s, {type: 'filter/set', text: ''}, 'openLinks');
		const edges = s.getState().containers.flatMap((c) => c.links.map((l) => ({recipient: c.name, alias: l.alias})));
		expect(edges).toContainEqual({recipient: web, alias: 'db'});
		send(s, 'top');
		while (true) {
			const {graphCursor} = s.getState().net;
			const sorted = [...edges].sort((a, b) => a.recipient.localeCompare(b.recipient) || a.alias.localeCompare(b.alias));
			if (sorted[graphCursor]?.recipient === web) break;
			send(s, 'down');
			if (s.getState().net.graphCursor === graphCursor) throw new Error('link not found in the graph');
		}
		send(s, 'removeLink');
		expect(s.getState().net.confirm?.title).toMatch(new RegExp(`^Remove the link ${web} --db--> `));
		send(s, 'confirmYes');
		await waitFor(() => expect(s.getState().notice?.text).toMatch(/^removed the link /), 60_000);
		expect((await dockerOk(['inspect', '-f', '{{.HostConfig.Links}}', web])).trim()).toBe('[]');
		expect((await dockerOk(['exec', web, 'env'])).split('\n').filter((v) => v.startsWith('DB_'))).toEqual([]);
	}, 120_000);

	it('creates a network and connects a container with an alias that another container reaches', async () => {
		const server = uniqueName('server');
		const client = uniqueName('client');
		made.push(server, client);
		await dockerOk(['run', '-d', '--name', server, 'dnet/webapp']);
		const s = (store = await connected());
		send(s, 'openNetworks', 'createNetwork', {type: 'field/set', text: net}, 'fieldAccept', {type: 'field/set', text: subnet}, 'fieldAccept');
		expect(s.getState().net.confirm?.title).toBe(`Create the network ${net}? (docker network create --subnet ${subnet} ${net})`);
		send(s, 'confirmYes');
		await waitFor(() => expect(s.getState().net.networks?.some((x) => x.name === net)).toBe(true), 20_000);
		const index = networkRows(s.getState().net.networks).findIndex((r) => r.kind === 'network' && r.network.name === net);
		send(s, 'top');
		for (let i = 0; i < index; i++) send(s, 'down');
		send(s, 'connectNetwork', {type: 'net/chooseContainer', container: server}, {type: 'field/set', text: 'frontend'}, 'fieldAccept');
		expect(s.getState().net.confirm?.title).toBe(`Connect ${server} to ${net}? (docker network connect --alias frontend ${net} ${server})`);
		send(s, 'confirmYes');
		await waitFor(
			() => expect(s.getState().net.networks?.find((x) => x.name === net)?.containers.find((m) => m.name === server)?.aliases).toContain('frontend'),
			20_000,
		);
		await dockerOk(['run', '-d', '--name', client, '--network', net, 'dnet/postgres']);
		const got = await docker(['exec', client, 'sh', '-c', `printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 frontend 5000`]);
		expect(got.stdout).toMatch(/HTTP\/1\.[01] 200/);
		await removeContainers([client, server]);
	}, 90_000);
});
