/**
 * The one effects runner (ARCHITECTURE.md, "Effects as data"): executes each effect request a
 * reducer queued, through the features' effect functions (which use the operations layer), never
 * blocking the UI; results come back as actions. Loaders that keep a cache or drop stale answers
 * live here for the store's lifetime.
 */
import {offerBackups, settleBackup} from '../features/backup/effects.js';
import {inspectDetails} from '../features/details/effects.js';
import {runContexts} from '../features/contexts/effects.js';
import {diagnose} from '../features/doctor/effects.js';
import {applyServicePorts, checkServicePorts, loadServices} from '../features/services/effects.js';
import {checkConflicts, loadEditor, recreatePorts} from '../features/editor/effects.js';
import {createContainer, listImages} from '../features/form/effects.js';
import {findAutoRemove, runJob} from '../features/lifecycle/effects.js';
import {createNetworksLoader, netOp, preview, review} from '../features/net-ops/effects.js';
import {createBindingsLoader, probe} from '../features/ports/effects.js';
import type {EffectContext} from './effect-context.js';
import type {EffectRequest} from './effects.js';

function assertNever(x: never): never {
	throw new Error(`unhandled effect: ${JSON.stringify(x)}`);
}

export function createEffectRunner(ctx: EffectContext): (effect: EffectRequest) => void {
	const loadBindings = createBindingsLoader(ctx.engine);
	const loadNetworks = createNetworksLoader();
	const start = (e: EffectRequest): Promise<void> => {
		switch (e.kind) {
			case 'inspectDetails':
				return inspectDetails(ctx, e.containerId);
			case 'lifecycle':
				return runJob(ctx, e.id, e.job);
			case 'autoRemove':
				return findAutoRemove(ctx, e.targets);
			case 'loadBindings':
				return loadBindings(e.containers, ctx.dispatch);
			case 'probe':
				return probe(ctx, e.key, e.hostIp, e.hostPort);
			case 'loadEditor':
				return loadEditor(ctx, e.containerId);
			case 'checkConflicts':
				return checkConflicts(ctx, e.containerId, e.bindings);
			case 'recreatePorts':
				return recreatePorts(ctx, e.id, e.request);
			case 'listImages':
				return listImages(ctx);
			case 'createContainer':
				return createContainer(ctx, e.spec);
			case 'findBackups':
				return offerBackups(ctx);
			case 'settleBackup':
				return settleBackup(ctx, e.backup, e.how);
			case 'previewLink':
				return preview(ctx, e.recipient, e.source, e.alias);
			case 'loadNetworks':
				return loadNetworks(ctx);
			case 'netOp':
				return netOp(ctx, e.id, e.op);
			case 'reviewRecipient':
				return review(ctx, e.recipient);
			case 'diagnose':
				return diagnose(ctx, e.id, e);
			case 'loadContexts':
			case 'switchContext':
			case 'useContext':
			case 'loadAllPorts':
				return runContexts(ctx, e);
			case 'loadServices':
				return loadServices(ctx);
			case 'checkServiceConflicts':
				return checkServicePorts(ctx, e.serviceId, e.ports);
			case 'changeServicePorts':
				return applyServicePorts(ctx, e.serviceId, e.name, e.ports);
			case 'copy':
				ctx.terminal.copy(e.text);
				return Promise.resolve();
			case 'suspend':
				ctx.terminal.suspend();
				return Promise.resolve();
			default:
				return assertNever(e);
		}
	};
	return (effect) => {
		// Each effect reports its own failures as actions; anything else would be a bug, never a crash of the UI.
		start(effect).catch(() => undefined);
	};
}
