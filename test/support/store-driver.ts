/**
 * Drives the app's store (the reducer and its effects, no terminal) against an engine, as the
 * TUI's keys would: shared by the engine tests that act through the store.
 */
import {expect} from 'vitest';
import type {Engine} from '../../source/engine/engine.js';
import type {Action} from '../../source/app/actions.js';
import {createAppStore, type AppStore} from '../../source/app/app-store.js';
import type {CommandId} from '../../source/app/input/commands.js';
import {visibleContainers} from '../../source/features/list/selectors.js';
import {waitFor} from './wait-for.js';

export type {AppStore};

/** Dispatches commands (by id) and actions in order; backups other tests left on a shared engine are put off first. */
export function send(s: AppStore, ...steps: Array<CommandId | Action>): void {
	for (const step of steps) {
		while (s.getState().backupOffer) s.dispatch({type: 'command', id: 'editorCancel'});
		s.dispatch(typeof step === 'string' ? {type: 'command', id: step} : step);
	}
}

/** A store on `engine`, once connected; with `showAll`, stopped containers are listed too. */
export async function connectedStore(engine: Engine, options: {showAll?: boolean} = {}): Promise<AppStore> {
	const s = createAppStore(engine, {columns: 160, rows: 40});
	await waitFor(() => expect(s.getState().connection.status).toBe('connected'), 10_000);
	if (options.showAll) send(s, 'toggleAll');
	return s;
}

/** Filters the list down to the container `name` and waits until it is the only row shown. */
export async function filterTo(s: AppStore, name: string): Promise<void> {
	send(s, {type: 'filter/set', text: name});
	await waitFor(() => expect(visibleContainers(s.getState()).map((c) => c.name)).toEqual([name]), 5000);
}
