/**
 * dnet over ssh:// in a real terminal (issue 12): the built dnet runs as the throwaway user of a real
 * OpenSSH server on loopback (test/support/sshd.ts), reaching the private engine only through
 * `ssh … docker system dial-stdio` (that user cannot open the engine's socket, and the server's
 * log counts the logins). The list, the ports view, a port edit (a recreate over ssh) and a switch
 * to another context, all in tmux.
 */
import {execFile} from 'node:child_process';
import {chownSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, privateHost, removeContainers} from '../support/engine.js';
import {startSshd, type Sshd} from '../support/sshd.js';
import {killAllTuis, repoRoot, startTui, type Tui} from '../support/tmux.js';
import {waitFor} from '../support/wait-for.js';

const exec = promisify(execFile);
const web = `e2eremote${process.pid}-web`;
let sshd: Sshd;

/** A port free now (the engines of parallel runs share the ephemeral range: no `127.0.0.1::5000`). */
const freePort = (): Promise<number> =>
	new Promise<number>((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
let config: string;
let port = 0;
/** The throwaway user's ssh processes still running (dnet's client side). */
const leftSsh = (): Promise<string> => exec('pgrep', ['-u', String(sshd.uid), '-x', 'ssh']).then((r) => r.stdout.trim(), () => '');

beforeAll(async () => {
	await removeContainers([web]);
	port = await freePort();
	await dockerOk(['run', '-d', '--name', web, '-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
	sshd = await startSshd({loginUser: 'root', env: {DOCKER_HOST: privateHost(), PATH: '/usr/local/bin:/usr/bin:/bin'}});
	config = mkdtempSync(path.join(tmpdir(), 'dnet-remote-config-'));
	const socket = privateHost().replace(/^unix:\/\//, '');
	for (const [name, host] of [
		['remote', `ssh://${sshd.alias}`],
		['remote-socket', `ssh://${sshd.alias}${socket}`],
	] as const) {
		await exec('docker', ['context', 'create', name, '--description', `over ssh (${name})`, '--docker', `host=${host}`], {env: {PATH: process.env['PATH'], DOCKER_CONFIG: config}});
	}
	await exec('chown', ['-R', `${sshd.uid}:${sshd.gid}`, config]);
	chownSync(config, sshd.uid, sshd.gid);
}, 120_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers([web]);
	await sshd?.stop();
	if (config) rmSync(config, {recursive: true, force: true});
});

describe('dnet over ssh:// in a terminal', () => {
	it('lists, shows ports, edits a port and switches context, every request over ssh', {timeout: 120_000}, async () => {
		const logins = sshd.logins();
		const tui = await startTui({
			command: sshd.spawnArgs([process.execPath, path.join(repoRoot, 'dist', 'cli.js'), '--context', 'remote']),
			env: {LANG: 'C.UTF-8', DOCKER_CONFIG: config},
			privateEngine: false,
			shell: true,
			cols: 150,
			rows: 30,
		});
		try {
			// The status bar names the context and its endpoint.
			await tui.waitForText(`remote (ssh://${sshd.alias})`, 30_000);
			await tui.waitForText(web, 10_000);
			expect(sshd.logins()).toBeGreaterThan(logins);
			// The ports view over ssh.
			await tui.sendKeys('P');
			await tui.waitForText('HOST PORT');
			await tui.waitForText(new RegExp(`127\\.0\\.0\\.1\\s+\\d+\\s+5000/tcp\\s+${web}`), 10_000);
			await tui.sendKeys('Escape');
			// A port edit: the recreate runs over ssh.
			await tui.sendText(`/${web}`);
			await tui.sendKeys('Enter');
			await tui.sendKeys('p');
			await tui.waitForText(`Ports of ${web}`, 10_000);
			// The editor's rows come from an inspect over ssh: edit once they are there.
			await tui.waitForText(`127.0.0.1:${port}:5000`, 20_000);
			await tui.sendKeys('a');
			const newPort = await freePort();
			await tui.sendText(`127.0.0.1:${newPort}:6000`);
			await tui.sendKeys('Enter');
			await tui.sendKeys('w');
			await tui.waitForText(`Apply to ${web}?`, 10_000);
			await tui.sendKeys('y');
			await tui.waitForText(`recreated ${web}`, 60_000);
			const ports = (await dockerOk(['port', web])).trim();
			expect(ports).toContain(`6000/tcp -> 127.0.0.1:${newPort}`);
			// Switch to the other context: the status bar says so and the list comes back from it.
			await tui.sendKeys('Escape');
			await tui.sendKeys('c');
			await tui.waitForText('Docker contexts');
			const list = await tui.waitForText('remote-socket');
			expect(list).toMatch(/remote \*/);
			await tui.sendKeys('j');
			await tui.sendKeys('Enter');
			await tui.waitForText('switched to context remote-socket', 30_000);
			await tui.waitForText(web, 30_000);
			expect(await tui.capture()).toContain(`remote-socket (ssh://${sshd.alias}/`);
			await tui.sendKeys('q');
			expect(await tui.waitForExit(10_000)).toBe(0);
		} finally {
			await tui.kill();
		}
		// dnet left no ssh process behind.
		await waitFor(async () => expect(await leftSsh()).toBe(''), 5000);
	});

	it('a host that does not answer: the UI comes up saying it connects, then ssh\'s reason; q and Ctrl+C end dnet and its ssh at once', {timeout: 120_000}, async () => {
		// A loopback listener that accepts and never speaks: ssh waits for its banner (ConnectTimeout).
		const held: Socket[] = [];
		const silent = createServer((socket) => held.push(socket));
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const address = silent.address();
		const where = `ssh://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
		const start = (): Promise<Tui> =>
			startTui({
				command: sshd.spawnArgs([process.execPath, path.join(repoRoot, 'dist', 'cli.js'), '-H', where]),
				env: {LANG: 'C.UTF-8', DOCKER_CONFIG: config},
				privateEngine: false,
				shell: true,
				cols: 150,
				rows: 20,
			});
		try {
			let tui = await start();
			try {
				// Long before ssh gives up (10 s), the status bar says it connects, to where.
				const screen = await tui.waitForText(`default (${where})`, 8000);
				expect(screen).toMatch(/connecting/);
				expect(await leftSsh()).not.toBe('');
				// Then ssh's own reason, with the hint.
				await tui.waitForText(`cannot connect to ${where}: Connection to 127.0.0.1 port`, 30_000);
				await tui.waitForText('is sshd running there?');
				await tui.sendKeys('q');
				expect(await tui.waitForExit(5000)).toBe(0);
			} finally {
				await tui.kill();
			}
			await waitFor(async () => expect(await leftSsh()).toBe(''), 5000);
			// Ctrl+C while it connects: ended at once, ssh with it.
			tui = await start();
			try {
				await tui.waitForText(`default (${where})`, 8000);
				await tui.sendKeys('C-c');
				await tui.waitForExit(5000);
			} finally {
				await tui.kill();
			}
			await waitFor(async () => expect(await leftSsh()).toBe(''), 3000);
		} finally {
			for (const socket of held) socket.destroy();
			silent.close();
		}
	});
});
