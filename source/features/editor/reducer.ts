/**
 * The port editor (`p`): rows in docker syntax, the text field that edits them (shared with the
 * new-container form), the review (old -> new, conflicts) and the recreate it queues.
 */
import type {FieldHandlers} from '../../app/handlers.js';
import type {HandlerTable} from '../../app/handlers.js';
import {request, requestWithId} from '../../app/request.js';
import type {State} from '../../app/state.js';
import {openField} from '../../app/input/text-field.js';
import type {ContainerDetails} from '../../model/container.js';
import {firstInvalid, portConfigOf, specError, specFields, specOf, specsFromBindings} from '../../model/port-rows.js';
import {parsePortSpec, toStandardNotation} from '../../model/ports/index.js';
import type {ConflictNote} from '../../operations/port-conflicts.js';
import {withSubject} from '../details/subject.js';
import type {EditorConflict, EditorState} from './state.js';

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** True when the rows or `-P` differ from what the container had. */
export function editorDirty(editor: EditorState): boolean {
	const o = editor.original;
	if (!o) return false;
	return editor.publishAll !== o.publishAll || editor.rows.length !== o.specs.length || editor.rows.some((r, i) => r !== o.specs[i]);
}

function openEditor(state: State): State {
	return withSubject(state, (s, c, origin) => {
		const editor: EditorState = {
			id: c.id,
			name: c.name,
			origin,
			original: null,
			fingerprint: null,
			error: null,
			rows: [],
			publishAll: false,
			cursor: 0,
			stage: 'edit',
			discardThen: 'close',
			applyError: null,
			conflicts: null,
			conflictError: null,
		};
		return request({...s, screen: 'editor', editor, field: null}, {kind: 'loadEditor', containerId: c.id});
	});
}

function loaded(editor: EditorState, d: ContainerDetails, fingerprint: string): EditorState {
	const specs = specsFromBindings(d.portBindings);
	return {
		...editor,
		fingerprint,
		original: {
			image: d.image,
			autoRemove: d.autoRemove,
			running: d.state.running,
			links: d.links,
			exposed: d.exposedPorts,
			bindings: d.portBindings,
			live: d.ports,
			networks: d.networks,
			specs,
			publishAll: d.publishAllPorts,
		},
		error: null,
		rows: specs,
		publishAll: d.publishAllPorts,
		cursor: 0,
	};
}

/** The rows the port field edits: the form's on the form screen, else the editor's. */
function rowsOf(state: State): string[] {
	return (state.screen === 'new' ? state.form?.rows : state.editor?.rows) ?? [];
}

function withRows(state: State, rows: string[]): State {
	if (state.screen === 'new' && state.form) return {...state, form: {...state.form, rows}};
	if (state.editor) return {...state, editor: {...state.editor, rows}};
	return state;
}

/** The port row field (editor and form): an empty row goes away, an invalid one is refused. */
export const editorFields: FieldHandlers = {
	port: {
		problem: (_state, field) => (field.text.trim() === '' ? null : specError(field.text.trim())),
		accept(state, field) {
			if (field.target.kind !== 'port') return state;
			const index = field.target.index;
			const text = field.text.trim();
			const rows = [...rowsOf(state)];
			if (text === '') return withRows(state, rows.filter((_, i) => i !== index));
			rows[index] = text;
			return withRows(state, rows);
		},
		cancel(state, field) {
			if (field.target.kind !== 'port' || !field.added) return state;
			const index = field.target.index;
			return withRows(state, rowsOf(state).filter((_, i) => i !== index));
		},
	},
};

/** The row whose spec asks for this binding. */
function rowOf(rows: string[], c: ConflictNote): number | null {
	for (let i = 0; i < rows.length; i++) {
		try {
			const hit = parsePortSpec(toStandardNotation(rows[i] ?? '')).some(
				(m) => m.port === c.containerPort && m.binding.HostIp === c.hostIp && m.binding.HostPort === String(c.hostPort),
			);
			if (hit) return i;
		} catch {
			// invalid rows never reach review
		}
	}
	return null;
}

/** Replaces the host port of conflicting rows by the suggested free port. */
function useSuggestions(state: State): State {
	const editor = state.editor;
	if (!editor) return state;
	const rows = [...editor.rows];
	let changed = false;
	for (const c of editor.conflicts ?? []) {
		if (c.row === null || c.suggestion === null) continue;
		const f = specFields(rows[c.row] ?? '');
		if (!f || f.hostPort.includes('-')) continue;
		rows[c.row] = specOf(`${f.containerPort}/${f.protocol}`, {hostIp: f.hostIp, hostPort: String(c.suggestion)});
		changed = true;
	}
	return changed ? review({...state, editor: {...editor, rows}}) : state;
}

/** The review: the change, and a conflict check of its host ports. */
function review(state: State): State {
	const editor = state.editor;
	if (!editor) return state;
	const bindings = portConfigOf(editor.rows, editor.publishAll).PortBindings;
	return request({...state, editor: {...editor, stage: 'review', conflicts: null, conflictError: null}}, {kind: 'checkConflicts', containerId: editor.id, bindings});
}

function apply(state: State): State {
	const editor = state.editor;
	if (!editor?.original) return state;
	const bad = firstInvalid(editor.rows);
	if (bad) return {...state, notice: {tone: 'error', text: `row ${bad.index + 1}: ${bad.message}`}};
	if (!editorDirty(editor)) return {...state, notice: {tone: 'info', text: `${editor.name}: nothing to change`}};
	return review(state);
}

/**
 * `y`: the recreate runs while the editor stays open (its edits are kept if it fails); the list's
 * cursor follows the name. A host port held now refuses it (the transaction would too); a port a
 * stopped container asks for is a warning, and the change goes on.
 */
function confirmApply(state: State): State {
	const editor = state.editor;
	if (!editor) return state;
	if (editor.conflicts?.some((c) => c.holderRunning)) {
		const free = editor.conflicts.some((c) => c.holderRunning && c.suggestion !== null && c.row !== null) ? 'u uses the free ports, ' : '';
		return {...state, notice: {tone: 'error', text: `a host port is taken: ${free}n goes back to the rows`}};
	}
	const ports = portConfigOf(editor.rows, editor.publishAll);
	const change = {
		containerId: editor.id,
		name: editor.name,
		bindings: ports.PortBindings,
		exposed: Object.keys(ports.ExposedPorts),
		publishAll: editor.publishAll,
		fingerprint: editor.fingerprint,
	};
	const {state: next, id} = requestWithId(state, {kind: 'recreatePorts', request: change});
	return {
		...next,
		editor: {...editor, stage: 'applying', applyError: null},
		recreates: [...state.recreates, {id, ...change}],
		follow: editor.name,
		notice: {tone: 'info', text: `recreating ${editor.name}…`},
	};
}

const set = (state: State, e: Partial<EditorState>): State => (state.editor ? {...state, editor: {...state.editor, ...e}} : state);

/** Closes the editor, back where it was opened (the details of the container, or the list). */
function close(state: State): State {
	const back = state.editor?.origin === 'details' && state.details ? 'details' : 'list';
	return {...state, screen: back, editor: null, field: null};
}

/** Row commands need the loaded container; before that they do nothing. */
const whenLoaded =
	(fn: (state: State, editor: EditorState) => State) =>
	(state: State): State =>
		state.editor?.original ? fn(state, state.editor) : state;

function rowEdit(state: State, editor: EditorState): State {
	if (editor.cursor >= editor.rows.length) return apply(state);
	return {...state, field: openField({kind: 'port', index: editor.cursor}, editor.rows[editor.cursor] ?? '')};
}

function rowAdd(state: State, editor: EditorState): State {
	const last = editor.rows.length;
	return {...set(state, {rows: [...editor.rows, ''], cursor: last}), field: openField({kind: 'port', index: last}, '', true)};
}

function rowDelete(state: State, editor: EditorState): State {
	const last = editor.rows.length;
	if (editor.cursor >= last) return state;
	return set(state, {rows: editor.rows.filter((_, i) => i !== editor.cursor), cursor: clamp(editor.cursor, 0, last - 1)});
}

/** The conflicts the check found, each with the row that asked for the port. */
export function conflictsFound(state: State, id: string, conflicts: ConflictNote[], error: string | null): State {
	const editor = state.editor;
	if (editor?.id !== id || editor.stage !== 'review') return state;
	const notes: EditorConflict[] = conflicts.map((c) => ({...c, row: rowOf(editor.rows, c)}));
	return set(state, {conflicts: notes, conflictError: error});
}

export function editorLoaded(state: State, id: string, details: ContainerDetails, fingerprint: string): State {
	return state.editor?.id === id ? {...state, editor: loaded(state.editor, details, fingerprint)} : state;
}

export function editorFailed(state: State, id: string, message: string): State {
	return state.editor?.id === id ? {...state, editor: {...state.editor, error: message}} : state;
}

/** A recreate finished: the editor that waited for it closes on success, or keeps its edits and says why. */
export function recreateDone(state: State, id: number, ok: boolean, text: string, full?: string): State {
	const request = state.recreates.find((r) => r.id === id);
	const notice = {tone: ok ? ('info' as const) : ('error' as const), text, ...(full !== undefined && full !== text ? {detail: full} : {})};
	const next: State = {...state, recreates: state.recreates.filter((r) => r.id !== id), notice};
	const editor = next.editor;
	if (!request || editor?.stage !== 'applying' || editor.id !== request.containerId) return next;
	return ok ? close(next) : set(next, {stage: 'edit', applyError: text});
}

/** `q` with unsaved changes asks first (Ctrl+C quits at once); null when the editor has none. */
export function askBeforeQuit(state: State): State | null {
	const editor = state.editor;
	if (state.screen !== 'editor' || !editor || editor.stage !== 'edit' || !editorDirty(editor)) return null;
	return set(state, {stage: 'discard', discardThen: 'quit'});
}

/** `discard` is shared with the form: it answers for whichever screen asked. */
function discardYes(state: State): State {
	if (state.screen === 'new') return state.form?.discardThen === 'quit' ? {...state, quitting: true} : {...state, screen: 'list', form: null, field: null};
	return state.editor?.discardThen === 'quit' ? {...state, quitting: true} : close(state);
}

function discardNo(state: State): State {
	if (state.screen === 'new' && state.form) return {...state, form: {...state.form, stage: 'edit', discardThen: 'close'}};
	return set(state, {stage: 'edit', discardThen: 'close'});
}

export const handlers: HandlerTable = {
	list: {editPorts: openEditor},
	details: {editPorts: openEditor},
	editor: {
		up: (s) => set(s, {cursor: clamp((s.editor?.cursor ?? 0) - 1, 0, s.editor?.rows.length ?? 0)}),
		down: (s) => set(s, {cursor: clamp((s.editor?.cursor ?? 0) + 1, 0, s.editor?.rows.length ?? 0)}),
		editorCancel: (s) => (s.editor && editorDirty(s.editor) ? set(s, {stage: 'discard', discardThen: 'close'}) : close(s)),
		editorApply: apply,
		rowAdd: whenLoaded(rowAdd),
		rowEdit: whenLoaded(rowEdit),
		rowDelete: whenLoaded(rowDelete),
		togglePublishAll: whenLoaded((s, e) => set(s, {publishAll: !e.publishAll})),
	},
	review: {
		confirmYes: confirmApply,
		confirmNo: (s) => set(s, {stage: 'edit'}),
		useSuggestion: useSuggestions,
	},
	discard: {confirmYes: discardYes, confirmNo: discardNo},
};

