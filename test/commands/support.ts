/** A CommandContext that records what a command writes. */
import type {Engine} from '../../source/engine/engine.js';
import type {CommandContext} from '../../source/commands/context.js';

export interface Recorded {
	ctx: CommandContext;
	stdout: () => string;
	stderr: () => string;
}

/** Records output; `engine` is called lazily, as dnet's real context does. */
export function recordingContext(engine: () => Engine): Recorded & {stdoutBytes: () => Buffer; stderrBytes: () => Buffer} {
	const out: Buffer[] = [];
	const err: Buffer[] = [];
	const keep = (into: Buffer[]) => (t: string | Uint8Array) => void into.push(typeof t === 'string' ? Buffer.from(t, 'utf8') : Buffer.from(t));
	return {
		ctx: {engine, stdout: {write: keep(out)}, stderr: {write: keep(err)}},
		stdout: () => Buffer.concat(out).toString('utf8'),
		stderr: () => Buffer.concat(err).toString('utf8'),
		stdoutBytes: () => Buffer.concat(out),
		stderrBytes: () => Buffer.concat(err),
	};
}
