/** The context switcher's reducer (issue 12): `c` / `:ctx`, moving, Enter, the switch, `:ctx use`. */
import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/app/actions.js';
import {reducer} from '../../source/app/reducer.js';
import {initialState, type State} from '../../source/app/state.js';
import type {ContextRowView} from '../../source/features/contexts/state.js';
import {summary} from '../support/fake-engine.js';

const rows: ContextRowView[] = [
	{name: 'default', description: 'Current DOCKER_HOST based configuration', endpoint: 'unix:///var/run/docker.sock', current: false, error: ''},
	{name: 'prod', description: '', endpoint: 'ssh://me@prod', current: true, error: ''},
	{name: 'staging', description: 'the staging host', endpoint: 'tcp://10.0.0.9:2376', current: false, error: ''},
];

const run = (state: State, ...actions: Action[]): State => actions.reduce(reducer, state);
const keys = (...k: string[]): Action => ({type: 'keys', keys: k});
const base = (): State => ({
	...initialState('prod (ssh://me@prod)', {columns: 120, rows: 30}),
	containers: [summary('web')],
	loaded: true,
	connection: {status: 'connected'},
});
const effectKinds = (s: State): unknown[] => s.effects.map(({id: _id, ...e}) => e);

describe('the context switcher', () => {
	it('c on the list opens it and asks for the contexts; the cursor starts on the one in use', () => {
		const opened = run(base(), keys('c'));
		expect(opened.screen).toBe('contexts');
		expect(effectKinds(opened)).toEqual([{kind: 'loadContexts'}]);
		const shown = run({...opened, effects: []}, {type: 'contexts/loaded', rows});
		expect(shown.contexts?.cursor).toBe(1);
		expect(shown.contexts?.loading).toBe(false);
	});

	it('Enter on another context asks to switch to it; on the one in use it goes back', () => {
		const shown = run(base(), keys('c'), {type: 'contexts/loaded', rows});
		const same = run({...shown, effects: []}, keys('enter'));
		expect(same.screen).toBe('list');
		expect(same.effects).toEqual([]);
		const other = run({...shown, effects: []}, keys('j', 'enter'));
		expect(effectKinds(other)).toEqual([{kind: 'switchContext', name: 'staging'}]);
		expect(other.contexts?.switching).toBe('staging');
		// Keys meanwhile do not start a second switch.
		expect(run({...other, effects: []}, keys('enter')).effects).toEqual([]);
	});

	it('a switch empties what was read from the old engine and names the new one in the status bar', () => {
		const shown = run(base(), keys('c'), {type: 'contexts/loaded', rows}, keys('j', 'enter'));
		const switched = run(shown, {type: 'contexts/switched', context: 'staging', label: 'staging (tcp://10.0.0.9:2376 (TLS))'});
		expect(switched.endpoint).toBe('staging (tcp://10.0.0.9:2376 (TLS))');
		expect(switched.containers).toEqual([]);
		expect(switched.loaded).toBe(false);
		expect(switched.screen).toBe('list');
		expect(switched.connection).toEqual({status: 'connecting', attempt: 0});
	});

	it('a failed switch stays, says why, and can be retried', () => {
		const shown = run(base(), keys('c'), {type: 'contexts/loaded', rows}, keys('j', 'enter'));
		const failed = run({...shown, effects: []}, {type: 'contexts/failed', message: 'cannot connect to ssh://me@staging: Connection refused'});
		expect(failed.screen).toBe('contexts');
		expect(failed.contexts?.switching).toBeNull();
		expect(failed.notice?.text).toMatch(/Connection refused/);
		expect(effectKinds(run(failed, keys('enter')))).toEqual([{kind: 'switchContext', name: 'staging'}]);
	});

	it(':ctx, :ctx NAME and :ctx use NAME', () => {
		const typed = (text: string): State => run(base(), keys(':'), {type: 'field/set', text}, keys('enter'));
		expect(effectKinds(typed('ctx'))).toEqual([{kind: 'loadContexts'}]);
		expect(effectKinds(typed('ctx staging'))).toEqual([{kind: 'switchContext', name: 'staging'}]);
		expect(effectKinds(typed('ctx use staging'))).toEqual([{kind: 'useContext', name: 'staging'}]);
		expect(typed('ctx use').notice?.tone).toBe('error');
		expect(typed('ctx use').effects).toEqual([]);
		const used = run(base(), {type: 'contexts/used', name: 'staging'});
		expect(used.notice?.text).toBe('Current context is now "staging" (written to the docker config)');
	});

	it(':ports all asks for every context\'s ports; each answer fills its own entry', () => {
		const opened = run(base(), keys(':'), {type: 'field/set', text: 'ports all'}, keys('enter'));
		expect(opened.screen).toBe('contexts');
		expect(opened.contexts?.view).toBe('ports');
		expect(effectKinds(opened)).toEqual([{kind: 'loadAllPorts'}]);
		const host = (context: string, status: 'reading' | 'ok' | 'error'): {context: string; endpoint: string; status: typeof status; error: string; rows: []} => ({context, endpoint: 'x', status, error: '', rows: []});
		const listed = run({...opened, effects: []}, {type: 'contexts/hosts', hosts: [host('a', 'reading'), host('b', 'reading')]});
		const one = run(listed, {type: 'contexts/hostPorts', host: {...host('b', 'error'), error: 'no answer in 8 s'}});
		expect(one.contexts?.hosts.map((h) => h.status)).toEqual(['reading', 'error']);
		// Enter does nothing there; Esc goes back to the list.
		expect(run(one, keys('enter')).effects).toEqual([]);
		expect(run(one, keys('esc')).screen).toBe('list');
	});
});
