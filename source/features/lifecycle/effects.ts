/** Effects of the lifecycle commands: run a job, find which containers of a stop were run with --rm. */
import type {EffectContext} from '../../app/effect-context.js';
import {autoRemoveNames, runLifecycle} from '../../operations/lifecycle.js';
import type {Job, Target} from './state.js';

export async function runJob(ctx: EffectContext, id: number, job: Omit<Job, 'id'>): Promise<void> {
	const failures = await runLifecycle(ctx.engine, job.kind, job.targets, {removeVolumes: job.removeVolumes});
	ctx.dispatch({type: 'job/done', id, errors: failures.map((f) => f.short), details: failures.map((f) => f.full)});
}

export async function findAutoRemove(ctx: EffectContext, targets: Target[]): Promise<void> {
	ctx.dispatch({type: 'confirm/autoRemove', names: await autoRemoveNames(ctx.engine, targets)});
}
