/**
 * The recreate transaction's way back (ARCHITECTURE.md, "The recreate transaction"): remove the
 * replacement, give the original its name back, restart it if it ran. Every step is safe to run
 * when the step it undoes may or may not have happened (an answer cut after the engine acted, a
 * call that timed out): it looks at the engine rather than trusting what the call said.
 */
import {EngineError, type Engine} from '../../engine/engine.js';
import {errorText} from '../../model/error-text.js';
import {applyChange, createBody, RECREATE_LABELS, specFromContainer, type RecreateChange} from './body.js';
import {lostTo} from './claim.js';
import {asRawContainer, isRunning, type RawContainer} from './raw.js';

/** What the rollback needs of the transaction's options. */
export interface RollbackOptions {
	linkRenames?: Record<string, string>;
}

const isNotFound = (e: unknown): boolean => e instanceof EngineError && e.kind === 'not-found';

/** Polls until the container is gone (true), or `timeoutMs` passed (false). */
export async function waitUntilGone(engine: Engine, id: string, timeoutMs = 15_000): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			await engine.inspectContainerRaw(id);
		} catch (error) {
			if (isNotFound(error)) return true;
		}
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** Creates a container from `spec`-like parts: create, then connect the extra networks. */
export async function createWithNetworks(
	engine: Engine,
	name: string,
	old: RawContainer,
	change: RecreateChange | null,
	labels: Record<string, string>,
	options: RollbackOptions,
	beforeConnect?: () => Promise<void>,
	onCreated?: (id: string) => void,
): Promise<string> {
	const spec = specFromContainer(old, options.linkRenames ? {linkRenames: options.linkRenames} : {});
	if (change) applyChange(spec, change);
	const id = await engine.createContainer(name, createBody(spec, labels));
	onCreated?.(id);
	await beforeConnect?.();
	for (const n of spec.extra) {
		await engine.connectNetwork(n.name, id, n.endpoint);
	}
	return id;
}

/** Puts the original back; returns what could not be done (empty: fully restored), or `lost` when another change took it over. */
export async function rollback(
	engine: Engine,
	t: {
		old: RawContainer;
		name: string;
		backup: string;
		wasRunning: boolean;
		done: {renamed: boolean; newId: string | null; stopped: boolean};
		options: RollbackOptions;
	},
): Promise<string[] | 'lost'> {
	const failures: string[] = [];
	if (!t.done.renamed) {
		// A rename whose answer was lost may have been done: look at the name the original has now.
		try {
			if (asRawContainer(await engine.inspectContainerRaw(t.old.Id)).Name === `/${t.backup}`) t.done.renamed = true;
		} catch {
			// gone, or the engine does not answer: the steps below say what could not be done
		}
	}
	if (!t.done.newId && t.done.renamed) {
		// A create that failed on the way back (timeout) may still have made the container.
		try {
			const made = asRawContainer(await engine.inspectContainerRaw(t.name));
			const labels = made.Config.Labels ?? {};
			// Ours only: a replacement another change made from the same original is not ours to remove.
			if (labels[RECREATE_LABELS.from] === t.old.Id && labels[RECREATE_LABELS.backup] === t.backup) t.done.newId = made.Id;
		} catch {
			// nothing under the name: nothing to remove
		}
	}
	if (t.done.newId) {
		try {
			await engine.removeContainer(t.done.newId, {force: true, volumes: false});
		} catch (error) {
			if (!isNotFound(error)) failures.push(`remove the new container: ${errorText(error)}`);
		}
	}
	let target = t.old.Id;
	if (t.done.renamed && t.done.stopped && t.old.HostConfig.AutoRemove === true) {
		// The engine removes a stopped --rm original on its own, a moment later: renaming it back
		// would race that removal. Wait until it is gone, then make it again from its configuration.
		const gone = await waitUntilGone(engine, t.old.Id);
		if (!gone) failures.push(`the --rm original ${t.backup} was not removed by the engine in time`);
		try {
			target = await createWithNetworks(engine, t.name, t.old, null, {}, t.options);
		} catch (again) {
			failures.push(`re-create the --rm original: ${errorText(again)}`);
			return failures;
		}
	} else if (t.done.renamed) {
		// Another change of the same original won the race for its name: it owns the original now.
		if (await lostTo(engine, t.old, t.name, t.backup)) return 'lost';
		try {
			await engine.renameContainer(t.old.Id, t.name);
		} catch (error) {
			if (isNotFound(error) && t.old.HostConfig.AutoRemove === true) {
				// The engine removed the stopped --rm original: make it again from its configuration.
				try {
					target = await createWithNetworks(engine, t.name, t.old, null, {}, t.options);
				} catch (again) {
					failures.push(`re-create the --rm original: ${errorText(again)}`);
					return failures;
				}
			} else {
				failures.push(`rename ${t.backup} back to ${t.name}: ${errorText(error)}`);
				target = t.backup;
			}
		}
	}
	if (t.wasRunning) {
		try {
			const now = asRawContainer(await engine.inspectContainerRaw(target));
			if (!isRunning(now)) await engine.startContainer(target);
		} catch (error) {
			failures.push(`restart the original: ${errorText(error)}`);
		}
	}
	return failures;
}
