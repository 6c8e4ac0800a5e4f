/**
 * The TUI's port editor on the private engine (README, "Reliability"; ARCHITECTURE.md, "The recreate
 * transaction"): the docker CLI changes the container (`docker update`) between the editor's review
 * and `y`. The apply is refused with dnet's words ("web changed since you reviewed it: its
 * configuration was changed; nothing was changed") in the status line, and the container is left
 * as it is: same id, the update kept, its port untouched, no backup.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AppStore} from '../../source/app/app-store.js';
import {addLink, previewLink} from '../../source/operations/links.js';
import {ChangedSinceReviewError} from '../../source/operations/recreate/index.js';
import {dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {freePort} from '../support/ports.js';
import {renderApp} from '../ui/render-app.js';
import {graphEdges} from '../../source/features/link-graph/reducer.js';
import {waitFor} from '../support/wait-for.js';

const engine = privateEngine();
const web = uniqueName('web');
const db = uniqueName('db');
let port = 0;
let store: AppStore;
let frame: () => string;
let press: (keys: string) => void;
let unmount: () => void;

beforeAll(async () => {
	port = await freePort();
	await dockerOk(['run', '-d', '--name', web, '-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
	({store, frame, press, unmount} = renderApp(engine, {columns: 200, rows: 30}));
});

afterAll(async () => {
	unmount();
	await removeContainers([web, db]);
	engine.close();
});

/** What the refusal must have left: the container's id, restart policy and host port. */
async function now(): Promise<{id: string; restart: string; port: string | undefined; names: string[]}> {
	const raw = (await engine.inspectContainerRaw(web)) as {Id: string; HostConfig: {RestartPolicy?: {Name?: string}; PortBindings?: Record<string, Array<{HostPort?: string}>>}};
	const names = (await engine.listContainers(true)).map((c) => c.name).filter((n) => n.startsWith(web));
	return {id: raw.Id, restart: raw.HostConfig.RestartPolicy?.Name ?? '', port: raw.HostConfig.PortBindings?.['5000/tcp']?.[0]?.HostPort, names};
}

describe('docker update between the TUI review and y', () => {
	it('is refused with the reason in the status line; the container is untouched', async () => {
		await waitFor(() => expect(frame()).toContain(web), 20_000);
		press(`/${web}\r`);
		await waitFor(() => expect(store.getState().containers.find((c) => c.id === store.getState().selectedId)?.name).toBe(web));
		press('p');
		await waitFor(() => expect(frame()).toContain(`127.0.0.1:${port}:5000`));
		const before = await now();
		press(`a127.0.0.1:${await freePort()}:5000\r`);
		press('w');
		await waitFor(() => expect(frame()).toContain(`Apply to ${web}?`));
		// Another shell changes the container while the review is on screen.
		await dockerOk(['update', '--restart', 'always', web]);
		press('y');
		await waitFor(() => expect(frame()).toContain(`${web} changed since you reviewed it: its configuration was changed; nothing was changed`), 20_000);
		expect(store.getState().notice?.tone).toBe('error');
		expect(await now()).toEqual({...before, restart: 'always'});
	});
});

describe('docker update between the link picker\'s preview and its apply', () => {
	it('is refused; the recipient keeps its id and gets no link', async () => {
		await dockerOk(['run', '-d', '--name', db, 'dnet/webapp']);
		// The picker's review: the preview (its `reviewed` travels with the picker's apply, link-picker/reducer.ts).
		const preview = await previewLink(engine, web, db, 'data');
		const before = (await engine.inspectContainerRaw(web))['Id'];
		await dockerOk(['update', '--restart', 'on-failure:3', web]);
		const refused = await addLink(engine, web, db, 'data', preview.reviewed).then(
			() => null,
			(error: unknown) => error,
		);
		expect(refused).toBeInstanceOf(ChangedSinceReviewError);
		expect((refused as Error).message).toBe(`${web} changed since you reviewed it: its configuration was changed; nothing was changed (review it again)`);
		const after = await engine.inspectContainer(web);
		expect(after.id).toBe(before);
		expect(after.links).toEqual([]);
		// Reviewed again, it applies.
		const again = await previewLink(engine, web, db, 'data');
		const {result} = await addLink(engine, web, db, 'data', again.reviewed);
		expect((await engine.inspectContainer(result.newId)).links.map((l) => l.alias)).toEqual(['data']);
	});
});

describe("docker update between the link graph's question and y", () => {
	it('is refused; the recipient keeps its id and its link', async () => {
		// web holds --link db:data (the case above), and the app shows it.
		await waitFor(() => expect(store.getState().containers.find((c) => c.name === web)?.links.map((l) => l.alias)).toEqual(['data']), 20_000);
		// Back to the list from the first case's editor (its unsaved row discarded).
		for (let i = 0; i < 5 && store.getState().screen !== 'list'; i++) {
			press(store.getState().editor?.stage === 'discard' ? 'y' : '\u001b');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		await waitFor(() => expect(store.getState().screen).toBe('list'));
		press('L');
		await waitFor(() => expect(store.getState().screen).toBe('links'));
		const at = graphEdges(store.getState()).findIndex((e) => e.recipient === web && e.alias === 'data');
		expect(at).toBeGreaterThanOrEqual(0);
		while (store.getState().net.graphCursor !== at) {
			const cursor = store.getState().net.graphCursor;
			press(cursor < at ? 'j' : 'k');
			await waitFor(() => expect(store.getState().net.graphCursor).not.toBe(cursor));
		}
		press('x');
		// The question is on screen, and the recipient as it shows it has been read.
		await waitFor(() => expect(frame()).toContain(`Remove the link ${web} --data--> ${db}?`));
		await waitFor(() => expect(store.getState().net.confirm?.op).toMatchObject({kind: 'removeLink', recipient: web, reviewed: expect.any(String)}));
		const before = (await engine.inspectContainerRaw(web))['Id'];
		await dockerOk(['update', '--restart', 'no', web]);
		press('y');
		await waitFor(() => expect(frame()).toContain(`${web} changed since you reviewed it: its configuration was changed; nothing was changed`), 20_000);
		const after = await engine.inspectContainer(web);
		expect(after.id).toBe(before);
		expect(after.links.map((l) => l.alias)).toEqual(['data']);
	});
});
