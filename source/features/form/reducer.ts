/** The new-container form (`n`): items, toggles, links, the image list, Create. */
import type {FieldHandlers} from '../../app/handlers.js';
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight} from '../../app/layout.js';
import {cursorTarget, navigate} from '../../app/input/navigation.js';
import type {CommandId} from '../../app/input/commands.js';
import {request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import {openField} from '../../app/input/text-field.js';
import {errorText} from '../../model/error-text.js';
import {validateLink} from '../../model/run-spec.js';
import {matchesFilter} from '../list/selectors.js';
import {emptyNet, netItemProblem} from './net.js';
import {formItems, formProblem, formRunSpec} from './spec.js';
import type {FormItem, FormState} from './state.js';

function openForm(state: State): State {
	const form: FormState = {
		image: '',
		name: '',
		command: '',
		rows: [],
		publishAll: false,
		autoRemove: false,
		net: emptyNet(),
		links: [],
		cursor: 0,
		images: null,
		imagesError: null,
		picking: null,
		stage: 'edit',
		discardThen: 'close',
		error: null,
		errorFull: null,
	};
	return request({...state, screen: 'new', form, field: null}, {kind: 'listImages'});
}

function dirty(form: FormState): boolean {
	return form.image !== '' || form.name !== '' || form.command !== '' || form.rows.length > 0 || form.publishAll || form.autoRemove || form.links.length > 0 || Object.values(form.net).some((t) => t !== '');
}

function toggleLink(form: FormState, source: string): FormState {
	const on = form.links.some((l) => l.source === source);
	return {...form, links: on ? form.links.filter((l) => l.source !== source) : [...form.links, {source, alias: source}]};
}

function toggle(form: FormState, item: FormItem | undefined): FormState {
	switch (item?.kind) {
		case 'publishAll':
			return {...form, publishAll: !form.publishAll};
		case 'autoRemove':
			return {...form, autoRemove: !form.autoRemove};
		case 'link':
			return toggleLink(form, item.source);
		default:
			return form;
	}
}

function submit(state: State, form: FormState): State {
	const problem = formProblem(form, state.containers);
	if (problem) return {...state, form: {...form, error: problem, errorFull: null}};
	return request({...state, form: {...form, stage: 'creating', error: null, errorFull: null}}, {kind: 'createContainer', spec: formRunSpec(form)});
}

/** A form command: runs `fn` on the form in its edit stage (while creating, keys wait). */
const onForm =
	(fn: (state: State, form: FormState, item: FormItem | undefined) => State) =>
	(state: State): State => {
		const form = state.form;
		if (!form || form.stage !== 'edit') return state;
		const items = formItems(form, state.containers);
		return fn(state, form, items[Math.min(form.cursor, items.length - 1)]);
	};

const set = (state: State, form: FormState): State => ({...state, form});

function rowAdd(state: State, form: FormState): State {
	const index = form.rows.length;
	// The new row takes the place -P had: the cursor goes onto it.
	const cursor = formItems(form, state.containers).findIndex((i) => i.kind === 'publishAll');
	return {...set(state, {...form, rows: [...form.rows, ''], cursor}), field: openField({kind: 'port', index}, '', true)};
}

function rowDelete(state: State, form: FormState, item: FormItem | undefined): State {
	if (item?.kind === 'port') return set(state, {...form, rows: form.rows.filter((_, i) => i !== item.index), cursor: Math.max(0, form.cursor - 1)});
	if (item?.kind === 'link' && form.links.some((l) => l.source === item.source)) return set(state, toggleLink(form, item.source));
	return state;
}

function rowEdit(state: State, form: FormState, item: FormItem | undefined): State {
	switch (item?.kind) {
		case 'image':
		case 'name':
		case 'command':
			return {...state, field: openField({kind: item.kind}, form[item.kind])};
		case 'port':
			return {...state, field: openField({kind: 'port', index: item.index}, form.rows[item.index] ?? '')};
		case 'net':
			return {...state, field: openField({kind: 'formNet', key: item.key}, form.net[item.key])};
		case 'link': {
			const link = form.links.find((l) => l.source === item.source);
			if (!link) return set(state, toggleLink(form, item.source));
			return {...state, field: openField({kind: 'alias', source: item.source}, link.alias)};
		}
		case 'create':
			return submit(state, form);
		default:
			return set(state, toggle(form, item));
	}
}

function pickImage(state: State, form: FormState): State {
	if (!form.images || form.images.length === 0) {
		return {...state, notice: {tone: 'info', text: form.imagesError ?? (form.images ? 'no local images: type a name with Enter' : 'listing images…')}};
	}
	return set(state, {...form, picking: 0, cursor: 0});
}

/** Moves the image list's cursor. */
function movePicker(id: CommandId) {
	return (state: State): State => {
		const form = state.form;
		if (!form || form.picking === null) return state;
		const count = form.images?.length ?? 0;
		const to = cursorTarget(id, form.picking, count, listHeight(state) - 2) ?? form.picking;
		return to === form.picking ? state : set(state, {...form, picking: to});
	};
}

/** Takes `image` as the form's image and closes the list. */
export function chooseImage(state: State, image: string): State {
	return state.form ? set(state, {...state.form, image, picking: null, error: null}) : state;
}

function pickHighlighted(state: State): State {
	const form = state.form;
	const image = form?.picking !== null && form?.picking !== undefined ? form.images?.[form.picking] : undefined;
	return image === undefined ? state : chooseImage(state, image);
}

export function imagesListed(state: State, images: string[] | null, error: string | null): State {
	return state.form ? set(state, {...state.form, images, imagesError: error}) : state;
}

/**
 * The engine's answer to Create: back to the list on the new container (the filter is cleared when
 * it would hide it), or the error in the form with everything typed kept.
 */
export function formDone(state: State, id: string | null, name: string, error: string | null, errorFull?: string, warnings: string[] = []): State {
	const form = state.form;
	if (!form || form.stage !== 'creating') return state;
	if (error !== null) {
		const detail = errorFull !== undefined && errorFull !== error ? {detail: errorFull} : {};
		return {...set(state, {...form, stage: 'edit', error, errorFull: errorFull ?? null}), notice: {tone: 'error', text: error, ...detail}};
	}
	const hidden = state.filter !== '' && !matchesFilter({name, image: form.image, ports: []}, state.filter);
	const created = `created ${name}: ${(id ?? '').slice(0, 12)}${warnings.length > 0 ? ` (warning: ${warnings.join('; ')})` : ''}`;
	return {
		...state,
		screen: 'list',
		form: null,
		field: null,
		...(hidden ? {filter: ''} : {}),
		...(id ? {selectedId: id, follow: name} : {}),
		notice: {tone: 'info', text: hidden ? `${created} (the filter "${state.filter}" hid it: cleared)` : created},
	};
}

/** `q` with unsaved entries asks first (Ctrl+C quits at once); null when the form is empty. */
export function askFormBeforeQuit(state: State): State | null {
	const form = state.form;
	if (state.screen !== 'new' || !form || form.stage !== 'edit' || !dirty(form)) return null;
	return set(state, {...form, stage: 'discard', discardThen: 'quit'});
}

/** The image, name, command and link-alias fields of the form. */
export const formFields: FieldHandlers = {
	image: {accept: (s, f) => (s.form ? set(s, {...s.form, image: f.text, error: null}) : s)},
	name: {accept: (s, f) => (s.form ? set(s, {...s.form, name: f.text, error: null}) : s)},
	command: {accept: (s, f) => (s.form ? set(s, {...s.form, command: f.text, error: null}) : s)},
	formNet: {
		problem: (_s, f) => (f.target.kind === 'formNet' ? netItemProblem(f.target.key, f.text) : null),
		accept: (s, f) => (s.form && f.target.kind === 'formNet' ? set(s, {...s.form, net: {...s.form.net, [f.target.key]: f.text.trim()}, error: null}) : s),
	},
	alias: {
		problem(_s, field) {
			if (field.target.kind !== 'alias') return null;
			const text = field.text.trim();
			try {
				validateLink(`${field.target.source}:${text === '' ? field.target.source : text}`);
				return null;
			} catch (error) {
				return errorText(error);
			}
		},
		accept(s, field) {
			if (!s.form || field.target.kind !== 'alias') return s;
			const source = field.target.source;
			const text = field.text.trim();
			return set(s, {...s.form, links: s.form.links.map((l) => (l.source === source ? {...l, alias: text || l.source} : l))});
		},
	},
};

export const handlers: HandlerTable = {
	list: {newContainer: openForm},
	new: {
		up: onForm((s, f) => set(s, {...f, cursor: Math.max(0, f.cursor - 1)})),
		down: onForm((s, f) => set(s, {...f, cursor: Math.min(formItems(f, s.containers).length - 1, f.cursor + 1)})),
		editorCancel: (s) => (s.form?.stage === 'creating' ? s : s.form && dirty(s.form) ? set(s, {...s.form, stage: 'discard', discardThen: 'close'}) : {...s, screen: 'list', form: null, field: null}),
		editorApply: onForm(submit),
		togglePublishAll: onForm((s, f) => set(s, {...f, publishAll: !f.publishAll})),
		toggleItem: onForm((s, f, item) => set(s, toggle(f, item))),
		pickImage: onForm(pickImage),
		rowAdd: onForm(rowAdd),
		rowDelete: onForm(rowDelete),
		rowEdit: onForm(rowEdit),
	},
	picker: {
		pick: pickHighlighted,
		fieldCancel: (s) => (s.form ? set(s, {...s.form, picking: null}) : s),
		...navigate(movePicker),
	},
};
