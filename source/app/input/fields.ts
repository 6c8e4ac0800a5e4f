/**
 * The owners of the text field's kinds, composed from the features: the `field` mode's Enter and
 * Esc go to the owner of the open field, and views ask here what is wrong with the text.
 */
import {editorFields} from '../../features/editor/reducer.js';
import {formFields} from '../../features/form/reducer.js';
import {linkGraphFields} from '../../features/link-graph/reducer.js';
import {linkPickerFields} from '../../features/link-picker/reducer.js';
import {networksFields} from '../../features/networks/reducer.js';
import {svcEditorFields} from '../../features/services/editor.js';
import {renameFields} from '../../features/rename/reducer.js';
import type {FieldHandler, FieldHandlers} from '../handlers.js';
import type {HandlerTable} from '../handlers.js';
import type {State} from '../state.js';
import type {FieldState} from './text-field.js';

export const FIELD_OWNERS: FieldHandlers = {...editorFields, ...formFields, ...linkPickerFields, ...linkGraphFields, ...renameFields, ...networksFields, ...svcEditorFields};

const ownerOf = (field: FieldState): FieldHandler | undefined => FIELD_OWNERS[field.target.kind];

/** What is wrong with the open field's text (the docker CLI's words where it has them), or null. */
export function fieldProblem(state: State, field: FieldState | null = state.field): string | null {
	if (!field) return null;
	return ownerOf(field)?.problem?.(state, field) ?? null;
}

function accept(state: State): State {
	const field = state.field;
	if (!field) return state;
	if (fieldProblem(state, field) !== null) return state;
	const owner = ownerOf(field);
	const closed = {...state, field: null};
	return owner ? owner.accept(closed, field) : closed;
}

function cancel(state: State): State {
	const field = state.field;
	if (!field) return state;
	const closed = {...state, field: null};
	return ownerOf(field)?.cancel?.(closed, field) ?? closed;
}

export const handlers: HandlerTable = {field: {fieldAccept: accept, fieldCancel: cancel}};
