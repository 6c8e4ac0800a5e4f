/**
 * A patch that reads rows as they already are (a `kill` event before the `die`, a network event)
 * leaves the state as it was, so no frame is drawn for it (app/reducer.ts, `containers/patched`).
 */
import {describe, expect, it} from 'vitest';
import {reducer} from '../../source/app/reducer.js';
import {initialState} from '../../source/app/state.js';
import {summary} from '../support/fake-engine.js';

const at = Date.now();
const db = summary('db');
const web = summary('web', {ports: [{privatePort: 5000, type: 'tcp', ip: '127.0.0.1', publicPort: 32000}]});
const loaded = reducer(initialState('unix:///x', {columns: 120, rows: 40}, false), {type: 'containers/loaded', containers: [db, web], at});

describe('a patch', () => {
	it('that reads a row as it was is no change at all', () => {
		expect(reducer(loaded, {type: 'containers/patched', containers: [structuredClone(web)], removed: [], at: at + 50})).toBe(loaded);
	});

	it('that reads a row changed, or removes one, is a change', () => {
		const stopped = {...structuredClone(web), state: 'exited', status: 'Exited (0) Less than a second ago'};
		const next = reducer(loaded, {type: 'containers/patched', containers: [stopped], removed: [], at: at + 50});
		expect(next).not.toBe(loaded);
		expect(next.containers.find((c) => c.id === web.id)?.state).toBe('exited');
		const gone = reducer(loaded, {type: 'containers/patched', containers: [], removed: [web.id], at: at + 50});
		expect(gone.containers.map((c) => c.name)).toEqual(['db']);
		// A new container is a change too.
		const fresh = reducer(loaded, {type: 'containers/patched', containers: [summary('cache')], removed: [], at: at + 50});
		expect(fresh.containers.map((c) => c.name)).toEqual(['cache', 'db', 'web']);
	});
});
