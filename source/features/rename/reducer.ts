/** Rename (`r`): type the new name; links to the container follow (the engine updates them). */
import type {FieldHandlers} from '../../app/handlers.js';
import type {HandlerTable} from '../../app/handlers.js';
import type {State} from '../../app/state.js';
import {openField} from '../../app/input/text-field.js';
import {withoutLeadingSlash, type ContainerSummary} from '../../model/container.js';
import {fromDetails} from '../details/from-details.js';
import {nameProblem} from '../form/spec.js';
import {selectedContainer} from '../list/selectors.js';
import {ask} from '../net-ops/ops.js';

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
	const from = fromDetails(state);
	const c = selectedContainer(from);
	return c ? {...from, screen: 'rename', selectedId: c.id, field: openField({kind: 'rename'}, c.name)} : state;
}

export const renameFields: FieldHandlers = {
	rename: {
		problem: (state, field) => renameProblem(field.text, renamed(state)?.name ?? '', state.containers),
		accept(state, field) {
			const c = renamed(state);
			return c ? ask(state, {kind: 'rename', id: c.id, from: c.name, to: typedName(field.text)}) : {...state, screen: 'list'};
		},
		cancel: (state) => ({...state, screen: 'list'}),
	},
};

export const handlers: HandlerTable = {
	list: {rename: openRename},
	details: {rename: openRename},
	rename: {back: (s) => ({...s, screen: 'list'})},
};
