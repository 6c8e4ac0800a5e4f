/**
 * A real OpenSSH server for tests (Debian `openssh-server`), on a free loopback port, with keys it
 * makes, and a throwaway client user whose home (in the password database, which is what `ssh`
 * reads, not `$HOME`) holds the client key, `known_hosts` and an `~/.ssh/config` alias. Nothing of
 * the caller's own `~/.ssh` is read or written. Needs root (it adds and removes the user).
 *
 * ```ts
 * const sshd = await startSshd({env: {DOCKER_HOST: privateHost()}});
 * // argv for the system ssh, run as the throwaway user (its config has the alias `sshd.alias`):
 * const r = await sshd.run(['ssh', '-T', sshd.alias, 'echo hi']);   // {stdout, stderr, code}
 * sshd.spawnArgs(['ssh', '-tt', sshd.alias]);  // ['setpriv', ..., 'ssh', '-tt', alias]: for tmux
 * sshd.logins();                                // "Accepted publickey" lines in the server's log
 * await sshd.stop();                            // ends sshd, removes the user and every file
 * ```
 *
 * - `loginUser` (default the throwaway user): the account the alias logs in as; `'root'` runs the
 *   remote commands as root (e.g. to reach the private engine's socket). Keys come from
 *   `authorizedKeys` below for every account, never from a home's `authorized_keys`.
 *   `'uid0'`: a second throwaway account with uid 0 and `/bin/sh` as its shell: root's rights
 *   without root's own shell start-up files (bash reads `~/.bashrc` for ssh commands; on a machine
 *   whose root `.bashrc` is slow, every login would measure it). For benchmarks.
 * - `env`: set in every session (sshd's `SetEnv`), e.g. `DOCKER_HOST` and a `PATH`.
 * - `wrapSsh()`: a folder holding an `ssh` that runs the real one as the throwaway user: put it
 *   first on `PATH` for code under test that spawns `ssh` (so it reads the user's config).
 */
import {execFile, spawn} from 'node:child_process';
import {chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {waitFor} from './wait-for.js';

const exec = promisify(execFile);

export interface SshdOptions {
	/** The account the alias logs in as; default the throwaway user; `'uid0'`: see above. */
	loginUser?: string;
	/** Environment of every session on the server (sshd SetEnv). */
	env?: Record<string, string>;
}

export interface RunResult {
	stdout: string;
	stderr: string;
	code: number;
}

export interface Sshd {
	/** 127.0.0.1 */
	host: string;
	port: number;
	/** The throwaway client user (also a login account). */
	user: string;
	uid: number;
	gid: number;
	/** Its home (from the password database). */
	home: string;
	/** The account the alias logs in as. */
	loginUser: string;
	/** `Host` alias in the user's ~/.ssh/config: HostName, Port, User, IdentityFile, known_hosts. */
	alias: string;
	/** The client's private key (owned by the user). */
	keyPath: string;
	/** The server's host public key line (`ssh-ed25519 AAAA…`). */
	hostKey: string;
	/** The server's log (LogLevel VERBOSE). */
	logPath: string;
	/** How many logins the server accepted so far. */
	logins: () => number;
	/** argv that runs `argv` as the throwaway user (setpriv), with its HOME, USER and a PATH. */
	spawnArgs: (argv: string[]) => string[];
	/** Runs argv as the throwaway user; never throws on a non-zero exit. */
	run: (argv: string[], options?: {env?: Record<string, string>; timeoutMs?: number}) => Promise<RunResult>;
	/** A folder with an `ssh` that runs the system ssh as the throwaway user. */
	wrapSsh: () => string;
	/** Stops sshd and removes the user and all files. */
	stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

let counter = 0;

export async function startSshd(options: SshdOptions = {}): Promise<Sshd> {
	if (process.getuid?.() !== 0) throw new Error('startSshd needs root (it adds a throwaway user)');
	const root = mkdtempSync(path.join(tmpdir(), 'dnet-sshd-'));
	chmodSync(root, 0o755);
	const user = `dnetssh${process.pid % 100000}${counter++}`;
	const home = path.join(root, 'home');
	const server = path.join(root, 'server');
	// Readable by the users: sshd reads authorized_keys as the user logging in (the host key is 0600).
	mkdirSync(server, {mode: 0o755});
	// Password '*': no password, but not a locked account (sshd refuses locked ones).
	await exec('useradd', ['-M', '-d', home, '-s', '/bin/sh', '-U', '-p', '*', user]);
	const ids = (await exec('id', ['-u', user])).stdout.trim();
	const gids = (await exec('id', ['-g', user])).stdout.trim();
	const uid = Number(ids);
	const gid = Number(gids);
	const sshDir = path.join(home, '.ssh');
	mkdirSync(sshDir, {recursive: true, mode: 0o700});
	const keyPath = path.join(sshDir, 'id_ed25519');
	const hostKeyPath = path.join(server, 'host_ed25519');
	await exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dnet-test-client', '-f', keyPath]);
	await exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'dnet-test-host', '-f', hostKeyPath]);
	const hostKey = readFileSync(`${hostKeyPath}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
	const authorized = path.join(server, 'authorized_keys');
	writeFileSync(authorized, readFileSync(`${keyPath}.pub`));
	chmodSync(authorized, 0o644);
	const port = await freePort();
	const host = '127.0.0.1';
	const rootSh = options.loginUser === 'uid0' ? `${user}r` : undefined;
	// -o: a second name for uid 0, with its own shell and home (removed by stop).
	if (rootSh) await exec('useradd', ['-o', '-u', '0', '-g', '0', '-M', '-d', home, '-s', '/bin/sh', '-p', '*', rootSh]);
	const loginUser = rootSh ?? options.loginUser ?? user;
	const alias = `dnet-test-${port}`;
	writeFileSync(path.join(sshDir, 'known_hosts'), `[${host}]:${port} ${hostKey}\n`);
	writeFileSync(
		path.join(sshDir, 'config'),
		[
			`Host ${alias}`,
			`  HostName ${host}`,
			`  Port ${port}`,
			`  User ${loginUser}`,
			`  IdentityFile ${keyPath}`,
			'  IdentitiesOnly yes',
			'  StrictHostKeyChecking yes',
			'',
		].join('\n'),
	);
	const binDir = path.join(root, 'bin');
	mkdirSync(binDir);
	await exec('chown', ['-R', `${uid}:${gid}`, home]);
	const logPath = path.join(server, 'sshd.log');
	const envLines = Object.entries(options.env ?? {}).map(([k, v]) => `SetEnv ${k}="${v}"`);
	const config = path.join(server, 'sshd_config');
	writeFileSync(
		config,
		[
			`ListenAddress ${host}:${port}`,
			`HostKey ${hostKeyPath}`,
			`AuthorizedKeysFile ${authorized}`,
			`PidFile ${path.join(server, 'sshd.pid')}`,
			'AuthenticationMethods publickey',
			'PubkeyAuthentication yes',
			'PasswordAuthentication no',
			'KbdInteractiveAuthentication no',
			'PermitRootLogin prohibit-password',
			'UsePAM no',
			'StrictModes no',
			'PrintMotd no',
			'LogLevel VERBOSE',
			'MaxStartups 100:30:200',
			'MaxSessions 100',
			`AllowUsers ${loginUser === user ? user : `${user} ${loginUser}`}`,
			...envLines,
			'',
		].join('\n'),
	);
	mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	const daemon = spawn('/usr/sbin/sshd', ['-D', '-f', config, '-E', logPath], {stdio: 'ignore'});
	const exited = new Promise<void>((resolve) => daemon.once('exit', () => resolve()));
	const readLog = (): string => {
		try {
			return readFileSync(logPath, 'utf8');
		} catch {
			return '';
		}
	};
	const pathVar = '/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin';
	const spawnArgs = (argv: string[]): string[] => [
		'setpriv',
		`--reuid=${uid}`,
		`--regid=${gid}`,
		'--init-groups',
		'env',
		`HOME=${home}`,
		`USER=${user}`,
		`LOGNAME=${user}`,
		...argv,
	];
	const stop = async (): Promise<void> => {
		if (daemon.exitCode === null && daemon.signalCode === null) {
			daemon.kill('SIGTERM');
			await exited;
		}
		// The user's processes (client ssh, sessions) are gone with the test; remove it.
		await exec('pkill', ['-KILL', '-u', String(uid)]).catch(() => undefined);
		await exec('userdel', [user]).catch(() => undefined);
		// -f: every process runs as uid 0, which userdel would otherwise take for this account's.
		if (rootSh) await exec('userdel', ['-f', rootSh]).catch(() => undefined);
		rmSync(root, {recursive: true, force: true});
	};
	try {
		await waitFor(() => {
			if (daemon.exitCode !== null) throw new Error(`sshd exited: ${readLog()}`);
			if (!readLog().includes('Server listening on')) throw new Error(`sshd not listening yet: ${readLog()}`);
		}, 10_000);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		host,
		port,
		user,
		uid,
		gid,
		home,
		loginUser,
		alias,
		keyPath,
		hostKey,
		logPath,
		logins: () => readLog().split('\n').filter((l) => l.includes('Accepted publickey')).length,
		spawnArgs,
		async run(argv, runOptions = {}) {
			const [command, ...args] = spawnArgs(argv);
			try {
				const {stdout, stderr} = await exec(command!, args, {
					env: {PATH: process.env['PATH'] ?? pathVar, ...runOptions.env},
					timeout: runOptions.timeoutMs ?? 30_000,
				});
				return {stdout, stderr, code: 0};
			} catch (error) {
				const e = error as {stdout?: string; stderr?: string; code?: number | string};
				return {stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : 1};
			}
		},
		wrapSsh() {
			const wrapper = path.join(binDir, 'ssh');
			writeFileSync(wrapper, `#!/bin/sh\nexec ${spawnArgs(['/usr/bin/ssh']).join(' ')} "$@"\n`);
			chmodSync(wrapper, 0o755);
			chownSync(wrapper, 0, 0);
			return binDir;
		},
		stop,
	};
}
