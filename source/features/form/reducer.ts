/** The reducer's new-container form part (`n`): items, toggles, links, Create. Pure. */
import type {CommandId} from './commands.js';
import type {EditorAction} from './editor-actions.js';
import type {FormItem, FormState} from './editor-state.js';
import {formItems, formProblem} from './form-spec.js';
import type {State} from './state.js';

export function openForm(state: State): State {
	const form: FormState = {
		image: '',
		name: '',
		command: '',
		rows: [],
		publishAll: false,
		autoRemove: false,
		links: [],
		cursor: 0,
		images: null,
		imagesError: null,
		picking: false,
		stage: 'edit',
		error: null,
		createSeq: 0,
	};
	return {...state, screen: 'new', form, field: null};
}

function dirty(form: FormState): boolean {
	return form.image !== '' || form.name !== '' || form.command !== '' || form.rows.length > 0 || form.publishAll || form.autoRemove || form.links.length > 0;
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
	if (problem) return {...state, form: {...form, error: problem}};
	return {...state, form: {...form, stage: 'creating', error: null, createSeq: form.createSeq + 1}};
}

/** Commands on the form screen; null when not the form's. */
export function formCommand(state: State, form: FormState, id: CommandId): State | null {
	const set = (f: FormState): State => ({...state, form: f});
	const close = (): State => ({...state, screen: 'list', form: null, field: null});
	if (form.picking) return id === 'fieldCancel' ? set({...form, picking: false}) : null;
	if (form.stage === 'discard') {
		if (id === 'confirmYes') return close();
		if (id === 'confirmNo') return set({...form, stage: 'edit'});
		return null;
	}
	if (form.stage === 'creating') return id === 'editorCancel' ? state : null;
	const items = formItems(form, state.containers);
	const item = items[Math.min(form.cursor, items.length - 1)];
	switch (id) {
		case 'up':
			return set({...form, cursor: Math.max(0, form.cursor - 1)});
		case 'down':
			return set({...form, cursor: Math.min(items.length - 1, form.cursor + 1)});
		case 'editorCancel':
			return dirty(form) ? set({...form, stage: 'discard'}) : close();
		case 'editorApply':
			return submit(state, form);
		case 'togglePublishAll':
			return set({...form, publishAll: !form.publishAll});
		case 'toggleItem':
			return set(toggle(form, item));
		case 'pickImage':
			if (!form.images || form.images.length === 0) {
				return {...state, notice: {tone: 'info', text: form.imagesError ?? (form.images ? 'no local images: type a name with Enter' : 'listing images…')}};
			}
			return set({...form, picking: true, cursor: 0});
		case 'rowAdd': {
			const index = form.rows.length;
			// The new row takes the place -P had: the cursor goes onto it.
			const cursor = items.findIndex((i) => i.kind === 'publishAll');
			return {...set({...form, rows: [...form.rows, ''], cursor}), field: {target: {kind: 'port', index}, text: '', added: true}};
		}
		case 'rowDelete':
			if (item?.kind === 'port') return set({...form, rows: form.rows.filter((_, i) => i !== item.index), cursor: Math.max(0, form.cursor - 1)});
			if (item?.kind === 'link' && form.links.some((l) => l.source === item.source)) return set(toggleLink(form, item.source));
			return state;
		case 'rowEdit':
			switch (item?.kind) {
				case 'image':
				case 'name':
				case 'command':
					return {...state, field: {target: {kind: item.kind}, text: form[item.kind], added: false}};
				case 'port':
					return {...state, field: {target: {kind: 'port', index: item.index}, text: form.rows[item.index] ?? '', added: false}};
				case 'link': {
					const link = form.links.find((l) => l.source === item.source);
					if (!link) return set(toggleLink(form, item.source));
					return {...state, field: {target: {kind: 'alias', source: item.source}, text: link.alias, added: false}};
				}
				case 'create':
					return submit(state, form);
				default:
					return set(toggle(form, item));
			}
		default:
			return null;
	}
}

/** The form's actions. */
export function formAction(state: State, action: Extract<EditorAction, {type: 'form/images' | 'form/image' | 'form/done'}>): State {
	const form = state.form;
	if (!form) return state;
	switch (action.type) {
		case 'form/images':
			return {...state, form: {...form, images: action.images, imagesError: action.error}};
		case 'form/image':
			return {...state, form: {...form, image: action.image, picking: false, error: null}};
		case 'form/done':
			if (action.seq !== form.createSeq) return state;
			if (action.error !== null) return {...state, form: {...form, stage: 'edit', error: action.error}};
			return {
				...state,
				screen: 'list',
				form: null,
				field: null,
				...(action.id ? {selectedId: action.id} : {}),
				notice: {tone: 'info', text: `created ${action.name}: ${(action.id ?? '').slice(0, 12)}`},
			};
	}
}
