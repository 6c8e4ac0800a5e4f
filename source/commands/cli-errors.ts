/**
 * Words and shapes of the docker CLI's own error output (cobra/pflag), reused by dnet's
 * docker-compatible commands so that `dnet port` and `dnet run` fail the way `docker` does.
 */
import type {EngineError} from '../engine/engine.js';

/** pflag's message for an unknown flag argument (`--foo`, `-x`). */
export function unknownFlagMessage(arg: string): string {
	if (arg.startsWith('--')) return `unknown flag: ${arg.split('=')[0]}`;
	return `unknown shorthand flag: '${arg[1] ?? ''}' in ${arg}`;
}

/**
 * How the docker CLI prints an engine failure: `Error response from daemon: …` when the engine
 * answered, otherwise dnet's one-line connection message with its hint.
 */
export function engineFailureText(error: EngineError): string {
	if (error.statusCode !== undefined && error.kind !== 'api-too-old') return `Error response from daemon: ${error.message}`;
	return error.hint ? `${error.message} (${error.hint})` : error.message;
}
