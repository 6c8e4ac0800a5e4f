/** What an effect runner gets: the engine, the way to report back, and the injectable probe and clock. */
import type {Engine} from '../engine/engine.js';
import type {Prober} from '../engine/probe.js';
import type {Dispatch} from './actions.js';

export interface EffectContext {
	engine: Engine;
	dispatch: Dispatch;
	prober: Prober;
	terminal: TerminalPort;
}

/** What effects may ask of the terminal dnet runs in (the view's output layer; nothing in tests without one). */
export interface TerminalPort {
	/** Puts text on the clipboard (OSC 52). */
	copy(text: string): void;
	/** Hands the terminal back to the shell (Ctrl+Z) until the shell resumes dnet. */
	suspend(): void;
}

export const NO_TERMINAL: TerminalPort = {copy: () => undefined, suspend: () => undefined};
