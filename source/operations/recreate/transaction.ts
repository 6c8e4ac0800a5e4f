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
import {applyChange, backupName, RECREATE_LABELS, specFromContainer, type RecreateChange} from './body.js';
import {busyReason, ChangedSinceReviewError, claim, fingerprint, isBackupName} from './claim.js';
import {findPortConflicts, PortConflictError} from './conflicts.js';
import {asRawContainer, isRunning, shortName, type RawContainer} from './raw.js';
import {createWithNetworks, rollback} from './rollback.js';

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
	/**
	 * The container as the user reviewed it (an earlier inspect): the change is refused
	 * (`ChangedSinceReviewError`) when it was renamed, removed or changed since. The transaction's
	 * own inspect is the review when absent.
	 */
	reviewed?: Record<string, unknown>;
	/** The name the caller found the container under: refused (`ChangedSinceReviewError`) if it has another now. */
	expectName?: string;
	/**
	 * The `fingerprint` (claim.ts) of the raw inspect the user reviewed (the TUI's, taken when its
	 * editor opened): a configuration changed since (`docker update`, …) is refused.
	 */
	expectFingerprint?: string;
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

/** Refuses at once when the container is no longer what was reviewed (claim() checks again before renaming). */
async function claimable(reviewed: RawContainer, now: RawContainer, name: string): Promise<void> {
	if (now.Name !== reviewed.Name || fingerprint(now) !== fingerprint(reviewed)) {
		throw new ChangedSinceReviewError(name, now.Name !== reviewed.Name ? `it was renamed to ${shortName(now)}` : 'its configuration was changed');
	}
	return Promise.resolve();
}

/**
 * Recreates the container `nameOrId` with `change` applied to its whole configuration.
 * @throws PortConflictError before anything is changed when a host port is held (a port a stopped
 * container asks for too is a warning of the result).
 * @throws RecreateError when a step failed (the original was rolled back, see `restored`).
 * @throws ChangedSinceReviewError when the container was changed, renamed or removed since it was
 * reviewed, or another change of it won (claim.ts); nothing of this change is left.
 * @throws AbandonTransaction when a `faults` hook abandoned it (nothing rolled back).
 */
export async function recreate(
	engine: Engine,
	nameOrId: string,
	change: RecreateChange,
	options: RecreateOptions = {},
): Promise<RecreateResult> {
	const reviewed = options.reviewed ? asRawContainer(options.reviewed) : null;
	let old: RawContainer;
	try {
		old = asRawContainer(await engine.inspectContainerRaw(reviewed?.Id ?? nameOrId));
	} catch (error) {
		if (reviewed && error instanceof EngineError && error.kind === 'not-found') throw new ChangedSinceReviewError(shortName(reviewed), 'it was removed');
		throw error;
	}
	const name = shortName(reviewed ?? old);
	// Checked again right before the claim; a stop meanwhile is kept (`wasRunning` is read then).
	if (reviewed) await claimable(reviewed, old, name);
	if (options.expectName !== undefined && options.expectName !== shortName(old)) {
		throw new ChangedSinceReviewError(options.expectName, isBackupName(shortName(old)) ? 'another change of it is under way' : `it was renamed to ${shortName(old)}`);
	}
	const busy = await busyReason(engine, old, shortName(old));
	// A backup is worded by the name it was set aside from (`web`, not `web-dnet-backup-…`).
	if (busy !== null) throw new ChangedSinceReviewError(shortName(old).replace(/-dnet-backup-\d+$/, ''), busy);
	// What the user reviewed; claim() then compares with `old` again right before the rename.
	if (options.expectFingerprint !== undefined && options.expectFingerprint !== fingerprint(old)) throw new ChangedSinceReviewError(name, 'its configuration was changed');
	let wasRunning = isRunning(old);
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
		wasRunning = isRunning(await claim(engine, reviewed ?? old, name, backup));
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
		if (error instanceof AbandonTransaction || error instanceof ChangedSinceReviewError) throw error;
		const failures = await rollback(engine, {old, name, backup, wasRunning, done, options});
		if (failures === 'lost') throw new ChangedSinceReviewError(name, 'another change of it was applied first');
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
