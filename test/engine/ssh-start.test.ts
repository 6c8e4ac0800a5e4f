/**
 * ssh:// at start-up (issue 12): the login dialled ahead (`preconnect`) is the one the first
 * requests use, and a host that does not answer never holds dnet: a signal to dnet alone ends it
 * and its ssh at once, and a refused connection is one line. Real OpenSSH on loopback
 * (test/support/sshd.ts); the host that does not answer is a loopback listener that accepts and
 * never speaks, so ssh waits for its banner (ConnectTimeout, 10 s).
 */
import {execFile, spawn} from 'node:child_process';
import {createServer, type Server, type Socket} from 'node:net';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseHost} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import {liveSshProcesses, preconnect, sshGet} from '../../source/engine/endpoint/ssh-agent.js';
import {privateHost} from '../support/engine.js';
import {startSshd, type Sshd} from '../support/sshd.js';
import {waitFor} from '../support/wait-for.js';

const exec = promisify(execFile);
const originalPath = process.env['PATH'];
let sshd: Sshd;
let silent: Server;
let silentPort = 0;
const held: Socket[] = [];

beforeAll(async () => {
	sshd = await startSshd({loginUser: 'uid0', env: {DOCKER_HOST: privateHost(), PATH: '/usr/local/bin:/usr/bin:/bin'}});
	process.env['PATH'] = `${sshd.wrapSsh()}:${originalPath}`;
	silent = createServer((socket) => held.push(socket));
	await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
	const address = silent.address();
	silentPort = typeof address === 'object' && address ? address.port : 0;
}, 60_000);

afterAll(async () => {
	process.env['PATH'] = originalPath;
	for (const s of held) s.destroy();
	silent?.close();
	await sshd?.stop();
});

/** The throwaway user's ssh processes (the client side) still running. */
async function userSsh(): Promise<number> {
	const r = await exec('pgrep', ['-u', String(sshd.uid), '-x', 'ssh']).catch(() => ({stdout: ''}));
	return r.stdout.trim() === '' ? 0 : r.stdout.trim().split('\n').length;
}

describe('ssh:// at start-up', () => {
	it('the connection dialled ahead carries the start-up reads, then the engine\'s: one login', async () => {
		const endpoint = parseHost(`ssh://${sshd.alias}`);
		if (endpoint.kind !== 'ssh') throw new Error('not ssh');
		const before = sshd.logins();
		preconnect(endpoint, 1);
		// ssh runs before any engine exists.
		expect(liveSshProcesses()).toBe(1);
		// The start-up reads (engine/quick.ts) asked at once: one at a time on that connection, the
		// version first and the whole list (not needed for the first frame) last.
		const order: string[] = [];
		const paths = ['/containers/json?all=true', '/containers/json?all=false', '/_ping'];
		const answers = await Promise.all(paths.map((p) => sshGet(endpoint, p).then((a) => (order.push(p), a))));
		expect(answers.every((a) => a !== undefined && a.body.length > 0)).toBe(true);
		expect(order).toEqual(['/_ping', '/containers/json?all=false', '/containers/json?all=true']);
		expect(sshd.logins()).toBe(before + 1);
		const engine = new DockerEngine(endpoint);
		try {
			await engine.info();
			await engine.listContainers(true);
			expect(liveSshProcesses()).toBe(1);
			expect(sshd.logins()).toBe(before + 1);
		} finally {
			engine.close();
		}
		await waitFor(() => expect(liveSshProcesses()).toBe(0), 5000);
	});

	it('dnet ps to a host that does not answer: SIGINT to dnet alone ends it and its ssh at once', async () => {
		const cli = path.resolve('dist/cli.js');
		const child = spawn(process.execPath, [cli, '-H', `ssh://127.0.0.1:${silentPort}`, 'ps'], {env: {...process.env}, stdio: ['ignore', 'pipe', 'pipe']});
		const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
		try {
			// ssh is waiting for the banner.
			await waitFor(async () => expect(await userSsh()).toBe(1), 20_000);
			child.kill('SIGINT');
			expect(await exited).toBe('SIGINT');
			// Without dnet killing it, ssh would wait out its ConnectTimeout (10 s).
			await waitFor(async () => expect(await userSsh()).toBe(0), 5000);
		} finally {
			child.kill('SIGKILL');
		}
	}, 60_000);

	it('dnet ps to a host that does not answer: ssh\'s reason in one line, exit 1', async () => {
		const cli = path.resolve('dist/cli.js');
		const r = await exec(process.execPath, [cli, '-H', `ssh://127.0.0.1:${silentPort}`, 'ps'], {env: {...process.env}}).then(
			() => ({code: 0, stderr: ''}),
			(e: {code: number; stderr: string}) => e,
		);
		expect(r.code).toBe(1);
		expect(r.stderr.trim().split('\n')).toEqual([
			`dnet: cannot connect to ssh://127.0.0.1:${silentPort}: Connection to 127.0.0.1 port ${silentPort} timed out (is sshd running there? Check the host and port (or HostName and Port in ~/.ssh/config))`,
		]);
	}, 60_000);

	it('dnet ps to a port where nothing listens: one line with the hint, exit 1', async () => {
		const cli = path.resolve('dist/cli.js');
		const r = await exec(process.execPath, [cli, '-H', 'ssh://127.0.0.1:1', 'ps'], {env: {...process.env}}).then(
			() => ({code: 0, stderr: ''}),
			(e: {code: number; stderr: string}) => e,
		);
		expect(r.code).toBe(1);
		const lines = r.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^dnet: cannot connect to ssh:\/\/127\.0\.0\.1:1: .*Connection refused \(is sshd running there\?/);
		await waitFor(async () => expect(await userSsh()).toBe(0), 5000);
	});
});
