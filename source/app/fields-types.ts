/** What a feature gives for a kind of text field it owns: accept, cancel, and what is wrong with the text. */
import type {State} from './state.js';
import type {FieldKind, FieldState} from './text-field.js';

export interface FieldHandler {
	/** Called with the field closed, only when `problem` finds nothing. */
	accept(state: State, field: FieldState): State;
	/** Called with the field closed; by default Esc just closes it. */
	cancel?(state: State, field: FieldState): State;
	/** Why the text cannot be accepted (shown under the field), or null. */
	problem?(state: State, field: FieldState): string | null;
}

export type FieldHandlers = Partial<Record<FieldKind, FieldHandler>>;
