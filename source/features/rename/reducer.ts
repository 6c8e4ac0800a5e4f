/** Rename (`r`): type the new name; links to the container follow (the engine updates them). */
import type {FieldHandlers} from '../../app/handlers.js';
import type {HandlerTable} from '../../app/handlers.js';
import type {State} from '../../app/state.js';
import {openField} from '../../app/input/text-field.js';
import {withoutLeadingSlash, type ContainerSummary} from '../../model/container.js';
import {withSubject} from '../details/subject.js';
import {nameProblem} from '../form/spec.js';
import {ask, setNet} from '../net-ops/ops.js';

/** A name as typed: docker takes `/web` for `web`. */
const typedName = (text: string): string => withoutLeadingSlash(text.trim());

/** The rename's problem: empty, unchanged, the engine's name rule, or taken. */
export function renameProblem(name: string, current: string, containers: ContainerSummary[]): string | null {
	const n = typedName(name);
	if (n === '') return 'type the new name';
	if (n === current) return `${current} already has this name`;
	return nameProblem(n, containers);
}

/** The container being renamed (the list's cursor follows it). */
const renamed = (state: State): ContainerSummary | undefined => state.containers.find((x) => x.id === state.selectedId);

function openRename(state: State): State {
	return withSubject(state, (s, c, origin) => setNet({...s, screen: 'rename', field: openField({kind: 'rename'}, c.name)}, {origin}));
}

/** Where rename goes back to: the details it was opened from, or the list. */
export const renameBack = (state: State): State['screen'] => (state.net.origin === 'details' && state.details ? 'details' : 'list');

export const renameFields: FieldHandlers = {
	rename: {
		problem: (state, field) => renameProblem(field.text, renamed(state)?.name ?? '', state.containers),
		accept(state, field) {
			const c = renamed(state);
			return c ? ask(state, {kind: 'rename', id: c.id, from: c.name, to: typedName(field.text)}) : {...state, screen: renameBack(state)};
		},
		cancel: (state) => ({...state, screen: renameBack(state)}),
	},
};

export const handlers: HandlerTable = {
	list: {rename: openRename},
	details: {rename: openRename},
	rename: {back: (s) => ({...s, screen: renameBack(s)})},
};
