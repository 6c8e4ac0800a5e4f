/**
 * The container a key acts on: in the details view, the one shown and nothing else (a removed one
 * is said so, never replaced by whatever row the list's cursor fell on); in the list, the selected
 * row.
 */
import type {State} from '../../app/state.js';
import type {ContainerSummary} from '../../model/container.js';
import {selectedContainer} from '../list/selectors.js';

export type Subject = {container: ContainerSummary; from: 'list' | 'details'} | {gone: string} | null;

export function subjectOf(state: State): Subject {
	if (state.screen === 'details' && state.details) {
		const shown = state.containers.find((c) => c.id === state.details?.id);
		return shown ? {container: shown, from: 'details'} : {gone: state.details.name};
	}
	const c = selectedContainer(state);
	return c ? {container: c, from: 'list'} : null;
}

/** Why a key on a removed container does nothing. */
export const goneNotice = (state: State, name: string): State => ({...state, notice: {tone: 'error', text: `${name} was removed: nothing to act on`}});

/**
 * Runs `open` on the subject, or says it is gone. `open` gets the state with the list's cursor on
 * the subject (so the list shows it when the user comes back) and where the user came from.
 */
export function withSubject(state: State, open: (state: State, c: ContainerSummary, from: 'list' | 'details') => State): State {
	const s = subjectOf(state);
	if (!s) return state;
	if ('gone' in s) return goneNotice(state, s.gone);
	return open({...state, selectedId: s.container.id}, s.container, s.from);
}
