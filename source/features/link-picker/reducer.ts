/** The link picker (`l`): pick a source on the default bridge, set the alias, see the preview, apply. */
import type {CommandId} from '../../app/input/commands.js';
import {cursorTarget} from '../../app/input/navigation.js';
import type {FieldHandlers} from '../../app/handlers.js';
import type {HandlerTable} from '../../app/handlers.js';
import {listHeight} from '../../app/layout.js';
import {request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import {openField} from '../../app/input/text-field.js';
import {withSubject} from '../details/subject.js';
import {errorNotice, queue, setNet} from '../net-ops/ops.js';
import type {LinkPickerState} from '../net-ops/state.js';
import {linkSources, onBridge, pickerAliasProblem} from './selectors.js';

function openPicker(state: State): State {
	return withSubject(state, (s, c, origin) => {
		if (!onBridge(c)) {
			return errorNotice(state, `${c.name} is not on the default bridge network: legacy links only work there (N: networks and their DNS aliases instead)`);
		}
		if (linkSources(s.containers, c.id).length === 0) return {...state, notice: {tone: 'info', text: `no other container on the default bridge for ${c.name} to link to`}};
		const picker: LinkPickerState = {recipient: {id: c.id, name: c.name}, stage: 'pick', cursor: 0, source: null, alias: '', preview: null, previewError: null, previewKey: null};
		return setNet({...s, screen: 'linkPicker'}, {picker, origin});
	});
}

/** Where the picker goes back to: the details it was opened from, or the list. */
export const back = (state: State): State['screen'] => (state.net.origin === 'details' && state.details ? 'details' : 'list');

/** Asks for the preview of the picker's `source:alias`. */
function withPreview(state: State, picker: LinkPickerState): State {
	const next = setNet(state, {picker});
	if (picker.stage !== 'review' || !picker.source) return next;
	return request(next, {kind: 'previewLink', recipient: picker.recipient.name, source: picker.source, alias: picker.alias});
}

/** The source was picked: review it with the source name as alias. */
export function pickSource(state: State, source: string): State {
	const p = state.net.picker;
	if (!p || p.stage !== 'pick') return state;
	return withPreview(state, {...p, stage: 'review', source, alias: source, preview: null, previewError: null, previewKey: null});
}

/** `choose` mode on the picker: move over the sources, pick one, or close. */
export function moveSource(id: CommandId) {
	return (state: State): State => {
		const p = state.net.picker;
		if (!p) return state;
		const count = linkSources(state.containers, p.recipient.id).length;
		const to = cursorTarget(id, p.cursor, count, listHeight(state) - 4) ?? p.cursor;
		return to === p.cursor ? state : setNet(state, {picker: {...p, cursor: to}});
	};
}

export function pickHighlightedSource(state: State): State {
	const p = state.net.picker;
	if (!p) return state;
	const source = linkSources(state.containers, p.recipient.id)[p.cursor];
	return source ? pickSource(state, source.name) : state;
}

export const closePicker = (state: State): State => setNet({...state, screen: back(state)}, {picker: null});

function apply(state: State): State {
	const p = state.net.picker;
	if (!p) return state;
	const problem = pickerAliasProblem(state, p.alias);
	if (problem) return errorNotice(state, problem);
	if (!p.source || p.previewKey !== `${p.source}:${p.alias}`) return {...state, notice: {tone: 'info', text: 'wait for the preview'}};
	if (p.previewError) return errorNotice(state, p.previewError);
	return queue({...closePicker(state), follow: p.recipient.name}, {kind: 'addLink', recipient: p.recipient.name, source: p.source, alias: p.alias, reviewed: p.preview?.reviewed ?? null});
}

export function previewArrived(state: State, key: string, preview: LinkPickerState['preview'], error: string | null): State {
	const p = state.net.picker;
	if (!p || `${p.source}:${p.alias}` !== key) return state;
	return setNet(state, {picker: {...p, preview, previewError: error, previewKey: key}});
}

export const linkPickerFields: FieldHandlers = {
	linkAlias: {
		problem: (state, field) => pickerAliasProblem(state, field.text.trim()),
		accept: (state, field) => {
			const p = state.net.picker;
			return p ? withPreview(state, {...p, alias: field.text.trim()}) : state;
		},
	},
};

export const handlers: HandlerTable = {
	list: {openLinkPicker: openPicker},
	details: {openLinkPicker: openPicker},
	linkPicker: {
		confirmYes: apply,
		editAlias: (s) => (s.net.picker ? {...s, field: openField({kind: 'linkAlias'}, s.net.picker.alias)} : s),
		confirmNo: (s) => (s.net.picker ? setNet(s, {picker: {...s.net.picker, stage: 'pick', source: null, preview: null, previewError: null, previewKey: null}}) : s),
	},
};
