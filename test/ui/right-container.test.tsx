/**
 * Keys act on the container the user is looking at, or on nothing (issue 11, items 1, 2 and 4):
 * the details of a removed container, a container recreated elsewhere, the cursor through a
 * recreate, edits kept when an apply fails, and q asking before unsaved edits are lost.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/engine.js';
import {FakeEngine, detailsOf, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

function scenario(): FakeEngine {
	return new FakeEngine([summary('db'), summary('victim'), summary('web'), summary('web2')]);
}

/** Filters the list down to `name` and opens its details. */
async function openDetails(r: Rendered, name: string): Promise<void> {
	r.press(`/${name}\r\r`);
	await waitFor(() => expect(r.frame()).toMatch(new RegExp(`Name\\s+/${name}\\b`)));
}

/** The events a real engine sends for a recreate: the old container removed, the new one started. */
function announceRecreate(engine: FakeEngine, oldId: string, name: string): void {
	engine.emit({id: oldId, action: 'destroy'});
	const renewed = engine.containers.find((c) => c.name === name);
	if (renewed) engine.emit({id: renewed.id, action: 'start'});
}

describe('the details view acts on the container shown', () => {
	it('does nothing to another container once the one shown was removed', async () => {
		const engine = scenario();
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('victim'));
		await openDetails(app, 'victim');
		engine.containers = engine.containers.filter((c) => c.name !== 'victim');
		engine.emit({id: 'id-victim', action: 'destroy'});
		await waitFor(() => expect(app!.frame()).toContain('(removed)'));
		for (const key of ['S', 'd', 's', 'R', 'p', 'r', 'l']) {
			app.press(key);
			await waitFor(() => expect(app!.frame()).toContain('victim was removed'));
			const frame = app.frame();
			expect(frame, key).not.toMatch(/Stop \w|Remove \w|Ports of|Rename \w|Link \w/);
			expect(frame, key).toContain('Container /victim');
		}
		expect(engine.done.filter((d) => !d.startsWith('remove victim'))).toEqual([]);
	});

	it('follows a container recreated under the same name elsewhere (dnet publish from another shell)', async () => {
		const engine = scenario();
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('victim'));
		await openDetails(app, 'victim');
		const renewed = summary('victim', {id: 'id-victim-2'});
		engine.containers = [...engine.containers.filter((c) => c.name !== 'victim'), renewed];
		engine.details.set(renewed.id, detailsOf(renewed, {id: 'id-victim-2'}));
		// The engine announces each container that changed (the live list patches the rows they name).
		engine.emit({id: 'id-victim', action: 'destroy'});
		engine.emit({id: 'id-victim-2', action: 'create'});
		await waitFor(() => expect(app!.frame()).toContain('id-victim-2'));
		app.press('S');
		await waitFor(() => expect(app!.frame()).toContain('Stop victim?'));
		app.press('y');
		await waitFor(() => expect(engine.done).toContain('stop id-victim-2'));
	});
});

describe('edits are never thrown away silently', () => {
	it('keeps the editor open with the edits and the reason when the apply fails', async () => {
		const engine = scenario();
		engine.startError = new EngineError('server', 'driver failed programming external connectivity: Bind for 127.0.0.1:8080 failed: port is already allocated', undefined, 500);
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web2'));
		app.press('/web2\r');
		await waitFor(() => expect(app!.frame()).toContain('matching "web2"'));
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('no port mapping'));
		app.press('a127.0.0.1:8080:5000\rwy');
		await waitFor(() => expect(app!.frame()).toContain('port is already allocated'));
		const frame = app.frame();
		expect(frame).toContain('Ports of web2');
		expect(frame).toContain('127.0.0.1:8080:5000');
	});

	it('asks before q quits with unsaved edits in the editor and the form; Ctrl+C quits at once', async () => {
		const engine = scenario();
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web2'));
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('no port mapping'));
		app.press('a8080:5000\rq');
		await waitFor(() => expect(app!.frame()).toMatch(/Discard the changes to \w+ and quit\?/));
		expect(app.store.getState().quitting).toBe(false);
		app.press('n');
		await waitFor(() => expect(app!.frame()).not.toContain('and quit?'));
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toContain('Discard the changes'));
		app.press('y');
		await waitFor(() => expect(app!.frame()).toContain('LINKS'));
		app.press('n');
		await waitFor(() => expect(app!.frame()).toContain('New container'));
		app.press('\rbusybox\rq');
		await waitFor(() => expect(app!.frame()).toContain('Discard this new container and quit?'));
		app.press('y');
		await waitFor(() => expect(app!.store.getState().quitting).toBe(true));
	});

	it('quits at once on Ctrl+C, unsaved edits or not', async () => {
		app = renderApp(scenario(), {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web2'));
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('no port mapping'));
		app.press('a8080:5000\r');
		await waitFor(() => expect(app!.frame()).toContain('8080:5000'));
		app.press(KEY.ctrlC);
		await waitFor(() => expect(app!.store.getState().quitting).toBe(true));
	});
});

describe('the cursor follows a container through its recreate (issue 11, item 2)', () => {
	const selectedName = (r: Rendered): string | undefined => {
		const s = r.store.getState();
		return s.containers.find((c) => c.id === s.selectedId)?.name;
	};

	it('stays on web after its ports are changed from the list, in running-only mode', async () => {
		const engine = scenario();
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web2'));
		app.press('jj');
		await waitFor(() => expect(selectedName(app!)).toBe('web'));
		const oldId = app.store.getState().selectedId;
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('no port mapping'));
		app.press('a127.0.0.1:8080:5000\rwy');
		await waitFor(() => expect(app!.frame()).toContain('recreated web'));
		// The engine announces the new container and the old one's removal; the fake is told to.
		announceRecreate(engine, oldId ?? '', 'web');
		await waitFor(() => expect(app!.store.getState().selectedId).not.toBe(oldId));
		expect(selectedName(app)).toBe('web');
		expect(app.store.getState().screen).toBe('list');
	});

	it('refuses an apply when the container was renamed after the review (docker rename from another shell)', async () => {
		const engine = scenario();
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web2'));
		app.press('jj');
		await waitFor(() => expect(selectedName(app!)).toBe('web'));
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('no port mapping'));
		app.press('a127.0.0.1:8080:5000\rw');
		await waitFor(() => expect(app!.frame()).toContain('Apply to web?'));
		await engine.renameContainer('id-web', 'web-renamed');
		engine.done.length = 0;
		app.press('y');
		await waitFor(() => expect(app!.frame()).toContain('web changed since you reviewed it: it was renamed to web-renamed; nothing was changed'));
		expect(engine.done).toEqual([]);
	});

	it('returns to the details it came from, showing the recreated container', async () => {
		const engine = scenario();
		app = renderApp(engine, {columns: 120, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('web2'));
		await openDetails(app, 'web2');
		const oldId = app.store.getState().details?.id;
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('no port mapping'));
		app.press('a127.0.0.1:8081:5000\rwy');
		await waitFor(() => expect(app!.store.getState().screen).toBe('details'));
		announceRecreate(engine, oldId ?? '', 'web2');
		await waitFor(() => expect(app!.store.getState().details?.id).not.toBe(oldId));
		const newId = app.store.getState().details?.id ?? '';
		await waitFor(() => expect(app!.frame()).toContain(newId));
		expect(app.frame()).toMatch(/Name\s+\/web2\b/);
		expect(app.frame()).not.toContain('(removed)');
	});
});
