/** The ports view: every binding of every container; moving, finding, probing, folding in loaded rows. */
import type {CommandId} from '../../app/input/commands.js';
import {cursorTarget, navigate} from '../../app/input/navigation.js';
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight, scrollInto} from '../../app/layout.js';
import {request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import {bindingMatches, type BindingRow} from '../../model/bindings.js';
import {openField} from '../../app/input/text-field.js';
import type {PortsState, ProbeState} from './state.js';

/** The ports view's rows under its own `/` filter. */
export function visibleBindings(state: Pick<State, 'ports'>): BindingRow[] {
	return state.ports.rows.filter((r) => bindingMatches(r, state.ports.filter));
}

export function selectedBinding(state: Pick<State, 'ports'>): BindingRow | undefined {
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
	const scrollTop = scrollInto(index, p.scrollTop, rows.length, listHeight(state));
	const selectedKey = rows[index]?.key ?? null;
	return selectedKey === p.selectedKey && scrollTop === p.scrollTop ? state : {...state, ports: {...p, selectedKey, scrollTop}};
}

function probeState(row: BindingRow): ProbeState {
	if (row.protocol !== 'tcp') return {status: 'not-probed', reason: `${row.protocol.toUpperCase()} is not probed`};
	if (row.state !== 'running') return {status: 'not-probed', reason: `${row.containerName} is not running`};
	if (row.hostPort === null) return {status: 'not-probed', reason: 'no host port bound yet'};
	return {status: 'probing'};
}

/** `P`, `:ports`: opens the view and asks for every binding. */
export function openPortsView(state: State): State {
	// Probes are of a moment: a result from an earlier visit is not shown as if it were now.
	const ports = {...state.ports, probes: {}};
	return request(settlePorts({...state, screen: 'ports', details: null, confirm: null, ports}), {kind: 'loadBindings', containers: state.containers});
}

/** Sets the ports view's filter, keeping its cursor on a visible row. */
export function setPortsFilter(state: State, filter: string): State {
	return settlePorts({...state, ports: {...state.ports, filter}}, state);
}

/** Asks for the bindings again when the container list changed while the view is open. */
export function reloadPorts(state: State, previous: State): State {
	return state.screen === 'ports' && state.containers !== previous.containers ? request(state, {kind: 'loadBindings', containers: state.containers}) : state;
}

function move(id: CommandId) {
	return (state: State): State => {
		const rows = visibleBindings(state);
		if (rows.length === 0) return state;
		const current = Math.max(0, rows.findIndex((r) => r.key === state.ports.selectedKey));
		const target = cursorTarget(id, current, rows.length, listHeight(state)) ?? current;
		return settlePorts({...state, ports: {...state.ports, selectedKey: rows[target]?.key ?? null}});
	};
}

function probe(state: State): State {
	const row = selectedBinding(state);
	if (!row) return state;
	const probe = probeState(row);
	const next = {...state, ports: {...state.ports, probes: {...state.ports.probes, [row.key]: probe}}};
	return probe.status === 'probing' && row.hostPort !== null ? request(next, {kind: 'probe', key: row.key, hostIp: row.hostIp, hostPort: row.hostPort}) : next;
}

/** Folds newly loaded rows in, dropping probe results of bindings that are gone. */
export function portsLoaded(state: State, rows: BindingRow[]): State {
	const keys = new Set(rows.map((r) => r.key));
	const probes: PortsState['probes'] = {};
	for (const [k, v] of Object.entries(state.ports.probes)) if (keys.has(k)) probes[k] = v;
	return settlePorts({...state, ports: {...state.ports, rows, loaded: true, error: null, probes}}, state);
}

export const handlers: HandlerTable = {
	list: {openPorts: openPortsView},
	ports: {
		...navigate(move),
		back: (s) => (s.ports.filter !== '' ? setPortsFilter(s, '') : {...s, screen: 'list'}),
		probe,
		filter: (s) => ({...s, field: openField({kind: 'filter', of: 'ports'}, s.ports.filter)}),
	},
};
