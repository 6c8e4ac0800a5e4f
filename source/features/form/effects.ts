/** Effects of the new-container form: list local images, create and start like `dnet run`. */
import type {EffectContext} from '../../app/effect-context.js';
import {errorText} from '../../model/error-text.js';
import {buildCreateBody, type RunSpec} from '../../model/run-spec.js';
import {checkPortConflicts} from '../../operations/port-conflicts.js';
import {createAndStart, CreateError} from '../../operations/create.js';
import {describeFailure, type FailureText} from '../../operations/failure.js';

export async function listImages(ctx: EffectContext): Promise<void> {
	try {
		const images = (await ctx.engine.listImages()).flatMap((i) => i.tags);
		ctx.dispatch({type: 'form/images', images: [...new Set(images)], error: null});
	} catch (error) {
		ctx.dispatch({type: 'form/images', images: null, error: errorText(error)});
	}
}

/**
 * A failed create-and-start: the short line (the engine's cause first: `start web: port is already
 * allocated (…)`) and the full text, with a failed cleanup after both.
 */
export function createFailure(spec: RunSpec, error: unknown): FailureText {
	if (!(error instanceof CreateError)) return describeFailure('', error);
	const said = describeFailure(`${error.stage} ${spec.name || 'the container'}`, error.cause);
	const cleanup = error.cleanup ? ` (${error.cleanup})` : '';
	return {short: `${said.short}${cleanup}`, full: `${said.full}${cleanup}`};
}

/**
 * Checks the host ports with the one conflict rule first (a port held now: nothing is created;
 * one a stopped container asks for: a warning), then creates and starts; a container that cannot
 * start is removed (the operation does it).
 */
export async function createContainer(ctx: EffectContext, spec: RunSpec): Promise<void> {
	try {
		const refused = (await checkPortConflicts(ctx.engine, null, buildCreateBody(spec).HostConfig.PortBindings)).filter((c) => c.holderRunning);
		if (refused.length > 0) {
			// Said first, so that a cut footer still says it; each refusal with the next free host port.
			const each = refused.map((c) => (c.suggestion === null ? c.message : `${c.message}: ${c.suggestion} is free`));
			const text = `cannot create ${spec.name || 'the container'} (nothing was created): ${each.join('; ')}`;
			ctx.dispatch({type: 'form/done', id: null, name: spec.name ?? '', error: text});
			return;
		}
		const {id, name, warnings} = await createAndStart(ctx.engine, spec);
		ctx.dispatch({type: 'form/done', id, name, error: null, warnings});
	} catch (error) {
		const failed = createFailure(spec, error);
		ctx.dispatch({type: 'form/done', id: null, name: spec.name ?? '', error: failed.short, errorFull: failed.full});
	}
}
