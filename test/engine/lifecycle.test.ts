/**
 * The lifecycle actions of the list, through the real store and effects, against the real private
 * engine: what the user does in the TUI, minus the terminal.
 */
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {connectedStore, filterTo, send, type AppStore} from '../support/store-driver.js';
import {waitFor} from '../support/wait-for.js';

const engine = privateEngine();
const made: string[] = [];
let store: AppStore | null = null;

afterEach(() => {
	store?.stop();
	store = null;
});
afterAll(async () => {
	await removeContainers(made);
	engine.close();
});

async function make(label: string, args: string[]): Promise<string> {
	const name = uniqueName(label);
	made.push(name);
	await dockerOk(['run', '-d', '--name', name, ...args]);
	return name;
}

/** A store on the real engine, filtered to one container and with it selected. */
async function storeOn(name: string, showAll = false): Promise<AppStore> {
	const s = await connectedStore(engine, {showAll});
	await filterTo(s, name);
	return s;
}

const state = async (name: string): Promise<string> => (await docker(['inspect', '-f', '{{.State.Status}}', name])).stdout.trim();
const exists = async (name: string): Promise<boolean> => (await docker(['inspect', name])).code === 0;

describe('lifecycle actions on the real engine', () => {
	it('stops a running container after confirmation, and starts it again', async () => {
		const name = await make('stop', ['dnet/webapp']);
		store = await storeOn(name, true);
		send(store, 'stop');
		await waitFor(() => expect(store!.getState().confirm?.autoRemove).toEqual([]), 5000);
		send(store, 'confirmYes');
		await waitFor(async () => expect(await state(name)).toBe('exited'), 15_000);
		await waitFor(() => expect(store!.getState().notice).toEqual({tone: 'info', text: `stopped: ${name}`}), 5000);
		// The row shows it stopped once the engine's die event refreshed the list: start acts on what is shown.
		await waitFor(() => expect(store!.getState().containers.find((c) => c.name === name)?.state).toBe('exited'), 5000);
		send(store, 'start');
		await waitFor(async () => expect(await state(name)).toBe('running'), 15_000);
		send(store, 'restart');
		await waitFor(() => expect(store!.getState().notice?.text).toBe(`restarted: ${name}`), 15_000);
	});

	it('says a --rm container goes away when stopped, and it does', async () => {
		const name = await make('rm', ['--rm', 'dnet/webapp']);
		store = await storeOn(name);
		send(store, 'stop');
		await waitFor(() => expect(store!.getState().confirm?.autoRemove).toEqual([name]), 5000);
		send(store, 'confirmYes');
		await waitFor(async () => expect(await exists(name)).toBe(false), 15_000);
		await waitFor(() => expect(store!.getState().containers.some((c) => c.name === name)).toBe(false), 5000);
	});

	it('removes a running container (rm -f), keeping or removing its anonymous volume as asked', async () => {
		for (const removeVolumes of [false, true]) {
			const name = await make(`vol${removeVolumes}`, ['-v', '/data', 'dnet/webapp']);
			const volume = (await dockerOk(['inspect', '-f', '{{range .Mounts}}{{.Name}}{{end}}', name])).trim();
			expect(volume).not.toBe('');
			store?.stop();
			store = await storeOn(name);
			send(store, 'remove');
			if (removeVolumes) send(store, 'toggleVolumes');
			send(store, 'confirmYes');
			await waitFor(async () => expect(await exists(name)).toBe(false), 15_000);
			const left = await docker(['volume', 'inspect', volume]);
			expect(left.code === 0, `volume kept: ${!removeVolumes}`).toBe(!removeVolumes);
			if (left.code === 0) await docker(['volume', 'rm', volume]);
		}
	});

	it('reports the engine error when another client removed the container a moment before', async () => {
		const name = await make('gone', ['dnet/webapp']);
		store = await storeOn(name);
		// Another client removes it; the action below races the event that would hide the row.
		await dockerOk(['rm', '-f', name]);
		send(store, 'restart');
		const notice = store.getState().notice;
		if (store.getState().jobs.length > 0) {
			await waitFor(() => expect(store!.getState().notice?.tone).toBe('error'), 10_000);
			expect(store.getState().notice?.text).toMatch(new RegExp(`restart ${name}: .*No such container`));
		} else {
			// The removal event won the race: the row was already gone, nothing to act on.
			expect(notice).toBeNull();
		}
		await waitFor(() => expect(store!.getState().containers.some((c) => c.name === name)).toBe(false), 5000);
		expect(store.getState().jobs).toEqual([]);
	});
});
