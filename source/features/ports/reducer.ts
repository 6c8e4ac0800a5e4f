/** The reducer's ports-view part: moving through bindings, probing, and folding in loaded rows. */
import {bindingMatches, type BindingRow} from '../model/bindings.js';
import type {CommandId} from './commands.js';
import {cursorTarget} from './cursor.js';
import {listHeight} from './selectors.js';
import type {PortsState, ProbeState, State} from './state.js';

/** The ports view's rows under the current `/` filter. */
export function visibleBindings(state: Pick<State, 'ports' | 'filter'>): BindingRow[] {
	return state.ports.rows.filter((r) => bindingMatches(r, state.filter));
}

export function selectedBinding(state: Pick<State, 'ports' | 'filter'>): BindingRow | undefined {
	const rows = visibleBindings(state);
	return rows.find((r) => r.key === state.ports.selectedKey) ?? rows[0];
}

/** Keeps the ports cursor on a visible row and inside the window. */
export function settlePorts(state: State, previous: State = state): State {
	const rows = visibleBindings(state);
	const p = state.ports;
	if (rows.length === 0) return p.scrollTop === 0 ? state : {...state, ports: {...p, scrollTop: 0}};
	let index = rows.findIndex((r) => r.key === p.selectedKey);
	if (index < 0) {
		const old = visibleBindings(previous).findIndex((r) => r.key === previous.ports.selectedKey);
		index = Math.min(Math.max(old, 0), rows.length - 1);
	}
	const height = listHeight(state);
	let scrollTop = Math.min(p.scrollTop, Math.max(0, rows.length - height));
	if (index < scrollTop) scrollTop = index;
	if (index >= scrollTop + height) scrollTop = index - height + 1;
	const selectedKey = rows[index]?.key ?? null;
	return selectedKey === p.selectedKey && scrollTop === p.scrollTop ? state : {...state, ports: {...p, selectedKey, scrollTop}};
}

function probeState(row: BindingRow): ProbeState {
	if (row.protocol !== 'tcp') return {status: 'not-probed', reason: `${row.protocol.toUpperCase()} is not probed`};
	if (row.state !== 'running') return {status: 'not-probed', reason: `${row.containerName} is not running`};
	if (row.hostPort === null) return {status: 'not-probed', reason: 'no host port bound yet'};
	return {status: 'probing'};
}

/** Commands of the ports view; null when the command is not the ports view's. */
export function portsCommand(state: State, id: CommandId): State | null {
	if (id === 'openPorts') {
		return settlePorts({...state, screen: 'ports', details: null, confirm: null});
	}
	if (state.screen !== 'ports') return null;
	const rows = visibleBindings(state);
	const current = Math.max(0, rows.findIndex((r) => r.key === state.ports.selectedKey));
	const target = cursorTarget(id, current, rows.length, listHeight(state));
	if (target !== null) {
		return rows.length === 0 ? state : settlePorts({...state, ports: {...state.ports, selectedKey: rows[target]?.key ?? null}});
	}
	switch (id) {
		case 'back':
			return state.filter !== '' ? settlePorts({...state, filter: ''}, state) : {...state, screen: 'list'};
		case 'probe': {
			const row = selectedBinding(state);
			if (!row) return state;
			return {...state, ports: {...state.ports, probes: {...state.ports.probes, [row.key]: probeState(row)}}};
		}
		default:
			return null;
	}
}

/** Folds newly loaded rows in, dropping probe results of bindings that are gone. */
export function portsLoaded(state: State, rows: BindingRow[]): State {
	const keys = new Set(rows.map((r) => r.key));
	const probes: PortsState['probes'] = {};
	for (const [k, v] of Object.entries(state.ports.probes)) if (keys.has(k)) probes[k] = v;
	return settlePorts({...state, ports: {...state.ports, rows, loaded: true, error: null, probes}}, state);
}
