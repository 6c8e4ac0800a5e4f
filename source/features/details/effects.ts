/** Effects of the details view: inspect the container shown. */
import type {EffectContext} from '../../app/effect-context.js';
import {EngineError} from '../../engine/engine.js';
import {errorText} from '../../model/error-text.js';

export async function inspectDetails(ctx: EffectContext, id: string): Promise<void> {
	try {
		ctx.dispatch({type: 'details/loaded', id, data: await ctx.engine.inspectContainer(id)});
	} catch (error) {
		const gone = error instanceof EngineError && error.kind === 'not-found';
		ctx.dispatch({type: 'details/failed', id, message: gone ? 'this container was removed' : errorText(error), gone});
	}
}
