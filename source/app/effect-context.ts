/** What an effect runner gets: the engine, the way to report back, and the injectable probe and clock. */
import type {Engine} from '../engine/engine.js';
import type {Prober} from '../engine/probe.js';
import type {Dispatch} from './actions.js';

export interface EffectContext {
	engine: Engine;
	dispatch: Dispatch;
	prober: Prober;
}
