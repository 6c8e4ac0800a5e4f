/**
 * One Engine for the whole session whose endpoint can change (ARCHITECTURE.md, "Remote engines"):
 * a Proxy that forwards every method to the engine of the context in use, so the store, the
 * effects runner and the live link keep one object while `:ctx` moves them to another engine.
 * Switching connects to the new engine first (its version read) and keeps the old one on failure.
 */
import type {ConnectionEnv, Endpoint, Target} from '../connection.js';
import {resolveTarget} from '../connection.js';
import type {Engine} from '../engine.js';
import {contextRows, type ContextRow} from './overview.js';
import {useContext} from './store.js';

export interface EngineSwitch {
	/** The context in use. */
	context(): string;
	/** `NAME (endpoint)`, for the status bar. */
	label(): string;
	/** Every context, the one in use marked. */
	rows(): ContextRow[];
	/** Connects to NAME's engine and makes it the session's; throws (keeping the old) when it cannot. */
	switchTo(name: string): Promise<void>;
	/** `docker context use NAME`: writes currentContext. */
	use(name: string): void;
	/** Called after each switch (the live link reconnects). */
	onSwitch(listener: () => void): () => void;
	/** The engine of another context, for a one-off read (`:ports all`); the caller closes it. */
	open(name: string): Engine;
}

/** The property under which the proxy answers its switch (read through any wrapper, e.g. the guard). */
const SWITCH = Symbol('dnet.engineSwitch');

/** The switch behind an engine, when it has one (the fake engine of the UI tests has none). */
export const engineSwitch = (engine: Engine): EngineSwitch | undefined =>
	(engine as unknown as Record<symbol, EngineSwitch | undefined>)[SWITCH];

export function switchableEngine(
	first: Target,
	flags: {context?: string; host?: string},
	env: ConnectionEnv,
	engines: {DockerEngine: new (endpoint: Endpoint) => Engine},
): Engine {
	const make = (endpoint: Endpoint): Engine => new engines.DockerEngine(endpoint);
	let target = first;
	let current = make(first.endpoint);
	const listeners = new Set<() => void>();
	const proxy = new Proxy({} as Engine, {
		get(_, property) {
			if (property === SWITCH) return control;
			const value = (current as unknown as Record<PropertyKey, unknown>)[property];
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
		},
		has: (_, property) => property in current,
	});
	const resolve = (name: string): Target => (name === first.context ? first : resolveTarget({context: name}, env));
	const control: EngineSwitch = {
		context: () => target.context,
		label: () => `${target.context} (${current.endpoint})`,
		rows: () => contextRows(flags, env, target.context),
		async switchTo(name) {
			const next = resolve(name);
			const engine = make(next.endpoint);
			try {
				await engine.info();
			} catch (error) {
				engine.close();
				throw error;
			}
			const old = current;
			current = engine;
			target = next;
			old.close();
			for (const l of listeners) l();
		},
		use(name) {
			useContext(env, name);
		},
		onSwitch(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		open: (name) => make(resolve(name).endpoint),
	};
	return proxy;
}
