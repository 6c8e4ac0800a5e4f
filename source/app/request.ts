/** Queues effect requests on the state (ARCHITECTURE.md, "Effects as data"). */
import type {Effect} from './effects.js';
import type {State} from './state.js';

/** The state with `effect` queued, and the id it was given (for results matched by id). */
export function requestWithId(state: State, effect: Effect): {state: State; id: number} {
	const id = state.nextEffectId;
	return {state: {...state, effects: [...state.effects, {...effect, id}], nextEffectId: id + 1}, id};
}

/** The state with `effect` queued. */
export function request(state: State, effect: Effect): State {
	return requestWithId(state, effect).state;
}
