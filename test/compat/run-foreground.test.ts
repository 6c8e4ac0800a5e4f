/**
 * `dnet run` in the foreground against `docker run` on the private engine, the same command line
 * through both: stdout and stderr bytes (the engine's warnings included), the exit status, and the
 * container kept or removed; a start that fails (127, 126), ~1 MB of binary output, both streams,
 * a signal forwarded to a container that traps it, -i/-t refused.
 */
import {execFile, spawn} from 'node:child_process';
import {afterAll, describe, expect, it} from 'vitest';
import {runCommand} from '../../source/commands/run.js';
import type {ForwardedSignal} from '../../source/commands/context.js';
import {docker, privateEngine, privateEnv, removeContainers, uniqueName} from '../support/engine.js';
import {recordingContext} from '../commands/support.js';

interface Outcome {
	stdout: Buffer;
	stderr: Buffer;
	code: number;
}

const cleanup: string[] = [];
afterAll(() => removeContainers(cleanup));

function dockerRaw(args: string[]): Promise<Outcome> {
	return new Promise((resolve) => {
		execFile('docker', args, {env: privateEnv(), encoding: 'buffer', maxBuffer: 64 << 20, timeout: 60_000}, (error, stdout, stderr) => {
			const code = error ? (typeof (error as {code?: unknown}).code === 'number' ? ((error as {code: number}).code) : -1) : 0;
			resolve({stdout, stderr, code});
		});
	});
}

async function dnet(args: string[], onStdout?: (text: string, signal: (s: ForwardedSignal) => void) => void): Promise<Outcome> {
	const engine = privateEngine();
	try {
		const rec = recordingContext(() => engine);
		let handler: ((s: ForwardedSignal) => void) | null = null;
		const write = rec.ctx.stdout.write.bind(rec.ctx.stdout);
		const ctx = {
			...rec.ctx,
			stdout: {write: (t: string | Uint8Array) => {
				write(t);
				if (handler) onStdout?.(rec.stdout(), handler);
			}},
			onSignal: (h: (s: ForwardedSignal) => void) => {
				handler = h;
				return () => void (handler = null);
			},
		};
		const code = await runCommand(args, ctx);
		return {stdout: rec.stdoutBytes(), stderr: rec.stderrBytes(), code};
	} finally {
		engine.close();
	}
}

const exists = async (name: string): Promise<boolean> => (await docker(['inspect', '--type', 'container', name])).code === 0;
const named = (b: Buffer, ours: string, theirs: string) => b.toString('latin1').replaceAll('docker', 'dnet').replaceAll(theirs, ours);

/** Runs the same command line through both (each with its own --name) and compares. */
async function both(flags: string[], rest: string[]): Promise<{ours: Outcome; theirs: Outcome; mine: string; ref: string}> {
	const mine = uniqueName('fg');
	const ref = uniqueName('fg-ref');
	cleanup.push(mine, ref);
	const [ours, theirs] = await Promise.all([dnet(['--name', mine, ...flags, ...rest]), dockerRaw(['run', '--name', ref, ...flags, ...rest])]);
	return {ours, theirs, mine, ref};
}

describe('dnet run (foreground) vs docker run', () => {
	it.each([
		['echo, exit 0', ['sh', '-c', 'echo hi']],
		['exit 1', ['sh', '-c', 'echo one; exit 1']],
		['exit 3', ['sh', '-c', 'echo hi; exit 3']],
		['both streams', ['sh', '-c', 'echo a; echo b >&2; echo c; echo d >&2; exit 5']],
	])('%s: same bytes and status, --rm removes, without it kept', async (_label, cmd) => {
		for (const rm of [true, false]) {
			const {ours, theirs, mine, ref} = await both(rm ? ['--rm'] : [], ['dnet/webapp', ...cmd]);
			expect(ours.code).toBe(theirs.code);
			expect(ours.stdout.toString('latin1')).toBe(theirs.stdout.toString('latin1'));
			expect(named(ours.stderr, mine, mine)).toBe(named(theirs.stderr, mine, ref));
			expect(await exists(mine)).toBe(!rm);
			expect(await exists(ref)).toBe(!rm);
		}
	}, 60_000);

	it.each([
		['a missing command (127)', ['nope-cmd']],
		['a non-executable (126)', ['/etc']],
	])('%s: same words and status, the container kept', async (_label, cmd) => {
		const {ours, theirs, mine, ref} = await both([], ['dnet/webapp', ...cmd]);
		expect([126, 127]).toContain(theirs.code);
		expect(ours.code).toBe(theirs.code);
		expect(named(ours.stderr, mine, mine)).toBe(named(theirs.stderr, mine, ref));
		expect(await exists(mine)).toBe(true);
		expect(await exists(ref)).toBe(true);
	}, 60_000);

	it('--rm with a missing command: 127, removed', async () => {
		const {ours, theirs, mine} = await both(['--rm'], ['dnet/webapp', 'nope-cmd']);
		expect(theirs.code).toBe(127);
		expect(ours.code).toBe(127);
		expect(await exists(mine)).toBe(false);
	}, 60_000);

	it('a bad port spec: 125, nothing created', async () => {
		const {ours, theirs, mine, ref} = await both(['-p', 'abc'], ['dnet/webapp', 'true']);
		expect(theirs.code).toBe(125);
		expect({code: ours.code, stderr: named(ours.stderr, mine, mine)}).toEqual({code: 125, stderr: named(theirs.stderr, mine, ref)});
		expect(await exists(mine)).toBe(false);
	}, 60_000);

	it('~1 MB of binary output, byte for byte', async () => {
		const {ours, theirs} = await both(['--rm'], ['dnet/webapp', 'sh', '-c', 'cat /bin/busybox | head -c 1048576; echo done >&2']);
		expect(theirs.stdout.length).toBe(1048576);
		expect(ours.code).toBe(0);
		expect(Buffer.compare(ours.stdout, theirs.stdout)).toBe(0);
		expect(ours.stderr.toString('latin1')).toBe(theirs.stderr.toString('latin1'));
	}, 60_000);

	it('SIGTERM is forwarded to a container that traps it, as docker does', async () => {
		const cmd = ['dnet/webapp', 'sh', '-c', 'trap "echo got TERM; exit 42" TERM; echo ready; while :; do sleep 0.1; done'];
		const mine = uniqueName('sig');
		const ref = uniqueName('sig-ref');
		cleanup.push(mine, ref);
		let sent = false;
		const ours = await dnet(['--rm', '--name', mine, ...cmd], (text, signal) => {
			if (!sent && text.includes('ready')) {
				sent = true;
				signal('SIGTERM');
			}
		});
		const theirs = await new Promise<Outcome>((resolve) => {
			const child = spawn('docker', ['run', '--rm', '--name', ref, ...cmd], {env: privateEnv()});
			const out: Buffer[] = [];
			const err: Buffer[] = [];
			child.stdout.on('data', (c: Buffer) => {
				out.push(c);
				if (Buffer.concat(out).includes('ready')) child.kill('SIGTERM');
			});
			child.stderr.on('data', (c: Buffer) => err.push(c));
			child.on('close', (code) => resolve({stdout: Buffer.concat(out), stderr: Buffer.concat(err), code: code ?? -1}));
		});
		expect(theirs.code).toBe(42);
		expect({code: ours.code, stdout: ours.stdout.toString()}).toEqual({code: theirs.code, stdout: theirs.stdout.toString()});
		expect(await exists(mine)).toBe(false);
	}, 60_000);

	it('-i and -t are refused with one line pointing at docker run -it', async () => {
		for (const flag of ['-i', '-t', '-it', '--tty']) {
			const ours = await dnet([flag, 'dnet/webapp', 'sh']);
			expect(ours.code).toBe(125);
			expect(ours.stderr.toString()).toMatch(/^dnet: dnet run has no -[it]\/--(interactive|tty): for an interactive container use docker run -it\n$/);
		}
	});
});
