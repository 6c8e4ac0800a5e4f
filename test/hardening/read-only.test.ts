/**
 * `--read-only` is enforced in the engine layer itself (engine/guard.ts), not only in the keymap:
 * every mutating Engine method called directly is refused before it reaches the engine, the
 * operations built on them change nothing, and every Engine method is classified (a method added
 * without a class fails here, and is refused under --read-only meanwhile).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {EngineError, type Engine} from '../../source/engine/engine.js';
import {ENGINE_METHODS, guardEngine, methodKind} from '../../source/engine/guard.js';
import {changePorts} from '../../source/operations/ports.js';
import {recreate} from '../../source/operations/recreate/index.js';
import {FakeEngine, summary} from '../support/fake-engine.js';
import {repoRoot} from '../support/tmux.js';

/** The method names of `interface Engine`, read from its source: what the table must cover. */
function interfaceMethods(): string[] {
	const text = readFileSync(path.join(repoRoot, 'source', 'engine', 'engine.ts'), 'utf8');
	const body = text.slice(text.indexOf('export interface Engine {'));
	const end = body.indexOf('\n}');
	return [...body.slice(0, end).matchAll(/^\t(\w+)\(/gm)].map((m) => m[1] as string);
}

/** Plausible arguments for each mutating method (the guard must refuse before looking at them). */
const ARGS: Record<string, unknown[]> = {
	createContainer: ['x', {Image: 'dnet/webapp'}],
	createContainerWarned: ['x', {Image: 'dnet/webapp'}],
	startContainer: ['web'],
	stopContainer: ['web', 1],
	restartContainer: ['web', 1],
	removeContainer: ['web', {force: true}],
	renameContainer: ['web', 'other'],
	killContainer: ['web', 'SIGTERM'],
	connectNetwork: ['bridge', 'web', {}],
	disconnectNetwork: ['bridge', 'web', true],
	createNetwork: ['n1'],
	removeNetwork: ['bridge'],
	updateServiceSpec: ['svc', 1, {}],
	rollbackService: ['svc'],
};

const fresh = (): {fake: FakeEngine; guarded: Engine} => {
	const fake = new FakeEngine([summary('web'), summary('db')]);
	return {fake, guarded: guardEngine(fake, {readOnly: true})};
};

describe('the engine guard under --read-only', () => {
	it('classifies every method of the Engine interface', () => {
		const methods = interfaceMethods();
		expect(methods.length).toBeGreaterThan(20);
		expect(methods.filter((m) => !(m in ENGINE_METHODS))).toEqual([]);
	});

	const mutating = Object.entries(ENGINE_METHODS)
		.filter(([, kind]) => kind === 'mutate')
		.map(([name]) => name);

	it('has arguments here for every mutating method', () => {
		expect(mutating.filter((m) => !(m in ARGS))).toEqual([]);
	});

	it.each(mutating.map((m) => [m]))('refuses %s before it reaches the engine', async (method) => {
		const {fake, guarded} = fresh();
		const fn = (guarded as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method];
		const error = await fn!(...(ARGS[method] ?? [])).then(
			() => null,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(EngineError);
		expect((error as EngineError).message).toBe(`refused: ${method} would change the engine, and dnet runs with --read-only`);
		expect(fake.calls).toEqual([]);
		expect(fake.done).toEqual([]);
	});

	it('lets every reading method through', async () => {
		const {fake, guarded} = fresh();
		expect((await guarded.listContainers(true)).map((c) => c.name)).toEqual(['web', 'db']);
		expect((await guarded.inspectContainer('web')).name).toBe('web');
		await guarded.listNetworks();
		await guarded.info();
		expect(fake.calls.length).toBeGreaterThan(0);
		expect(fake.done).toEqual([]);
	});

	it('refuses a method it does not know (fails closed)', async () => {
		expect(methodKind('eraseEverything')).toBe('mutate');
		const {fake, guarded} = fresh();
		(fake as unknown as Record<string, unknown>)['eraseEverything'] = () => Promise.resolve('erased');
		const fn = (guarded as unknown as Record<string, () => Promise<unknown>>)['eraseEverything'];
		await expect(fn!()).rejects.toThrow(/--read-only/);
	});

	it('makes the operations change nothing: a recreate and a port change are refused with the reason', async () => {
		const {fake, guarded} = fresh();
		await expect(recreate(guarded, 'web', {PortBindings: {}})).rejects.toThrow(/--read-only/);
		await expect(changePorts(guarded, 'web', {kind: 'publish', bindings: {'5000/tcp': [{HostIp: '', HostPort: '8080'}]}})).rejects.toThrow(/--read-only/);
		expect(fake.done).toEqual([]);
		expect(fake.containers.map((c) => c.name)).toEqual(['web', 'db']);
	});
});
