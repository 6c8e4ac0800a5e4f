/** Effects of the new-container form: list local images, create and start like `dnet run`. */
import type {EffectContext} from '../../app/effect-context.js';
import {errorText} from '../../model/error-text.js';
import type {RunSpec} from '../../model/run-spec.js';
import {createAndStart} from '../../operations/create.js';

export async function listImages(ctx: EffectContext): Promise<void> {
	try {
		const images = (await ctx.engine.listImages()).flatMap((i) => i.tags);
		ctx.dispatch({type: 'form/images', images: [...new Set(images)], error: null});
	} catch (error) {
		ctx.dispatch({type: 'form/images', images: null, error: errorText(error)});
	}
}

/** Creates and starts; a container that cannot start is removed (the operation does it). */
export async function createContainer(ctx: EffectContext, spec: RunSpec): Promise<void> {
	try {
		const {id, name} = await createAndStart(ctx.engine, spec);
		ctx.dispatch({type: 'form/done', id, name, error: null});
	} catch (error) {
		ctx.dispatch({type: 'form/done', id: null, name: spec.name ?? '', error: errorText(error)});
	}
}
