/**
 * The reducer's port-editor part (`p`): rows in docker syntax, the shared text field, the review
 * (old -> new, conflicts) and the queued recreate. Pure; `editor-effects.ts` talks to the engine.
 */
import {fieldText} from '../model/sanitize.js';
import type {ContainerDetails} from '../model/container.js';
import {firstInvalid, portConfigOf, specError, specFields, specOf, specsFromBindings} from '../model/port-rows.js';
import {validateLink} from '../model/run-spec.js';
import type {CommandId} from './commands.js';
import type {EditorAction} from './editor-actions.js';
import type {EditorState, FieldState} from './editor-state.js';
import {backupAction, backupCommand} from './reducer-backup.js';
import {formAction, formCommand, openForm} from './reducer-form.js';
import {selectedContainer} from './selectors.js';
import type {State} from './state.js';
import {fromDetails} from './from-details.js';

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, n));

/** True when the rows or `-P` differ from what the container had. */
export function editorDirty(editor: EditorState): boolean {
	const o = editor.original;
	if (!o) return false;
	return editor.publishAll !== o.publishAll || editor.rows.length !== o.specs.length || editor.rows.some((r, i) => r !== o.specs[i]);
}

function openEditor(state: State): State {
	const c = selectedContainer(state);
	if (!c) return state;
	const editor: EditorState = {
		id: c.id,
		name: c.name,
		original: null,
		error: null,
		rows: [],
		publishAll: false,
		cursor: 0,
		stage: 'edit',
		conflicts: null,
		conflictError: null,
	};
	return {...state, screen: 'editor', editor, field: null};
}

function loaded(editor: EditorState, d: ContainerDetails): EditorState {
	const specs = specsFromBindings(d.portBindings);
	return {
		...editor,
		original: {
			image: d.image,
			autoRemove: d.autoRemove,
			running: d.state.running,
			links: d.links,
			exposed: d.exposedPorts,
			bindings: d.portBindings,
			specs,
			publishAll: d.publishAllPorts,
		},
		error: null,
		rows: specs,
		publishAll: d.publishAllPorts,
		cursor: 0,
	};
}

/** The rows the field edits: the editor's or the form's. */
function rowsOf(state: State): string[] {
	return (state.screen === 'new' ? state.form?.rows : state.editor?.rows) ?? [];
}

function withRows(state: State, rows: string[], cursor?: number): State {
	if (state.screen === 'new' && state.form) return {...state, form: {...state.form, rows, ...(cursor === undefined ? {} : {cursor})}};
	if (state.editor) return {...state, editor: {...state.editor, rows, ...(cursor === undefined ? {} : {cursor})}};
	return state;
}

/** Why the field's text cannot be accepted (the docker CLI's words), or null. */
export function fieldProblem(field: FieldState): string | null {
	const text = field.text.trim();
	switch (field.target.kind) {
		case 'port':
			return text === '' ? null : specError(text);
		case 'alias':
			try {
				validateLink(`${field.target.source}:${text === '' ? field.target.source : text}`);
				return null;
			} catch (error) {
				return error instanceof Error ? error.message : String(error);
			}
		default:
			return null;
	}
}

function fieldCommand(state: State, field: FieldState, id: CommandId): State {
	if (id === 'fieldCancel') {
		if (field.added && field.target.kind === 'port') {
			const index = field.target.index;
			return withRows({...state, field: null}, rowsOf(state).filter((_, i) => i !== index));
		}
		return {...state, field: null};
	}
	if (id !== 'fieldAccept') return state;
	if (fieldProblem(field) !== null) return state;
	const text = field.text.trim();
	const target = field.target;
	const closed = {...state, field: null};
	switch (target.kind) {
		case 'port': {
			const rows = [...rowsOf(state)];
			if (text === '') return withRows(closed, rows.filter((_, i) => i !== target.index));
			rows[target.index] = text;
			return withRows(closed, rows);
		}
		case 'alias':
			return state.form
				? {...closed, form: {...state.form, links: state.form.links.map((l) => (l.source === target.source ? {...l, alias: text || l.source} : l))}}
				: closed;
		case 'image':
		case 'name':
		case 'command':
			return state.form ? {...closed, form: {...state.form, [target.kind]: field.text, error: null}} : closed;
		case 'net':
			// Handled by reducer-links.ts before it gets here.
			return closed;
	}
}

/** Replaces the host port of conflicting rows by the suggested free port. */
function useSuggestions(editor: EditorState): EditorState {
	const rows = [...editor.rows];
	let changed = false;
	for (const c of editor.conflicts ?? []) {
		if (c.row === null || c.suggestion === null) continue;
		const f = specFields(rows[c.row] ?? '');
		if (!f || f.hostPort.includes('-')) continue;
		rows[c.row] = specOf(`${f.containerPort}/${f.protocol}`, {hostIp: f.hostIp, hostPort: String(c.suggestion)});
		changed = true;
	}
	return changed ? {...editor, rows, conflicts: null, conflictError: null} : editor;
}

function apply(state: State, editor: EditorState): State {
	if (!editor.original) return state;
	const bad = firstInvalid(editor.rows);
	if (bad) return {...state, notice: {tone: 'error', text: `row ${bad.index + 1}: ${bad.message}`}};
	if (!editorDirty(editor)) return {...state, notice: {tone: 'info', text: `${editor.name}: nothing to change`}};
	return {...state, editor: {...editor, stage: 'review', conflicts: null, conflictError: null}};
}

function confirmApply(state: State, editor: EditorState): State {
	const ports = portConfigOf(editor.rows, editor.publishAll);
	const seq = state.recreateSeq + 1;
	const request = {seq, id: editor.id, name: editor.name, bindings: ports.PortBindings, exposed: Object.keys(ports.ExposedPorts), publishAll: editor.publishAll};
	return {
		...state,
		screen: 'list',
		editor: null,
		recreateSeq: seq,
		recreates: [...state.recreates, request],
		notice: {tone: 'info', text: `recreating ${editor.name}…`},
	};
}

function editorScreenCommand(state: State, editor: EditorState, id: CommandId): State | null {
	const set = (e: Partial<EditorState>): State => ({...state, editor: {...editor, ...e}});
	const close = (): State => ({...state, screen: 'list', editor: null, field: null});
	if (editor.stage === 'discard') {
		if (id === 'confirmYes') return close();
		if (id === 'confirmNo') return set({stage: 'edit'});
		return null;
	}
	if (editor.stage === 'review') {
		if (id === 'confirmYes') return confirmApply(state, editor);
		if (id === 'confirmNo') return set({stage: 'edit'});
		if (id === 'useSuggestion') return {...state, editor: useSuggestions(editor)};
		return null;
	}
	const last = editor.rows.length;
	switch (id) {
		case 'up':
			return set({cursor: clamp(editor.cursor - 1, 0, last)});
		case 'down':
			return set({cursor: clamp(editor.cursor + 1, 0, last)});
		case 'editorCancel':
			return editorDirty(editor) ? set({stage: 'discard'}) : close();
		case 'editorApply':
			return apply(state, editor);
		default:
			break;
	}
	if (!editor.original) return id === 'rowAdd' || id === 'rowEdit' || id === 'rowDelete' || id === 'togglePublishAll' ? state : null;
	switch (id) {
		case 'rowAdd':
			return {...set({rows: [...editor.rows, ''], cursor: last}), field: {target: {kind: 'port', index: last}, text: '', added: true}};
		case 'rowEdit':
			if (editor.cursor >= last) return apply(state, editor);
			return {...state, field: {target: {kind: 'port', index: editor.cursor}, text: editor.rows[editor.cursor] ?? '', added: false}};
		case 'rowDelete':
			if (editor.cursor >= last) return state;
			return set({rows: editor.rows.filter((_, i) => i !== editor.cursor), cursor: clamp(editor.cursor, 0, last - 1)});
		case 'togglePublishAll':
			return set({publishAll: !editor.publishAll});
		default:
			return null;
	}
}

/**
 * Commands of the editor, the form, their text field and the backup offer; null when the command
 * is not theirs in this state (the main reducer handles it).
 */
export function editorCommand(state: State, id: CommandId): State | null {
	if (state.confirm) return null;
	if (state.backupOffer) {
		const handled = backupCommand(state, state.backupOffer, id);
		if (handled) return handled;
	}
	if (id === 'editPorts' && (state.screen === 'list' || state.screen === 'details')) return openEditor(fromDetails(state));
	if (state.screen === 'list' && id === 'newContainer') return openForm(state);
	if (state.field) return id === 'fieldAccept' || id === 'fieldCancel' ? fieldCommand(state, state.field, id) : null;
	if (state.screen === 'editor' && state.editor) return editorScreenCommand(state, state.editor, id);
	if (state.screen === 'new' && state.form) return formCommand(state, state.form, id);
	return null;
}

/** The editor's, form's and backup offer's actions. */
export function editorAction(state: State, action: EditorAction): State {
	switch (action.type) {
		case 'editor/loaded':
			return state.editor?.id === action.id ? {...state, editor: loaded(state.editor, action.details)} : state;
		case 'editor/failed':
			return state.editor?.id === action.id ? {...state, editor: {...state.editor, error: action.message}} : state;
		case 'editor/conflicts':
			if (state.editor?.id !== action.id || state.editor.stage !== 'review') return state;
			return {...state, editor: {...state.editor, conflicts: action.conflicts, conflictError: action.error}};
		case 'recreate/done':
			return {
				...state,
				recreates: state.recreates.filter((r) => r.seq !== action.seq),
				notice: {tone: action.ok ? 'info' : 'error', text: action.text},
			};
		case 'field/set':
			return state.field ? {...state, field: {...state.field, text: fieldText(action.text)}} : state;
		case 'form/images':
		case 'form/image':
		case 'form/done':
			return formAction(state, action);
		case 'backup/found':
		case 'backup/done':
			return backupAction(state, action);
	}
}
