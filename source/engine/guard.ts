/**
 * Guards around any `Engine` (ARCHITECTURE.md, "The engine guard"): `--read-only` enforced in the
 * engine layer itself, and deadlines, so that an engine that accepts a request and never answers
 * (or cuts its answer: dockerode then waits forever) is reported as a `timeout` EngineError.
 *
 * Every method of `Engine` is classified below; the table is checked by the compiler
 * (`EVERY_METHOD_CLASSIFIED`) and by a test on the running object. A method the table does not know (added without
 * being classified) is refused under `--read-only`: the guard fails closed.
 */
import {EngineError, type Engine} from './engine.js';

/** How a method touches the engine. */
export type MethodKind =
	/** asks, changes nothing, answers at once: gets the read deadline */
	| 'read'
	/** changes nothing, but may last (a stream, an exec with its own timeout, a wait) */
	| 'long-read'
	/** changes a container, a network or an image */
	| 'mutate'
	/** does not reach the engine */
	| 'local';

type EngineMethod = {[K in keyof Engine]: Engine[K] extends (...args: never[]) => unknown ? K : never}[keyof Engine];

/** Every method of `Engine`, classified. */
export const ENGINE_METHODS = {
	info: 'read',
	listContainers: 'read',
	inspectContainer: 'read',
	inspectContainerRaw: 'read',
	listImages: 'read',
	inspectImage: 'read',
	listNetworks: 'read',
	inspectNetwork: 'read',
	containerPid: 'read',
	swarmState: 'read',
	listServices: 'read',
	inspectService: 'read',
	listTasks: 'read',
	listNodes: 'read',
	readEngineFile: 'local',
	close: 'local',
	// An exec runs a command inside the container; dnet runs only readers (`cat`) with their own timeout.
	exec: 'long-read',
	subscribe: 'long-read',
	attachOutput: 'long-read',
	waitContainer: 'long-read',
	createContainer: 'mutate',
	createContainerWarned: 'mutate',
	startContainer: 'mutate',
	stopContainer: 'mutate',
	restartContainer: 'mutate',
	removeContainer: 'mutate',
	renameContainer: 'mutate',
	killContainer: 'mutate',
	connectNetwork: 'mutate',
	disconnectNetwork: 'mutate',
	createNetwork: 'mutate',
	removeNetwork: 'mutate',
	updateServiceSpec: 'mutate',
	rollbackService: 'mutate',
} as const satisfies Record<string, MethodKind>;

/** The methods of `Engine` the table above lacks: the compiler names them here until they are classified. */
type Unclassified = Exclude<EngineMethod, keyof typeof ENGINE_METHODS>;
/** Fails to compile while an Engine method is unclassified (its name shows in the error). */
export const EVERY_METHOD_CLASSIFIED: [Unclassified] extends [never] ? true : {unclassified: Unclassified} = true;

/** The kind of a method by name; `mutate` for one the table does not know (fail closed). */
export function methodKind(name: string): MethodKind {
	return (ENGINE_METHODS as Record<string, MethodKind>)[name] ?? 'mutate';
}

/** Options of `guardEngine`. */
export interface GuardOptions {
	/** Refuse every call that could change something. */
	readOnly?: boolean;
	/** Milliseconds a `read` may take before it fails with a `timeout` EngineError (none when absent). */
	readDeadlineMs?: number;
	/**
	 * Milliseconds a `mutate` may take (a stop or restart gets its own timeout on top). The engine may
	 * still do it after: callers treat a timeout as "maybe done" (the recreate's rollback does).
	 */
	changeDeadlineMs?: number;
}

/** dnet's deadlines: a read (list, inspect) 15 s, a change (create, rename, start…) 60 s, a stop or restart its grace time on top. */
export const DEADLINES = {readDeadlineMs: 15_000, changeDeadlineMs: 60_000} as const satisfies GuardOptions;

/** The seconds of grace a stop or restart gives the container (the engine's default is 10). */
function graceMs(method: string, args: unknown[]): number {
	if (method !== 'stopContainer' && method !== 'restartContainer') return 0;
	return (typeof args[1] === 'number' ? args[1] : 10) * 1000;
}

/** The refusal of a mutating call under `--read-only`. */
export function readOnlyRefusal(method: string): EngineError {
	return new EngineError('permission-denied', `refused: ${method} would change the engine, and dnet runs with --read-only`);
}

function withDeadline<T>(endpoint: string, ms: number, work: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const deadline = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(
			() => reject(new EngineError('timeout', `the Docker engine at ${endpoint} did not answer in ${Math.round(ms / 100) / 10} s`, 'check the engine and the network')),
			ms,
		);
		timer.unref?.();
	});
	return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** `engine` behind the guards (the same object when no guard is asked for). */
export function guardEngine(engine: Engine, options: GuardOptions): Engine {
	const {readOnly = false, readDeadlineMs, changeDeadlineMs} = options;
	if (!readOnly && readDeadlineMs === undefined && changeDeadlineMs === undefined) return engine;
	return new Proxy(engine, {
		get(target, property, receiver) {
			const value: unknown = Reflect.get(target, property, receiver);
			if (typeof value !== 'function' || typeof property !== 'string') return value;
			const kind = methodKind(property);
			const fn = value as (...args: unknown[]) => unknown;
			if (kind === 'mutate' && readOnly) {
				return () => Promise.reject(readOnlyRefusal(property));
			}
			const deadline = kind === 'read' ? readDeadlineMs : kind === 'mutate' ? changeDeadlineMs : undefined;
			if (deadline !== undefined) {
				return (...args: unknown[]) =>
					withDeadline(target.endpoint, deadline + graceMs(property, args), Promise.resolve(fn.apply(target, args)));
			}
			return fn.bind(target);
		},
	});
}
