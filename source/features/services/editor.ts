/**
 * The port editor of a swarm service (`p` in the services view): rows of `--publish` specs (short or
 * long syntax, the CLI's words for a bad one), a review (old -> new, conflicts with the next free
 * port, the `docker service update` line), then a service update the engine rolls out; its progress
 * and outcome (rolled back, with the reason) are shown. The text field and review widgets are the
 * container editor's (features/editor).
 */
import type {FieldHandlers, HandlerTable} from '../../app/handlers.js';
import {openField} from '../../app/input/text-field.js';
import {request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import {PortSpecError} from '../../model/ports/index.js';
import {parsePublish, portSpec} from '../../model/swarm/publish.js';
import type {ServiceInfo, ServicePort} from '../../model/swarm/types.js';
import type {ServiceConflict} from '../../operations/service-conflicts.js';
import type {ServiceProgress} from '../../operations/services.js';
import type {ServiceEditorState} from './state.js';

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** The CLI's message for a bad row, or null. */
export function rowError(spec: string): string | null {
	try {
		parsePublish(spec);
		return null;
	} catch (error) {
		if (error instanceof PortSpecError) return error.message;
		throw error;
	}
}

/** The ports the rows ask for (every row valid). */
export function rowsPorts(rows: string[]): ServicePort[] {
	return rows.flatMap((r) => parsePublish(r));
}

export function openServiceEditor(state: State, s: ServiceInfo, returnTo: 'services' | 'service'): State {
	const rows = s.specPorts.map(portSpec);
	const svcEditor: ServiceEditorState = {id: s.id, name: s.name, returnTo, original: s.specPorts, rows, cursor: 0, stage: 'edit', conflicts: null, conflictError: null, progress: null, result: null};
	return {...state, screen: 'serviceEditor', svcEditor, field: null};
}

const set = (state: State, e: Partial<ServiceEditorState>): State => (state.svcEditor ? {...state, svcEditor: {...state.svcEditor, ...e}} : state);

function close(state: State): State {
	return {...state, screen: state.svcEditor?.returnTo ?? 'services', svcEditor: null, field: null};
}

function review(state: State): State {
	const e = state.svcEditor;
	if (!e) return state;
	const bad = e.rows.findIndex((r) => rowError(r) !== null);
	if (bad >= 0) return {...state, notice: {tone: 'error', text: `row ${bad + 1}: ${rowError(e.rows[bad] ?? '') ?? ''}`}};
	const ports = rowsPorts(e.rows);
	return request(set(state, {stage: 'review', conflicts: null, conflictError: null}), {kind: 'checkServiceConflicts', serviceId: e.id, ports});
}

function apply(state: State): State {
	const e = state.svcEditor;
	if (e?.stage !== 'review') return state;
	if (e.conflicts?.some((c) => c.holderRunning)) {
		return {...state, notice: {tone: 'error', text: `a host port is taken: ${e.conflicts.some((c) => c.suggestion !== null) ? 'u uses the free ports, ' : ''}Esc goes back to the rows`}};
	}
	const ports = rowsPorts(e.rows);
	return request(set(state, {stage: 'applying', progress: null, result: null}), {kind: 'changeServicePorts', serviceId: e.id, name: e.name, ports});
}

/** Replaces the published port of each conflicting row by the suggested free one. */
function useSuggestions(state: State): State {
	const e = state.svcEditor;
	if (e?.stage !== 'review') return state;
	const rows = e.rows.map((r) => {
		const ports = parsePublish(r);
		const c = (e.conflicts ?? []).find((x) => x.suggestion !== null && ports.length === 1 && ports[0]?.publishedPort === x.port.publishedPort && ports[0].targetPort === x.port.targetPort);
		return c && ports[0] ? portSpec({...ports[0], publishedPort: c.suggestion ?? 0}) : r;
	});
	return review(set(state, {rows}));
}

const inEdit =
	(fn: (state: State, e: ServiceEditorState) => State) =>
	(state: State): State =>
		state.svcEditor?.stage === 'edit' ? fn(state, state.svcEditor) : state;

export const svcEditorFields: FieldHandlers = {
	servicePort: {
		problem: (_state, field) => (field.text.trim() === '' ? null : rowError(field.text.trim())),
		accept(state, field) {
			const e = state.svcEditor;
			if (field.target.kind !== 'servicePort' || !e) return state;
			const index = field.target.index;
			const text = field.text.trim();
			const rows = [...e.rows];
			if (text === '') return set(state, {rows: rows.filter((_, i) => i !== index)});
			rows[index] = text;
			return set(state, {rows});
		},
		cancel(state, field) {
			const e = state.svcEditor;
			if (field.target.kind !== 'servicePort' || !field.added || !e) return state;
			const index = field.target.index;
			return set(state, {rows: e.rows.filter((_, i) => i !== index)});
		},
	},
};

export const svcEditorHandlers: HandlerTable = {
	serviceEditor: {
		up: inEdit((s, e) => set(s, {cursor: clamp(e.cursor - 1, 0, e.rows.length)})),
		down: inEdit((s, e) => set(s, {cursor: clamp(e.cursor + 1, 0, e.rows.length)})),
		rowEdit: inEdit((s, e) => (e.cursor >= e.rows.length ? review(s) : {...s, field: openField({kind: 'servicePort', index: e.cursor}, e.rows[e.cursor] ?? '')})),
		rowAdd: inEdit((s, e) => ({...set(s, {rows: [...e.rows, ''], cursor: e.rows.length}), field: openField({kind: 'servicePort', index: e.rows.length}, '', true)})),
		rowDelete: inEdit((s, e) => (e.cursor >= e.rows.length ? s : set(s, {rows: e.rows.filter((_, i) => i !== e.cursor), cursor: clamp(e.cursor, 0, e.rows.length - 1)}))),
		editorApply: inEdit(review),
		confirmYes: apply,
		useSuggestion: useSuggestions,
		editorCancel: (s) => (s.svcEditor?.stage === 'review' ? set(s, {stage: 'edit'}) : s.svcEditor?.stage === 'applying' ? s : close(s)),
	},
};

export function svcConflictsFound(state: State, id: string, conflicts: ServiceConflict[], error: string | null): State {
	return state.svcEditor?.id === id && state.svcEditor.stage === 'review' ? set(state, {conflicts, conflictError: error}) : state;
}

export function svcProgress(state: State, id: string, progress: ServiceProgress): State {
	return state.svcEditor?.id === id ? set(state, {progress}) : state;
}

/** The update finished: the editor goes back to editing, with the outcome (the new ports, or why it was rolled back). */
export function svcDone(state: State, id: string, ok: boolean, text: string): State {
	const notice = {tone: ok ? ('info' as const) : ('error' as const), text};
	const next = request({...state, notice}, {kind: 'loadServices'});
	if (next.svcEditor?.id !== id) return next;
	return set(next, {stage: 'edit', result: {tone: ok ? 'info' : 'error', text}, ...(ok ? {original: rowsPorts(next.svcEditor.rows)} : {})});
}
