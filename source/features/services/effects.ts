/** Effects of the services view and the service port editor, through operations/services.ts. */
import type {EffectContext} from '../../app/effect-context.js';
import {errorText} from '../../model/error-text.js';
import type {ServicePort} from '../../model/swarm/types.js';
import {checkServiceConflicts} from '../../operations/service-conflicts.js';
import {changeServicePorts, loadSwarm, serviceFailure} from '../../operations/services.js';

export async function loadServices(ctx: EffectContext): Promise<void> {
	try {
		const load = await loadSwarm(ctx.engine);
		let networkNames: Record<string, string> = {};
		if (load.manager && load.snapshot.services.some((s) => s.vips.length > 0)) {
			networkNames = Object.fromEntries((await ctx.engine.listNetworks()).map((n) => [n.id, n.name]));
		}
		ctx.dispatch({type: 'services/loaded', load, networkNames});
	} catch (error) {
		ctx.dispatch({type: 'services/failed', message: errorText(error)});
	}
}

export async function checkServicePorts(ctx: EffectContext, serviceId: string, ports: ServicePort[]): Promise<void> {
	try {
		ctx.dispatch({type: 'svcEditor/conflicts', id: serviceId, conflicts: await checkServiceConflicts(ctx.engine, serviceId, ports), error: null});
	} catch (error) {
		ctx.dispatch({type: 'svcEditor/conflicts', id: serviceId, conflicts: [], error: errorText(error)});
	}
}

export async function applyServicePorts(ctx: EffectContext, serviceId: string, name: string, ports: ServicePort[]): Promise<void> {
	try {
		const r = await changeServicePorts(ctx.engine, serviceId, ports, {onProgress: (progress) => ctx.dispatch({type: 'svcEditor/progress', id: serviceId, progress})});
		const warn = r.warnings.length > 0 ? ` (warning: ${r.warnings.join('; ')})` : '';
		if (r.outcome === 'completed') ctx.dispatch({type: 'svcEditor/done', id: serviceId, ok: true, text: `${name} updated: its ports are in place${warn}`});
		else if (r.outcome === 'rolled-back') ctx.dispatch({type: 'svcEditor/done', id: serviceId, ok: false, text: `the update of ${name} failed and was rolled back${r.reason ? `: ${r.reason}` : ''}`});
		else ctx.dispatch({type: 'svcEditor/done', id: serviceId, ok: false, text: `the update of ${name} is still going${r.reason ? `: ${r.reason}` : ''}`});
	} catch (error) {
		ctx.dispatch({type: 'svcEditor/done', id: serviceId, ok: false, text: serviceFailure(name, error)});
	}
}
