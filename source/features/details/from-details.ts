/** Actions started from the details view apply to the container shown there. */
import type {State} from '../../app/state.js';

/** The state as if the action were started from the list with the shown container selected. */
export function fromDetails(state: State): State {
	if (state.screen !== 'details' || !state.details) return state;
	return {...state, screen: 'list', selectedId: state.details.id, details: null};
}
