/** What a feature gives the mode model: a handler per command of each mode it serves, and the text fields it owns. */
import type {CommandId, Scope} from './input/commands.js';
import type {State} from './state.js';
import type {FieldKind, FieldState} from './input/text-field.js';

/** Handles one command in one mode: the next state (with any effects queued). */
export type Handler = (state: State) => State;

/** A feature's handlers, by scope and command. */
export type HandlerTable = Partial<Record<Scope, Partial<Record<CommandId, Handler>>>>;

export interface FieldHandler {
	/** Called with the field closed, only when `problem` finds nothing. */
	accept(state: State, field: FieldState): State;
	/** Called with the field closed; by default Esc just closes it. */
	cancel?(state: State, field: FieldState): State;
	/** Why the text cannot be accepted (shown under the field), or null. */
	problem?(state: State, field: FieldState): string | null;
}

export type FieldHandlers = Partial<Record<FieldKind, FieldHandler>>;
