/**
 * ssh:// through the system ssh (issue 12, part 2), against a real OpenSSH server on loopback
 * (test/support/sshd.ts) whose sessions have the real docker CLI on PATH and DOCKER_HOST at the
 * private engine. The client ssh runs as a throwaway user, so the ~/.ssh/config alias, its key and
 * known_hosts are the ones read. The same engine is on a local socket too: the server's log of
 * logins proves each request went over ssh.
 */
import {execFile} from 'node:child_process';
import {appendFileSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parseHost} from '../../source/engine/connection.js';
import {DockerEngine} from '../../source/engine/docker-engine.js';
import {EngineError} from '../../source/engine/engine.js';
import {liveSshProcesses} from '../../source/engine/endpoint/ssh-agent.js';
import {docker, privateHost} from '../support/engine.js';
import {startSshd, type Sshd} from '../support/sshd.js';
import {waitFor} from '../support/wait-for.js';

const exec = promisify(execFile);
const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';

let sshd: Sshd;
const originalPath = process.env['PATH'];

beforeAll(async () => {
	sshd = await startSshd({loginUser: 'root', env: {DOCKER_HOST: privateHost(), PATH: SYSTEM_PATH}});
	// The agent spawns `ssh` from PATH: this one runs the system ssh as the throwaway user.
	process.env['PATH'] = `${sshd.wrapSsh()}:${originalPath}`;
}, 60_000);

afterAll(async () => {
	process.env['PATH'] = originalPath;
	await sshd?.stop();
});

const engineAt = (url: string): DockerEngine => new DockerEngine(parseHost(url));

/** The user's ssh processes (the client side) still running. */
async function userSshProcesses(): Promise<number> {
	const r = await exec('pgrep', ['-u', String(sshd.uid), '-x', 'ssh']).catch(() => ({stdout: ''}));
	return r.stdout.trim() === '' ? 0 : r.stdout.trim().split('\n').length;
}

async function failure(url: string): Promise<EngineError> {
	const engine = engineAt(url);
	try {
		await engine.info();
	} catch (error) {
		return error as EngineError;
	} finally {
		engine.close();
	}
	throw new Error(`${url} answered`);
}

describe('ssh:// over the system ssh', () => {
	it('reaches the engine through the ~/.ssh/config alias, many requests over one login', async () => {
		const before = sshd.logins();
		const engine = engineAt(`ssh://${sshd.alias}`);
		try {
			const version = (await docker(['version', '--format', '{{.Server.Version}}'])).stdout.trim();
			expect((await engine.info()).version).toBe(version);
			await docker(['create', '--name', 'dnet-ssh-probe', '-p', '127.0.0.1::5000', 'dnet/webapp']);
			for (let i = 0; i < 5; i++) {
				const list = await engine.listContainers(true);
				expect(list.map((c) => c.name)).toContain('dnet-ssh-probe');
			}
			const details = await engine.inspectContainer('dnet-ssh-probe');
			expect(details.name).toBe('dnet-ssh-probe');
			// One ssh connection carried them all (keep-alive), and it really was ssh.
			expect(sshd.logins()).toBe(before + 1);
			expect(engine.isLocal).toBe(false);
		} finally {
			engine.close();
			await docker(['rm', '-f', 'dnet-ssh-probe']);
		}
		await waitFor(() => expect(liveSshProcesses()).toBe(0), 5000);
		await waitFor(async () => expect(await userSshProcesses()).toBe(0), 5000);
	});

	it('the event stream has its own connection; closing the engine ends every ssh process', async () => {
		const engine = engineAt(`ssh://${sshd.alias}`);
		const events: string[] = [];
		const before = sshd.logins();
		try {
			await engine.info();
			// The stream may take the idle connection: it keeps it, and requests open one more.
			const sub = engine.subscribe({onEvent: (e) => events.push(`${e.type}:${e.action}:${e.attributes['name'] ?? ''}`), onEnd: () => undefined});
			await engine.listContainers(true);
			await docker(['create', '--name', 'dnet-ssh-event', 'dnet/webapp']);
			await waitFor(() => expect(events).toContain('container:create:dnet-ssh-event'), 10_000);
			await engine.listContainers(true);
			await engine.listContainers(true);
			expect(sshd.logins()).toBe(before + 2);
			expect(liveSshProcesses()).toBe(2);
			sub.close();
		} finally {
			engine.close();
			await docker(['rm', '-f', 'dnet-ssh-event']);
		}
		await waitFor(async () => expect(await userSshProcesses()).toBe(0), 5000);
	});

	it('a socket path in the URL is given to dial-stdio as --host', async () => {
		const socket = privateHost().replace(/^unix:\/\//, '');
		const engine = engineAt(`ssh://${sshd.alias}${socket}`);
		try {
			expect((await engine.info()).version).not.toBe('');
		} finally {
			engine.close();
		}
		const wrong = await failure(`ssh://${sshd.alias}/tmp/dnet-no-such.sock`);
		expect(wrong.message).toMatch(/does not answer/);
	});

	it('dnet ps over ssh:// lists the engine containers, and leaves no ssh process behind', async () => {
		await docker(['create', '--name', 'dnet-ssh-ps', 'dnet/webapp']);
		try {
			const before = sshd.logins();
			const cli = path.resolve('dist/cli.js');
			const ours = await exec('node', [cli, '-H', `ssh://${sshd.alias}`, 'ps', '-a'], {env: {...process.env}});
			expect(ours.stdout).toMatch(/^CONTAINER ID/);
			expect(ours.stdout).toContain('dnet-ssh-ps');
			expect(sshd.logins()).toBe(before + 1);
		} finally {
			await docker(['rm', '-f', 'dnet-ssh-ps']);
		}
		await waitFor(async () => expect(await userSshProcesses()).toBe(0), 5000);
	});
});

describe('ssh:// failures: one line each, with a hint', () => {
	it('host unreachable', async () => {
		const e = await failure('ssh://127.0.0.1:1');
		expect(e).toBeInstanceOf(EngineError);
		expect(e.message).toMatch(/^cannot connect to ssh:\/\/127\.0\.0\.1:1: .*Connection refused/);
		expect(e.hint).toMatch(/sshd/);
	});

	it('authentication failed (BatchMode: never a prompt)', async () => {
		const e = await failure(`ssh://nobody-here@${sshd.alias}`);
		expect(e.message).toBe(`cannot log in to ssh://nobody-here@${sshd.alias}: ssh authentication failed`);
		expect(e.hint).toMatch(/ssh-agent|IdentityFile/);
	});

	it('host key unknown, then changed', async () => {
		// `localhost` is not in known_hosts (only the alias's 127.0.0.1 is).
		const unknown = await failure(`ssh://root@localhost:${sshd.port}`);
		expect(unknown.message).toMatch(/host key is unknown/);
		const knownHosts = path.join(sshd.home, '.ssh', 'known_hosts');
		const saved = readFileSync(knownHosts, 'utf8');
		appendFileSync(knownHosts, `[localhost]:${sshd.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHlJuPgGGdF3ltLQDI0Ssd2u1Hd1DrQfTGNnVLxNlR5P\n`);
		try {
			const changed = await failure(`ssh://root@localhost:${sshd.port}`);
			expect(changed.message).toMatch(/host key has changed/);
			expect(changed.hint).toMatch(/ssh-keygen -R/);
		} finally {
			writeFileSync(knownHosts, saved);
		}
	});

	it('docker not found on the remote host; permission denied on its socket', async () => {
		const noDocker = await startSshd({loginUser: 'root', env: {PATH: '/nonexistent'}});
		const noAccess = await startSshd({env: {DOCKER_HOST: privateHost(), PATH: SYSTEM_PATH}});
		const saved = process.env['PATH'];
		try {
			process.env['PATH'] = `${noDocker.wrapSsh()}:${originalPath}`;
			const notFound = await failure(`ssh://${noDocker.alias}`);
			expect(notFound.message).toBe(`docker was not found on the remote host of ssh://${noDocker.alias}`);
			process.env['PATH'] = `${noAccess.wrapSsh()}:${originalPath}`;
			const denied = await failure(`ssh://${noAccess.alias}`);
			expect(denied.message).toBe(`permission denied on the Docker socket of the remote host of ssh://${noAccess.alias}`);
			expect(denied.hint).toMatch(/docker group/);
		} finally {
			process.env['PATH'] = saved;
			await noDocker.stop();
			await noAccess.stop();
		}
	}, 60_000);
});
