/**
 * The reads of the start-up path without dockerode (ARCHITECTURE.md, "Start-up"): `GET /version`,
 * `GET /containers/json` and `GET /containers/{id}/json` with Node's own HTTP client over a unix
 * socket, plain TCP or ssh (one dial-stdio connection, handed to the engine later: endpoint/ssh-agent.ts),
 * mapped by the same code as DockerEngine's (map.ts). Everything else, and any
 * read that does not come back as a 200 with JSON (a TLS engine, a refusal, a timeout, an
 * API too old), goes to the full engine, loaded on first need, which answers or words the failure
 * as it always did. So `dnet ps`, `dnet port` and the first frame never load dockerode.
 */
import {connect, type Socket} from 'node:net';
import type {ContainerDetails, ContainerSummary, EngineInfo} from '../model/container.js';
import {sanitize} from '../model/sanitize.js';
import {isLocalEndpoint, type Endpoint} from './connection.js';
import {getAnswer, type Answer} from './endpoint/http-get.js';
import {sshGet} from './endpoint/ssh-agent.js';
import type {Engine} from './engine.js';
import {compareVersions, MIN_API_VERSION} from './errors.js';
import {mapContainerDetails, mapContainerList} from './map.js';
import {refPath} from './refs.js';

/** After this long without an answer the full engine is asked instead (it has its own deadline). */
const QUICK_MS = 10_000;

/** A 200 answer to `GET path`, or undefined for anything else. */
function quickFetch(endpoint: Endpoint, path: string): Promise<Answer | undefined> {
	// ssh: one connection, kept for the engine; ssh's own failure is thrown (ARCHITECTURE.md, "Remote engines").
	if (endpoint.kind === 'ssh') return sshGet(endpoint, path);
	if (endpoint.kind === 'tcp' && endpoint.tls) return Promise.resolve(undefined);
	// No agent: one connection per read, and none of the agent's server-name work (its first use
	// compiles Node's IPv6 pattern: ~15 ms of a `dnet port`).
	const createConnection = (): Socket => (endpoint.kind === 'unix' ? connect(endpoint.socketPath) : connect(endpoint.port, endpoint.host));
	return getAnswer({path, timeout: QUICK_MS, createConnection});
}

/** The JSON of a 200 answer to `GET path`, or undefined for anything else. */
export async function quickGet(endpoint: Endpoint, path: string): Promise<unknown> {
	const answer = await quickFetch(endpoint, path);
	if (answer === undefined || !/json/i.test(answer.headers['content-type'] ?? '')) return undefined;
	try {
		return JSON.parse(answer.body.toString('utf8')) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * The version as `GET /_ping`'s headers tell it (`Server: Docker/20.10.24 (linux)`, `Api-Version`,
 * `Ostype`; no architecture): the engine answers a ping at once, where `/version` first asks
 * containerd (~40 ms). Undefined when the headers do not say it (another engine, an API too old).
 */
export async function pingInfo(endpoint: Endpoint): Promise<EngineInfo | undefined> {
	const answer = await quickFetch(endpoint, '/_ping');
	const header = (name: string): string => {
		const value = answer?.headers[name];
		return sanitize(typeof value === 'string' ? value : '');
	};
	const version = /^Docker\/(\S+)/.exec(header('server'))?.[1];
	const apiVersion = header('api-version');
	if (version === undefined || !/^\d+\.\d+$/.test(apiVersion) || compareVersions(apiVersion, MIN_API_VERSION) < 0) return undefined;
	return {version, apiVersion, os: header('ostype'), arch: ''};
}

/** `GET /version` as DockerEngine.info maps it; undefined when the full engine must say more (an API too old). */
function toInfo(raw: unknown): EngineInfo | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const v = raw as Record<string, unknown>;
	const text = (key: string): string => {
		const value = v[key];
		return sanitize(typeof value === 'string' || typeof value === 'number' ? String(value) : '');
	};
	const info: EngineInfo = {version: text('Version'), apiVersion: text('ApiVersion'), os: text('Os'), arch: text('Arch')};
	return info.apiVersion && compareVersions(info.apiVersion, MIN_API_VERSION) < 0 ? undefined : info;
}

function listPath(all: boolean, ids?: readonly string[]): string {
	return `/containers/json?all=${all}${ids ? `&filters=${encodeURIComponent(JSON.stringify({id: ids}))}` : ''}`;
}

function inspectPath(idOrName: string): string | undefined {
	try {
		return `/containers/${refPath('container', idOrName)}/json`;
	} catch {
		return undefined;
	}
}

export interface LazyEngine {
	engine: Engine;
	/** The version for the first frame: from a ping when it tells it, else `engine.info()`. */
	firstInfo(): Promise<EngineInfo>;
	/** Loads the full engine (a live UI subscribes to events through it). */
	ready(): Promise<Engine>;
}

/** An Engine whose start-up reads are quick (above) and whose every other call loads `load()` first. */
export function withQuickReads(endpoint: Endpoint, load: () => Promise<Engine>): LazyEngine {
	let full: Engine | null = null;
	let loading: Promise<Engine> | null = null;
	const ready = (): Promise<Engine> =>
		(loading ??= load().then((engine) => {
			full = engine;
			return engine;
		}));
	const quick = {
		info: async (): Promise<EngineInfo> => toInfo(await quickGet(endpoint, '/version')) ?? (await ready()).info(),
		listContainers: async (all: boolean, ids?: readonly string[]): Promise<ContainerSummary[]> => {
			const raw = await quickGet(endpoint, listPath(all, ids));
			return Array.isArray(raw) ? mapContainerList(raw) : (await ready()).listContainers(all, ids);
		},
		inspectContainer: async (idOrName: string): Promise<ContainerDetails> => {
			const path = inspectPath(idOrName);
			const raw = path === undefined ? undefined : await quickGet(endpoint, path);
			return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? mapContainerDetails(raw) : (await ready()).inspectContainer(idOrName);
		},
	};
	const engine = new Proxy({} as Engine, {
		get(_target, key) {
			// Once loaded, the full engine answers everything, its endpoint too: after a `:ctx` switch
			// it is another engine's (ARCHITECTURE.md, "Remote engines").
			if (full) {
				const value = (full as unknown as Record<PropertyKey, unknown>)[key];
				return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(full) : value;
			}
			if (key === 'endpoint') return endpoint.display;
			if (key === 'isLocal') return isLocalEndpoint(endpoint);
			if (typeof key === 'string' && key in quick) return quick[key as keyof typeof quick];
			if (key === 'close') return () => {};
			if (typeof key !== 'string' || key === 'then') return undefined;
			// Every other Engine method returns a promise: it waits for the full engine.
			return async (...args: unknown[]) => {
				const loaded = (await ready()) as unknown as Record<string, (...a: unknown[]) => unknown>;
				return loaded[key]?.(...args);
			};
		},
	});
	return {engine, ready, firstInfo: async () => (await pingInfo(endpoint)) ?? engine.info()};
}
