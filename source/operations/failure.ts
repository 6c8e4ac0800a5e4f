/**
 * One failure of an operation as a short line and its full text (`model/failure-text.ts`): what the
 * engine answered is led by its cause; what dnet worded itself (connection failures, refusals,
 * rollbacks) is kept as it is.
 */
import {EngineError} from '../engine/engine.js';
import {errorText} from '../model/error-text.js';
import {failureText, type FailureText} from '../model/failure-text.js';

export type {FailureText} from '../model/failure-text.js';

/** The kinds of `EngineError` that carry the engine's (or docker's) words; the others are dnet's connection messages. */
const ANSWERS = new Set(['not-found', 'conflict', 'not-modified', 'bad-request', 'server']);

/** True when the error is the engine's answer in its own words, not dnet's word for an engine it could not reach. */
export const engineAnswered = (error: unknown): error is EngineError => error instanceof EngineError && ANSWERS.has(error.kind);

/** `what: cause (context)` and `what: message` for anything thrown. */
export function describeFailure(what: string, error: unknown): FailureText {
	return failureText(what, errorText(error), engineAnswered(error));
}
