/**
 * Effects of the lifecycle commands: run the jobs the reducer queued against the engine (never
 * blocking the UI), and find out which containers awaiting a stop confirmation were run with --rm.
 */
import {EngineError, type Engine} from '../engine/engine.js';
import type {Dispatch} from './store.js';
import type {Confirm, Job} from './state.js';

function message(error: unknown): string {
	return error instanceof EngineError || error instanceof Error ? error.message : String(error);
}

/** Runs one job: every target in parallel; reports the failures, one line each. */
export async function runJob(engine: Engine, job: Job, dispatch: Dispatch): Promise<void> {
	const results = await Promise.allSettled(
		job.targets.map(async (t) => {
			switch (job.kind) {
				case 'start':
					return engine.startContainer(t.id);
				case 'stop':
					return engine.stopContainer(t.id);
				case 'restart':
					return engine.restartContainer(t.id);
				case 'remove':
					return engine.removeContainer(t.id, {force: t.running, volumes: job.removeVolumes});
			}
		}),
	);
	const errors: string[] = [];
	results.forEach((r, i) => {
		if (r.status === 'rejected') errors.push(`${job.kind} ${job.targets[i]?.name ?? '?'}: ${message(r.reason)}`);
	});
	dispatch({type: 'job/done', seq: job.seq, errors});
}

/** Inspects the containers a stop would apply to and reports which have AutoRemove (--rm). */
export async function findAutoRemove(engine: Engine, confirm: Confirm, dispatch: Dispatch): Promise<void> {
	const found = await Promise.all(
		confirm.targets.map(async (t) => {
			try {
				return (await engine.inspectContainer(t.id)).autoRemove ? t.name : null;
			} catch {
				return null;
			}
		}),
	);
	dispatch({type: 'confirm/autoRemove', names: found.filter((n): n is string => n !== null)});
}
