/** A CommandContext that records what a command writes. */
import type {Engine} from '../../source/engine/engine.js';
import type {CommandContext} from '../../source/commands/context.js';

export interface Recorded {
	ctx: CommandContext;
	stdout: () => string;
	stderr: () => string;
}

/** Records output; `engine` is called lazily, as dnet's real context does. */
export function recordingContext(engine: () => Engine): Recorded {
	let out = '';
	let err = '';
	return {
		ctx: {engine, stdout: {write: (t) => void (out += t)}, stderr: {write: (t) => void (err += t)}},
		stdout: () => out,
		stderr: () => err,
	};
}
