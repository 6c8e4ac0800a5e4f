/** Effects of the new-container form: list local images, create and start like `dnet run`. */
import type {EffectContext} from '../../app/effect-context.js';
import {errorText} from '../../model/error-text.js';
import type {RunSpec} from '../../model/run-spec.js';
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
 * Creates and starts; a container that cannot start is removed (the operation does it). Host ports
 * stopped containers ask for too are warnings of the result (`Created.warnings`), not yet shown.
 */
export async function createContainer(ctx: EffectContext, spec: RunSpec): Promise<void> {
	try {
		const {id, name} = await createAndStart(ctx.engine, spec);
		ctx.dispatch({type: 'form/done', id, name, error: null});
	} catch (error) {
		ctx.dispatch({type: 'form/done', id: null, name: spec.name ?? '', error: createFailure(spec, error).short});
	}
}
