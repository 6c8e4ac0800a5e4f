/** The port doctor (`D`): opens the diagnosis of a container or a binding, scrolls it, runs it again. */
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight} from '../../app/layout.js';
import {requestWithId} from '../../app/request.js';
import type {State} from '../../app/state.js';
import {screenLines} from './lines.js';
import {selectedContainer} from '../list/selectors.js';
import {selectedBinding} from '../ports/reducer.js';
import type {DoctorState} from './state.js';

function open(state: State, name: string, port: DoctorState['port']): State {
	const returnTo = state.screen === 'details' || state.screen === 'ports' ? state.screen : 'list';
	const {state: next, id} = requestWithId(state, {kind: 'diagnose', container: name, port});
	return {...next, screen: 'doctor', doctor: {name, port, diagnosis: null, error: null, scroll: 0, returnTo, request: id, running: true, stale: false}};
}

/** Runs the diagnosis again, the last one staying on screen until the new one is in. */
function rerun(state: State, d: DoctorState): State {
	const {state: next, id} = requestWithId(state, {kind: 'diagnose', container: d.name, port: d.port});
	return {...next, doctor: {...d, request: id, running: true, stale: false}};
}

/** The containers a diagnosis is about: its own and the ones its link checks name. */
function concerned(d: DoctorState, name: string): boolean {
	if (name === d.name) return true;
	return (d.diagnosis?.links ?? []).some((c) => c.text.startsWith(`${name}'s link `) || c.text.includes(`'s link ${name}:`));
}

/** Container events that change none of the doctor's facts. */
const QUIET_ACTIONS = /^(?:exec_|attach|detach|top|resize|export|commit|copy|archive-path|extract-to-dir)/;

/**
 * An engine event about a container (ARCHITECTURE.md, "The path of one key press"): a diagnosis on
 * screen that it concerns is run again (once, after the one running, when one runs); exec and the
 * like, which the doctor's own reads cause, are not its business.
 */
export function doctorEvent(state: State, containerId: string, action = ''): State {
	const d = state.doctor;
	// The doctor's own reads (cat through exec) are events too: they change nothing it checks.
	if (!d || state.screen !== 'doctor' || QUIET_ACTIONS.test(action)) return state;
	const name = state.containers.find((c) => c.id === containerId || c.id.startsWith(containerId))?.name;
	if (name === undefined || !concerned(d, name)) return state;
	return d.running ? {...state, doctor: {...d, stale: true}} : rerun(state, d);
}

const fromList = (state: State): State => {
	const c = selectedContainer(state);
	return c ? open(state, c.name, null) : state;
};

const fromDetails = (state: State): State => (state.details ? open(state, state.details.name, null) : state);

const fromPorts = (state: State): State => {
	const row = selectedBinding(state);
	return row ? open(state, row.containerName, {port: row.containerPort, proto: row.protocol}) : state;
};

const again = (state: State): State => {
	const d = state.doctor;
	if (!d) return state;
	return {...open(state, d.name, d.port), doctor: {...d, diagnosis: null, error: null, request: state.nextEffectId, running: true, stale: false}};
};

/** How many lines the diagnosis takes (the view shows them from `scroll`). */
const lineCount = (state: State): number => (state.doctor?.diagnosis ? screenLines(state.doctor, state.size.columns - 1).length : 0);

const scrollBy = (delta: number) => (state: State): State => {
	const d = state.doctor;
	if (!d) return state;
	const max = Math.max(0, lineCount(state) - listHeight(state));
	const scroll = Math.min(max, Math.max(0, d.scroll + delta));
	return scroll === d.scroll ? state : {...state, doctor: {...d, scroll}};
};

/** The answer of a diagnose request; one older than the last request is dropped. */
export function doctorDone(state: State, request: number, diagnosis?: DoctorState['diagnosis'], error?: string): State {
	const d = state.doctor;
	if (!d || d.request !== request) return state;
	const done = {...state, doctor: {...d, diagnosis: diagnosis ?? null, error: error ?? null, running: false}};
	return d.stale && state.screen === 'doctor' ? rerun(done, done.doctor) : done;
}

export const handlers: HandlerTable = {
	list: {diagnose: fromList},
	details: {diagnose: fromDetails},
	ports: {diagnose: fromPorts},
	doctor: {
		back: (s) => ({...s, screen: s.doctor?.returnTo ?? 'list'}),
		diagnose: again,
		up: scrollBy(-1),
		down: scrollBy(1),
	},
};
