/** The services view (`w`, `:services`) and a service's page (Enter): moving, opening, live reloads. */
import type {CommandId} from '../../app/input/commands.js';
import {cursorTarget, navigate} from '../../app/input/navigation.js';
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight, scrollInto} from '../../app/layout.js';
import {request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import type {ServiceInfo} from '../../model/swarm/types.js';
import type {SwarmLoad} from '../../operations/services.js';
import {openServiceEditor} from './editor.js';
import {serviceLines} from './lines.js';

/** The services shown (every service of the last load, by name). */
export function visibleServices(state: Pick<State, 'services'>): ServiceInfo[] {
	const load = state.services.load;
	return load?.manager ? load.snapshot.services : [];
}

export function selectedService(state: Pick<State, 'services'>): ServiceInfo | undefined {
	const rows = visibleServices(state);
	return rows.find((s) => s.id === state.services.selectedId) ?? rows[0];
}

/** Keeps the cursor on a service and inside the window. */
function settle(state: State): State {
	const rows = visibleServices(state);
	const sv = state.services;
	const index = Math.max(0, rows.findIndex((s) => s.id === sv.selectedId));
	const scrollTop = rows.length === 0 ? 0 : scrollInto(index, sv.scrollTop, rows.length, listHeight(state));
	const selectedId = rows[index]?.id ?? null;
	return selectedId === sv.selectedId && scrollTop === sv.scrollTop ? state : {...state, services: {...sv, selectedId, scrollTop}};
}

/** `w`, `:services`: opens the view and loads the swarm. */
export function openServicesView(state: State): State {
	return request({...state, screen: 'services', details: null, confirm: null}, {kind: 'loadServices'});
}

/** A service, node or container event while a services screen is open: load again. */
export function reloadServices(state: State): State {
	return state.screen === 'services' || state.screen === 'service' || state.screen === 'serviceEditor' || state.screen === 'networks' ? request(state, {kind: 'loadServices'}) : state;
}

export function servicesLoaded(state: State, load: SwarmLoad, networkNames: Record<string, string>): State {
	return settle({...state, services: {...state.services, load, networkNames, error: null}});
}

export function servicesFailed(state: State, message: string): State {
	return {...state, services: {...state.services, error: message}};
}

function move(id: CommandId) {
	return (state: State): State => {
		const rows = visibleServices(state);
		if (rows.length === 0) return state;
		const current = Math.max(0, rows.findIndex((s) => s.id === state.services.selectedId));
		const target = cursorTarget(id, current, rows.length, listHeight(state)) ?? current;
		return settle({...state, services: {...state.services, selectedId: rows[target]?.id ?? null}});
	};
}

function open(state: State): State {
	const s = selectedService(state);
	return s ? {...state, screen: 'service', services: {...state.services, shown: s.id, scroll: 0}} : state;
}

const scrollBy = (delta: number) => (state: State): State => {
	const sv = state.services;
	const max = Math.max(0, serviceLines(state).length - listHeight(state));
	const scroll = Math.min(max, Math.max(0, sv.scroll + delta));
	return scroll === sv.scroll ? state : {...state, services: {...sv, scroll}};
};

export const handlers: HandlerTable = {
	list: {openServices: openServicesView},
	services: {
		...navigate(move),
		back: (s) => ({...s, screen: 'list'}),
		open,
		editPorts: (s) => {
			const svc = selectedService(s);
			return svc ? openServiceEditor(s, svc, 'services') : s;
		},
	},
	service: {
		back: (s) => ({...s, screen: 'services'}),
		up: scrollBy(-1),
		down: scrollBy(1),
		editPorts: (s) => {
			const svc = visibleServices(s).find((x) => x.id === s.services.shown);
			return svc ? openServiceEditor(s, svc, 'service') : s;
		},
	},
};
