/** Shared parts of the hardening tests: the fault proxy in front of the private engine, a guarded engine on it. */
import {resolveEndpoint} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import type {Engine} from '../../source/engine/engine.js';
import {EngineError} from '../../source/engine/engine.js';
import {guardEngine} from '../../source/engine/guard.js';
import {startFaultProxy, type FaultProxy} from '../support/fault-proxy.js';
import {privateHost} from '../support/engine.js';

/** The private engine's socket path (the tests run it on a unix socket). */
export function privateSocket(): string {
	const host = privateHost();
	if (!host.startsWith('unix://')) throw new Error(`the hardening tests need the private engine on a unix socket, not ${host}`);
	return host.slice('unix://'.length);
}

/** A proxy in front of the private engine and a DockerEngine talking through it (reads time out after `deadlineMs`). */
export async function faultyEngine(deadlineMs = 1500): Promise<{proxy: FaultProxy; raw: DockerEngine; engine: Engine}> {
	const proxy = await startFaultProxy(privateSocket(), {seed: 17});
	const raw = new DockerEngine(resolveEndpoint(proxy.host, {}));
	return {proxy, raw, engine: guardEngine(raw, {readDeadlineMs: deadlineMs})};
}

/** What a call ends with: its value, or the error it threw. */
export async function outcome<T>(p: Promise<T>): Promise<{ok: true; value: T} | {ok: false; error: unknown}> {
	try {
		return {ok: true, value: await p};
	} catch (error) {
		return {ok: false, error};
	}
}

/** True when `error` is an EngineError worded on one line, free of control characters. */
export function isOneLineEngineError(error: unknown): boolean {
	return error instanceof EngineError && error.message.length > 0 && !/[\u0000-\u001f\u007f-\u009f]/.test(error.message);
}

/** Request paths, as the proxy matches them. */
export const PATHS = {
	list: /^\/containers\/json$/,
	inspect: /^\/containers\/[^/]+\/json$/,
	create: /^\/containers\/create$/,
	rename: /^\/containers\/[^/]+\/rename$/,
	start: /^\/containers\/[^/]+\/start$/,
	stop: /^\/containers\/[^/]+\/stop$/,
	remove: /^\/containers\/[^/]+$/,
	connect: /^\/networks\/[^/]+\/connect$/,
	version: /^\/version$/,
	networks: /^\/networks$/,
} as const;
