/**
 * References (names, ids) checked and escaped in one place (source/engine/refs.ts), then every
 * Engine method that takes one, on the real engine: `x%32` never reaches `x2`, `x?y` never `x`.
 * And `inspectImage`, the image's own EXPOSEs.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DockerEngine} from '../../source/engine/docker-engine.js';
import {EngineError} from '../../source/engine/engine.js';
import {normalizeRef, refPath} from '../../source/engine/refs.js';
import {dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';

describe('normalizeRef / refPath', () => {
	it('trims, drops the leading slashes of a container name, escapes the rest', () => {
		expect(normalizeRef('container', ' /web ')).toBe('web');
		expect(normalizeRef('container', '//web')).toBe('web');
		expect(refPath('container', 'web?x')).toBe('web%3Fx');
		expect(refPath('container', 'web%32')).toBe('web%2532');
		expect(refPath('container', 'a b#c/d')).toBe('a%20b%23c%2Fd');
		expect(refPath('image', 'dnet/webapp:latest')).toBe('dnet%2Fwebapp%3Alatest');
	});

	it.each([
		['container', '', 'invalid container name or ID: value is empty'],
		['container', ' \t', 'invalid container name or ID: value is empty'],
		['network', '', 'invalid network name or ID: value is empty'],
		['container', '.', 'No such container: .'],
		['container', '..', 'No such container: ..'],
		['container', '/', 'No such container: /'],
		['container', 'web/', 'No such container: web/'],
		['container', 'a/../web', 'No such container: a/../web'],
		['network', '/bridge', 'network /bridge not found'],
		['image', 'a//b', 'No such image: a//b'],
	] as const)('refuses %s %j: %s', (kind, value, message) => {
		let thrown: unknown;
		try {
			normalizeRef(kind, value);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(EngineError);
		expect((thrown as EngineError).message).toBe(message);
		expect((thrown as EngineError).statusCode).toBeUndefined();
	});
});

describe('every Engine method escapes its reference (real engine)', () => {
	const x = uniqueName('refx');
	const x2 = `${x}2`;
	let engine: DockerEngine;
	const snapshot = (): Promise<string> => dockerOk(['inspect', '-f', '{{.Name}} {{.State.Status}}', x, x2]);

	beforeAll(async () => {
		engine = privateEngine();
		await dockerOk(['create', '--name', x, 'dnet/webapp']);
		await dockerOk(['create', '--name', x2, 'dnet/webapp']);
	}, 60_000);
	afterAll(async () => {
		await removeContainers([x, x2, `${x}-renamed`]);
		engine.close();
	});

	const calls: Array<[string, (e: DockerEngine, ref: string) => Promise<unknown>]> = [
		['inspectContainer', (e, r) => e.inspectContainer(r)],
		['inspectContainerRaw', (e, r) => e.inspectContainerRaw(r)],
		['startContainer', (e, r) => e.startContainer(r)],
		['stopContainer', (e, r) => e.stopContainer(r)],
		['restartContainer', (e, r) => e.restartContainer(r, 0)],
		['removeContainer', (e, r) => e.removeContainer(r, {force: true})],
		['renameContainer', (e, r) => e.renameContainer(r, `${x}-renamed`)],
		['connectNetwork', (e, r) => e.connectNetwork('bridge', r, {})],
		['disconnectNetwork', (e, r) => e.disconnectNetwork('bridge', r, true)],
	];

	it.each(calls.map(([name], i) => [name, i] as const))('%s', async (_name, i) => {
		const [, call] = calls[i] as (typeof calls)[number];
		const before = await snapshot();
		for (const ref of [`${x}%32`, `${x}?all=1`, `${x}/../${x2}`]) {
			const failed = await call(engine, ref).then(
				() => null,
				(error: unknown) => error,
			);
			expect(failed, ref).toBeInstanceOf(EngineError);
			expect((failed as EngineError).kind, ref).toBe('not-found');
			expect(await snapshot()).toBe(before);
		}
		const empty = await call(engine, ' ').catch((error: unknown) => error);
		expect((empty as EngineError).message).toBe('invalid container name or ID: value is empty');
	});

	it('finds `/name` and ` name `', async () => {
		expect((await engine.inspectContainer(`/${x}`)).name).toBe(x);
		expect((await engine.inspectContainer(` ${x2} `)).name).toBe(x2);
	});

	it('inspectNetwork and removeNetwork refuse an empty or dotted name', async () => {
		await expect(engine.inspectNetwork('')).rejects.toThrow('invalid network name or ID: value is empty');
		await expect(engine.removeNetwork('..')).rejects.toThrow('network .. not found');
		expect((await engine.inspectNetwork(' bridge ')).name).toBe('bridge');
	});
});

describe('inspectImage (real engine)', () => {
	it("gives the image's own EXPOSEs, by name or id", async () => {
		const engine = privateEngine();
		try {
			const image = await engine.inspectImage('dnet/webapp');
			expect(image.exposedPorts).toEqual(['5000/tcp']);
			expect(image.tags).toContain('dnet/webapp:latest');
			expect((await engine.inspectImage(image.id)).exposedPorts).toEqual(['5000/tcp']);
			await expect(engine.inspectImage('dnet/no-such-image')).rejects.toMatchObject({kind: 'not-found'});
		} finally {
			engine.close();
		}
	});
});
