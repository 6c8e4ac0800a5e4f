/**
 * The recreate transaction (ARCHITECTURE.md, "The recreate transaction"): replace a container by one with the same whole
 * configuration and only the intended change, and put the original back on any failure.
 *
 * Order: check conflicts → rename old (still running) to its backup name → create new under the
 * real name, labelled with the backup's id and the old run state → connect extra networks → stop
 * old → start new (if the old one ran) → re-link containers that linked to the old one → remove the
 * backup (its volumes kept). Stopping the old one only once the new one exists means that whenever
 * the old one is down, the new one carries the journal in its labels (see backups.ts), that an
 * `--rm` container (removed by the engine when it stops) is only stopped when its replacement, which
 * references its volumes, already exists, and that the service is down only for stop + start.
 */
import {EngineError, type Engine} from '../../engine/engine.js';
import {errorText} from '../../model/error-text.js';
import {causeFirst} from '../../model/failure-text.js';
import {engineAnswered} from '../failure.js';
import {applyChange, backupName, createBody, RECREATE_LABELS, specFromContainer, type RecreateChange} from './body.js';
import {findPortConflicts, PortConflictError} from './conflicts.js';
import {asRawContainer, isRunning, shortName, type RawContainer} from './raw.js';

/** The steps, in order; a `faults` hook is called before each. `commit` is the point after start. */
export const RECREATE_STEPS = ['rename-old', 'create-new', 'connect-networks', 'stop-old', 'start-new', 'commit'] as const;
/** One step of the transaction. */
export type RecreateStep = (typeof RECREATE_STEPS)[number];

/** Thrown by a `faults` hook to simulate dnet being killed: the transaction stops, no rollback. */
export class AbandonTransaction extends Error {
	constructor(readonly step: RecreateStep) {
		super(`transaction abandoned before ${step}`);
		this.name = 'AbandonTransaction';
	}
}

/** Options of `recreate`. */
export interface RecreateOptions {
	/** Called before each step; throwing fails the transaction there (tests inject faults here). */
	faults?: (step: RecreateStep) => void | Promise<void>;
	/** Seconds the old container gets to stop (the engine's default when absent). */
	stopTimeoutSeconds?: number;
	/** Skip the host-port conflict check (not recommended). */
	skipConflictCheck?: boolean;
	/** Link sources to rename (`backup -> real name`), used when re-linking dependents. */
	linkRenames?: Record<string, string>;
	/** The clock, for the backup's name. */
	now?: () => number;
}

/** What a successful recreate did. */
export interface RecreateResult {
	name: string;
	oldId: string;
	newId: string;
	/** True when the new container was started (the old one was running). */
	started: boolean;
	/** The old container, as inspected before the change. */
	old: RawContainer;
	/** Containers re-created so that their links point at the new container. */
	relinked: string[];
	/**
	 * Things worth a warning: host ports stopped containers ask for too (found before the change),
	 * then what went wrong after the commit point (the change itself took effect).
	 */
	warnings: string[];
}

/** A failed recreate: which step failed, why, and what the rollback achieved. */
export class RecreateError extends Error {
	constructor(
		readonly container: string,
		readonly step: RecreateStep,
		readonly reason: Error,
		/** True when the original is back under its name, in its original state. */
		readonly restored: boolean,
		readonly rollbackFailures: string[],
		readonly backup: string,
	) {
		const what = restored
			? 'the original container is back under its name, unchanged'
			: `rollback failed (${rollbackFailures.join('; ')}); the original container may be kept as ${backup}`;
		// The engine's cause first (model/failure-text.ts); `full` keeps its words in their order.
		super(`could not recreate ${container}: ${step} failed: ${engineAnswered(reason) ? causeFirst(reason.message) : reason.message}; ${what}`);
		this.name = 'RecreateError';
		this.full = `could not recreate ${container}: ${step} failed: ${reason.message}; ${what}`;
	}

	/** The message with the engine's words in their own order. */
	readonly full: string;
}

const isNotFound = (e: unknown): boolean => e instanceof EngineError && e.kind === 'not-found';

/** Polls until the container is gone (true), or `timeoutMs` passed (false). */
async function waitUntilGone(engine: Engine, id: string, timeoutMs = 15_000): Promise<boolean> {
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
async function createWithNetworks(
	engine: Engine,
	name: string,
	old: RawContainer,
	change: RecreateChange | null,
	labels: Record<string, string>,
	options: RecreateOptions,
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

/**
 * Recreates the container `nameOrId` with `change` applied to its whole configuration.
 * @throws PortConflictError before anything is changed when a host port is held (a port a stopped
 * container asks for too is a warning of the result).
 * @throws RecreateError when a step failed (the original was rolled back, see `restored`).
 * @throws AbandonTransaction when a `faults` hook abandoned it (nothing rolled back).
 */
export async function recreate(
	engine: Engine,
	nameOrId: string,
	change: RecreateChange,
	options: RecreateOptions = {},
): Promise<RecreateResult> {
	const old = asRawContainer(await engine.inspectContainerRaw(nameOrId));
	const name = shortName(old);
	const wasRunning = isRunning(old);
	const spec = applyChange(specFromContainer(old, options.linkRenames ? {linkRenames: options.linkRenames} : {}), change);
	// Ports a stopped container asks for too are warnings; ports held now refuse the change.
	const early: string[] = [];
	if (!options.skipConflictCheck) {
		const conflicts = await findPortConflicts(engine, old, spec.hostConfig.PortBindings ?? {});
		const refused = conflicts.filter((c) => c.holderRunning);
		if (refused.length > 0) throw new PortConflictError(refused);
		early.push(...conflicts.map((c) => c.message));
	}
	const dependents = (await engine.listContainers(true))
		.filter((c) => c.id !== old.Id && c.links.some((l) => l.source === name))
		.map((c) => c.name);
	const backup = backupName(old, (options.now ?? Date.now)());
	const done = {renamed: false, newId: null as string | null, stopped: false};
	let step: RecreateStep = 'rename-old';
	const at = async (s: RecreateStep): Promise<void> => {
		step = s;
		await options.faults?.(s);
	};
	try {
		await at('rename-old');
		await engine.renameContainer(old.Id, backup);
		done.renamed = true;
		await at('create-new');
		const labels = {
			[RECREATE_LABELS.from]: old.Id,
			[RECREATE_LABELS.backup]: backup,
			[RECREATE_LABELS.wasRunning]: String(wasRunning),
		};
		const newId = await createWithNetworks(engine, name, old, change, labels, options, () => at('connect-networks'), (id) => {
			done.newId = id;
		});
		await at('stop-old');
		if (wasRunning) {
			await engine.stopContainer(old.Id, options.stopTimeoutSeconds);
			done.stopped = true;
		}
		await at('start-new');
		if (wasRunning) await engine.startContainer(newId);
		await at('commit');
		const result = await finish(engine, {name, old, newId, backup, wasRunning, dependents, options});
		return {...result, warnings: [...early, ...result.warnings]};
	} catch (error) {
		if (error instanceof AbandonTransaction) throw error;
		const failures = await rollback(engine, {old, name, backup, wasRunning, done, options});
		throw new RecreateError(name, step, error instanceof Error ? error : new Error(errorText(error)), failures.length === 0, failures, backup);
	}
}

/** After the commit point: re-link dependents, then remove the backup (keeping its volumes). */
async function finish(
	engine: Engine,
	t: {name: string; old: RawContainer; newId: string; backup: string; wasRunning: boolean; dependents: string[]; options: RecreateOptions},
): Promise<RecreateResult> {
	const warnings: string[] = [];
	const relinked: string[] = [];
	for (const dependent of t.dependents) {
		try {
			await recreate(engine, dependent, () => undefined, {linkRenames: {[t.backup]: t.name}, now: t.options.now});
			relinked.push(dependent);
		} catch (error) {
			warnings.push(`${dependent} still links to ${t.backup} (${errorText(error)})`);
		}
	}
	if (warnings.length > 0) warnings.push(`backup ${t.backup} kept for the containers that still link to it`);
	else {
		try {
			await engine.removeContainer(t.old.Id, {force: true, volumes: false});
		} catch (error) {
			// An --rm container is removed by the engine when it stops.
			if (!isNotFound(error)) warnings.push(`could not remove the backup ${t.backup}: ${errorText(error)}`);
		}
	}
	return {name: t.name, oldId: t.old.Id, newId: t.newId, started: t.wasRunning, old: t.old, relinked, warnings};
}

/** Puts the original back; returns what could not be done (empty: fully restored). */
async function rollback(
	engine: Engine,
	t: {
		old: RawContainer;
		name: string;
		backup: string;
		wasRunning: boolean;
		done: {renamed: boolean; newId: string | null; stopped: boolean};
		options: RecreateOptions;
	},
): Promise<string[]> {
	const failures: string[] = [];
	if (!t.done.newId && t.done.renamed) {
		// A create that failed on the way back (timeout) may still have made the container.
		try {
			const made = asRawContainer(await engine.inspectContainerRaw(t.name));
			if (made.Config.Labels?.[RECREATE_LABELS.from] === t.old.Id) t.done.newId = made.Id;
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
