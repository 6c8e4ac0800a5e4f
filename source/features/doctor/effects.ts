/** Effects of the port doctor: the diagnosis through `operations/doctor.ts` (shared with `dnet doctor`). */
import type {EffectContext} from '../../app/effect-context.js';
import {errorText} from '../../model/error-text.js';
import {diagnoseContainer} from '../../operations/doctor.js';
import type {DoctorEffect} from './state.js';

export async function diagnose(ctx: EffectContext, request: number, effect: DoctorEffect): Promise<void> {
	try {
		const diagnosis = await diagnoseContainer(ctx.engine, effect.container, effect.port ?? undefined, ctx.prober);
		ctx.dispatch({type: 'doctor/done', request, diagnosis});
	} catch (error) {
		ctx.dispatch({type: 'doctor/done', request, error: errorText(error)});
	}
}
