/** What a feature gives the mode model: for each mode (scope) it serves, a handler per command. */
import type {CommandId, Scope} from './commands.js';
import type {State} from './state.js';

/** Handles one command in one mode: the next state (with any effects queued). */
export type Handler = (state: State) => State;

/** A feature's handlers, by scope and command. */
export type HandlerTable = Partial<Record<Scope, Partial<Record<CommandId, Handler>>>>;
