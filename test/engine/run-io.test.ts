/**
 * The engine methods of a foreground run against the real private engine: create with the
 * engine's warnings, output attached before the start (tagged by stream, bytes intact), a wait
 * registered before the start (a quick exit is not missed; `removed` for AutoRemove), and kill
 * with a signal; and the demultiplexer over pieces cut anywhere.
 */
import {afterAll, describe, expect, it} from 'vitest';
import {demultiplexer} from '../../source/engine/run-io.js';
import {EngineError} from '../../source/engine/engine.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';

const engine = privateEngine();
const made: string[] = [];
afterAll(async () => {
	await removeContainers(made);
	engine.close();
});

const body = (cmd: string[], autoRemove = false) => ({Image: 'dnet/webapp', Cmd: cmd, HostConfig: {AutoRemove: autoRemove}});

async function started(name: string, cmd: string[], autoRemove = false) {
	made.push(name);
	const {id, warnings} = await engine.createContainerWarned(name, body(cmd, autoRemove));
	const pieces: Array<[string, Buffer]> = [];
	const attachment = await engine.attachOutput(id, (stream, chunk) => pieces.push([stream, Buffer.from(chunk)]));
	const wait = await engine.waitContainer(id, autoRemove ? 'removed' : 'next-exit');
	await engine.startContainer(id);
	return {id, warnings, attachment, wait, pieces};
}

describe('run I/O on the real engine', () => {
	it('creates with the engine warnings docker prints, attaches, waits and streams both outputs', async () => {
		const name = uniqueName('rio');
		const {warnings, attachment, wait, pieces} = await started(name, ['sh', '-c', 'printf "a\\0b"; echo e >&2; exit 7']);
		expect(await wait.status).toBe(7);
		await attachment.done;
		const join = (s: string) => Buffer.concat(pieces.filter(([k]) => k === s).map(([, b]) => b));
		expect(join('stdout')).toEqual(Buffer.from('a\0b'));
		expect(join('stderr').toString()).toBe('e\n');
		const theirs = await docker(['run', '--rm', 'dnet/webapp', 'true']);
		const printed = theirs.stderr.split('\n').filter((l) => l.startsWith('WARNING: ')).map((l) => l.slice('WARNING: '.length));
		expect(warnings).toEqual(printed);
		expect(JSON.parse(await dockerOk(['inspect', '--format', '{{json .State.ExitCode}}', name]))).toBe(7);
	});

	it('a wait for removal ends when an AutoRemove container is gone', async () => {
		const name = uniqueName('rio-rm');
		const {wait} = await started(name, ['sh', '-c', 'exit 4'], true);
		expect(await wait.status).toBe(4);
		expect((await docker(['inspect', '--type', 'container', name])).code).not.toBe(0);
	});

	it('kill sends the signal the container traps', async () => {
		const name = uniqueName('rio-kill');
		const {id, wait, pieces} = await started(name, ['sh', '-c', 'trap "exit 42" TERM; echo up; while :; do sleep 0.1; done']);
		for (let i = 0; i < 100 && pieces.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
		await engine.killContainer(id, 'SIGTERM');
		expect(await wait.status).toBe(42);
		await expect(engine.killContainer(id, 'SIGTERM')).rejects.toBeInstanceOf(EngineError);
	});

	it('demultiplexes pieces cut anywhere, binary intact', () => {
		const frame = (kind: number, data: Buffer) => {
			const header = Buffer.alloc(8);
			header[0] = kind;
			header.writeUInt32BE(data.length, 4);
			return Buffer.concat([header, data]);
		};
		const all = Buffer.concat([frame(1, Buffer.from([0, 1, 255])), frame(2, Buffer.from('err')), frame(1, Buffer.alloc(300, 7))]);
		for (const cut of [1, 3, 8, 9, 12, all.length - 1]) {
			const got: Array<[string, string]> = [];
			const feed = demultiplexer((s, c) => got.push([s, Buffer.from(c).toString('hex')]));
			feed(all.subarray(0, cut));
			feed(all.subarray(cut));
			const merged = got.reduce<Array<[string, string]>>((acc, [s, h]) => {
				const last = acc[acc.length - 1];
				if (last && last[0] === s) last[1] += h;
				else acc.push([s, h]);
				return acc;
			}, []);
			expect(merged).toEqual([['stdout', '0001ff'], ['stderr', Buffer.from('err').toString('hex')], ['stdout', Buffer.alloc(300, 7).toString('hex')]]);
		}
	});
});
