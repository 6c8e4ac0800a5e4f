/**
 * Effects of the port editor: load the container, check host-port conflicts (with the next free
 * port), run the port change through the recreate transaction. None of them blocks the UI.
 */
import type {EffectContext} from '../../app/effect-context.js';
import {errorText} from '../../model/error-text.js';
import type {EngineBinding} from '../../model/ports/index.js';
import {describeFailure, type FailureText} from '../../operations/failure.js';
import {checkPortConflicts} from '../../operations/port-conflicts.js';
import {changePorts} from '../../operations/ports.js';
import {asRawContainer, ChangedSinceReviewError, fingerprint, PortConflictError, RecreateError} from '../../operations/recreate/index.js';
import type {RecreateRequest} from './state.js';

/**
 * Reads what the user is about to review: the raw inspect's fingerprint (what the apply must find
 * unchanged, ARCHITECTURE.md "The recreate transaction"), then the details the rows are made from.
 * In that order: a change between the two reads is refused at the apply, never applied over.
 */
export async function loadEditor(ctx: EffectContext, id: string): Promise<void> {
	try {
		const reviewed = fingerprint(asRawContainer(await ctx.engine.inspectContainerRaw(id)));
		ctx.dispatch({type: 'editor/loaded', id, details: await ctx.engine.inspectContainer(id), fingerprint: reviewed});
	} catch (error) {
		ctx.dispatch({type: 'editor/failed', id, message: errorText(error)});
	}
}

export async function checkConflicts(ctx: EffectContext, id: string, bindings: Record<string, EngineBinding[]>): Promise<void> {
	try {
		ctx.dispatch({type: 'editor/conflicts', id, conflicts: await checkPortConflicts(ctx.engine, id, bindings), error: null});
	} catch (error) {
		ctx.dispatch({type: 'editor/conflicts', id, conflicts: [], error: errorText(error)});
	}
}

export async function recreatePorts(ctx: EffectContext, id: number, r: Omit<RecreateRequest, 'id'>): Promise<void> {
	try {
		// Expecting the name and configuration it had in the review: renamed, updated (or claimed by another change) meanwhile, it is refused.
		const expect = {expectName: r.name, ...(r.fingerprint === null ? {} : {expectFingerprint: r.fingerprint})};
		const {result} = await changePorts(ctx.engine, r.containerId, {kind: 'replace', bindings: r.bindings, publishAll: r.publishAll, exposed: r.exposed}, expect);
		const warn = result.warnings.length > 0 ? ` (warning: ${result.warnings.join('; ')})` : '';
		ctx.dispatch({type: 'recreate/done', id, ok: true, text: `recreated ${result.name}: ${result.newId.slice(0, 12)}${warn}`});
	} catch (error) {
		const failed = recreateFailure(r.name, error);
		ctx.dispatch({type: 'recreate/done', id, ok: false, text: failed.short, full: failed.full});
	}
}

/** A failed recreate of the port editor: the short line (the engine's cause first) and the full text. */
export function recreateFailure(name: string, error: unknown): FailureText {
	if (error instanceof PortConflictError) {
		const text = `cannot recreate ${name}: ${error.message} (nothing was changed)`;
		return {short: text, full: text};
	}
	if (error instanceof RecreateError) return {short: error.message, full: error.full};
	// dnet's own words, whole: "web changed since you reviewed it: …; nothing was changed (review it again)".
	if (error instanceof ChangedSinceReviewError) return {short: error.message, full: error.message};
	return describeFailure(`cannot recreate ${name}`, error);
}
