/**
 * The built dnet in a real terminal (tmux) against the real private engine: rows, live changes
 * made with the docker CLI, keys, and a terminal left as it was found on every way out.
 */
import {execFile} from 'node:child_process';
import net from 'node:net';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {docker, dockerOk, privateEnv, privateHost, removeContainers} from '../support/engine.js';
import {AFTER_MARKER, BEFORE_MARKER, killAllTuis, repoRoot, startTui, tmuxSocket, type Tui} from '../support/tmux.js';

const run = promisify(execFile);
const prefix = `e2e${process.pid}`;
const db = `${prefix}-db`;
const web = `${prefix}-web`;
const web2 = `${prefix}-web2`;
const created: string[] = [db, web, web2];

/** The pid of dnet itself: the child of the pane's shell (tests start it with `shell: true`). */
async function dnetPid(tui: Tui): Promise<number> {
	const {stdout} = await run('tmux', ['-L', tmuxSocket, 'display-message', '-p', '-t', `=${tui.name}:`, '#{pane_pid}']);
	const {stdout: children} = await run('pgrep', ['-P', stdout.trim()]);
	const pid = Number(children.trim().split('\n')[0]);
	if (!pid) throw new Error('dnet process not found');
	return pid;
}

/** Opens dnet filtered to this file's containers, so others' containers on the engine don't matter. */
async function openFiltered(extraEnv: Record<string, string> = {}, args: string[] = []): Promise<Tui> {
	const tui = await startTui({args, env: {LANG: 'C.UTF-8', ...extraEnv}, cols: 140, rows: 30});
	await tui.waitForText('connected', 10_000);
	await tui.sendText(`/${prefix}`);
	await tui.sendKeys('Enter');
	await tui.waitForText(`matching "${prefix}"`);
	return tui;
}

/** Narrows the list to `name` (and names it prefixes), so the cursor is on it whatever else exists. */
async function only(tui: Tui, name: string): Promise<void> {
	await tui.sendKeys('Escape');
	// A key right after Esc would read as Alt+key (the terminal's escape ambiguity): pause.
	await new Promise((resolve) => setTimeout(resolve, 100));
	await tui.sendText(`/${name}`);
	await tui.sendKeys('Enter');
	await tui.waitForText(`matching "${name}"`);
	await tui.waitForText('Enter details');
}

const rowOf = (screen: string, name: string): string => screen.split('\n').find((l) => new RegExp(`\\s${name}\\s`).test(l)) ?? '';

// `npm test` builds dist/ before running vitest; the tests use that build.
beforeAll(async () => {
	await removeContainers(created);
	await dockerOk(['run', '-d', '--name', db, 'dnet/postgres']);
	await dockerOk(['run', '-d', '--name', web, '-P', '--link', `${db}:db`, 'dnet/webapp']);
	await dockerOk(['run', '-d', '--name', web2, '-p', '127.0.0.1::5000', '-p', '127.0.0.1::5000/udp', 'dnet/webapp']);
}, 120_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers(created);
});

describe('dnet in a terminal', () => {
	it('lists containers with the PORTS text of docker ps and the links', async () => {
		const tui = await openFiltered();
		try {
			const screen = await tui.waitForText(web2);
			const ps = await dockerOk(['ps', '--filter', `name=${prefix}`, '--format', '{{.Names}}\t{{.Ports}}']);
			for (const line of ps.trim().split('\n')) {
				const [names = '', ports = ''] = line.split('\t');
				const name = names.split(',').find((n) => !n.includes('/')) ?? names;
				expect(rowOf(screen, name), `row of ${name}`).toContain(ports);
			}
			expect(rowOf(screen, web)).toContain(`db → ${db}`);
		} finally {
			await tui.kill();
		}
	});

	it('shows changes made with the docker CLI: run, stop, rename, rm', async () => {
		const tui = await openFiltered();
		const extra = `${prefix}-extra`;
		created.push(extra, `${extra}-renamed`);
		try {
			await tui.waitForText(web2);
			await dockerOk(['run', '-d', '--name', extra, 'dnet/webapp']);
			await tui.waitForText(extra, 3000);
			await dockerOk(['rename', extra, `${extra}-renamed`]);
			await tui.waitForText(`${extra}-renamed`, 3000);
			await dockerOk(['stop', '-t', '1', `${extra}-renamed`]);
			await tui.waitForGone(`${extra}-renamed`, 5000);
			await tui.sendKeys('a');
			const all = await tui.waitForText(`${extra}-renamed`, 3000);
			expect(rowOf(all, `${extra}-renamed`)).toMatch(/Exited/);
			await dockerOk(['rm', `${extra}-renamed`]);
			await tui.waitForGone(`${extra}-renamed`, 3000);
		} finally {
			await tui.kill();
		}
	});

	it('opens details with Enter, help with ?, and goes back with Esc', async () => {
		const tui = await openFiltered();
		try {
			await tui.waitForText(web2);
			await only(tui, web);
			await tui.sendKeys('g', 'Enter');
			await tui.waitForText(`/${web}`);
			const details = await tui.waitForText(/links to/, 10_000);
			expect(details).toMatch(new RegExp(`links to\\s+db -> ${db}`));
			expect(details).toMatch(/5000\/tcp -> 0\.0\.0\.0:\d+/);
			expect(details).toMatch(/bridge\s+\d+\.\d+\.\d+\.\d+/);
			await tui.sendKeys('Escape');
			await tui.waitForText('LINKS');
			await tui.sendKeys('?');
			await tui.waitForText('Filter by name, image or port number');
			await tui.sendKeys('Escape');
			await tui.waitForText('LINKS');
		} finally {
			await tui.kill();
		}
	});

	it('stops a container after a confirmation that names it, and removes it with d', {timeout: 60_000}, async () => {
		const victim = `${prefix}-victim`;
		created.push(victim);
		await dockerOk(['run', '-d', '--name', victim, '-v', '/data', 'dnet/webapp']);
		const tui = await openFiltered();
		try {
			await tui.waitForText(victim);
			await only(tui, victim);
			await tui.sendKeys('g', 'S');
			await tui.waitForText(`Stop ${victim}? (docker stop)`);
			const row = new RegExp(`${victim}\\s+dnet/webapp`);
			await tui.sendKeys('y');
			await tui.waitForGone(row, 20_000);
			await tui.waitForText(`stopped: ${victim}`);
			await tui.sendKeys('a');
			await tui.waitForText(new RegExp(`${victim}\\s+dnet/webapp\\s+Exited`), 5000);
			await tui.sendKeys('g', 'd');
			await tui.waitForText(`Remove ${victim}? (docker rm) Anonymous volumes are kept`);
			await tui.sendKeys('Enter');
			await tui.waitForGone(row, 20_000);
			await tui.waitForText(`removed: ${victim}`);
			expect((await docker(['inspect', victim])).code).not.toBe(0);
		} finally {
			await tui.kill();
		}
	});

	it('quits with q and leaves the terminal as it found it', async () => {
		const tui = await startTui({shell: true, env: {LANG: 'C.UTF-8'}});
		try {
			await tui.waitForText('connected', 10_000);
			expect((await tui.info()).alternateScreen).toBe(true);
			await tui.sendKeys('q');
			expect(await tui.waitForExit()).toBe(0);
			const after = await tui.capture();
			expect(after).toContain(BEFORE_MARKER);
			expect(after).toContain(`${AFTER_MARKER}:0`);
			expect(after).not.toContain('LINKS');
			const info = await tui.info();
			expect(info.alternateScreen).toBe(false);
			expect(info.cursorVisible).toBe(true);
		} finally {
			await tui.kill();
		}
	});

	for (const [how, signal, code] of [
		['Ctrl+C', null, 0],
		['SIGTERM', 'SIGTERM', 143],
		['SIGHUP', 'SIGHUP', 129],
	] as const) {
		it(`restores the terminal on ${how}`, async () => {
			const tui = await startTui({shell: true, env: {LANG: 'C.UTF-8'}});
			try {
				await tui.waitForText('connected', 10_000);
				if (signal) process.kill(await dnetPid(tui), signal);
				else await tui.sendKeys('C-c');
				expect(await tui.waitForExit()).toBe(code);
				expect(await tui.capture()).toContain(BEFORE_MARKER);
				const info = await tui.info();
				expect(info.alternateScreen).toBe(false);
				expect(info.cursorVisible).toBe(true);
			} finally {
				await tui.kill();
			}
		});
	}

	it('says when the engine goes away, and resyncs when it is back', {timeout: 60_000}, async () => {
		// A TCP relay to the private engine that the test can cut, standing in for an engine restart.
		const socketPath = privateHost().replace(/^unix:\/\//, '');
		const sockets = new Set<net.Socket>();
		const listen = (port: number): Promise<net.Server> =>
			new Promise((resolve, reject) => {
				const server = net.createServer((client) => {
					const upstream = net.connect(socketPath);
					sockets.add(client).add(upstream);
					client.pipe(upstream).pipe(client);
					const drop = (): void => {
						client.destroy();
						upstream.destroy();
					};
					client.on('error', drop).on('close', drop);
					upstream.on('error', drop).on('close', drop);
				});
				server.once('error', reject);
				server.listen(port, '127.0.0.1', () => resolve(server));
			});
		let relay = await listen(0);
		const port = (relay.address() as net.AddressInfo).port;
		const tui = await startTui({args: ['-H', `tcp://127.0.0.1:${port}`], env: {LANG: 'C.UTF-8'}, privateEngine: false});
		const late = `${prefix}-late`;
		created.push(late);
		try {
			await tui.waitForText('connected', 10_000);
			const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
			for (const s of sockets) s.destroy();
			await closed;
			await tui.waitForText('disconnected, retrying', 5000);
			// While it is away, the world changes; when it is back, dnet must show the new state.
			await dockerOk(['run', '-d', '--name', late, 'dnet/webapp']);
			relay = await listen(port);
			await tui.waitForText('● connected', 15_000);
			await tui.waitForText(late, 5000);
		} finally {
			await tui.kill();
			relay.close();
			for (const s of sockets) s.destroy();
		}
	});

	it('honours NO_COLOR and draws ASCII under LANG=C', async () => {
		const tui = await startTui({env: {NO_COLOR: '1', LANG: 'C', LC_ALL: 'C'}});
		try {
			const screen = await tui.waitForText('connected', 10_000);
			expect(screen).toContain('dnet | * connected');
			const ansi = await tui.capture({ansi: true});
			expect(ansi).not.toMatch(/\u001b\[(3[0-7]|9[0-7]|38;)/);
			// Every byte ASCII, escapes included (test/e2e/ascii.test.ts goes through every screen).
			expect([...ansi].filter((c) => c.charCodeAt(0) > 0x7f)).toEqual([]);
		} finally {
			await tui.kill();
		}
	});

	it('asks for a larger terminal below the minimum size', async () => {
		const tui = await startTui({cols: 50, rows: 8, env: {LANG: 'C.UTF-8'}});
		try {
			await tui.waitForText('needs a terminal of at least 60x10');
			await tui.resize(120, 30);
			await tui.waitForText('LINKS');
		} finally {
			await tui.kill();
		}
	});
});

describe('dnet without a terminal', () => {
	it('refuses the full-screen UI when stdin is not a TTY, with one clear line', async () => {
		const result = await run('node', ['dist/cli.js'], {cwd: repoRoot, env: privateEnv()}).catch((e: {code: number; stderr: string; stdout: string}) => e);
		expect('code' in result ? result.code : 0).toBe(1);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr).toContain('needs a terminal');
	});

	it('explains a missing socket in one line with a hint and exit status 1', async () => {
		const result = await run('node', ['dist/cli.js', '-H', 'unix:///nonexistent/dnet.sock', 'ps'], {cwd: repoRoot}).catch(
			(e: {code: number; stderr: string}) => e,
		);
		expect('code' in result ? result.code : 0).toBe(1);
		expect(result.stderr).toBe(
			'dnet: cannot connect to the Docker engine at unix:///nonexistent/dnet.sock: no such socket (is the Docker daemon running? Check DOCKER_HOST / -H)\n',
		);
	});

	it('explains nothing answering on tcp in one line', async () => {
		const result = await run('node', ['dist/cli.js', 'ps'], {cwd: repoRoot, env: {...process.env, DOCKER_HOST: 'tcp://127.0.0.1:1'}}).catch(
			(e: {code: number; stderr: string}) => e,
		);
		expect('code' in result ? result.code : 0).toBe(1);
		expect(result.stderr).toMatch(/^dnet: cannot connect to the Docker engine at tcp:\/\/127\.0\.0\.1:1: nothing is answering \(ECONNREFUSED\) \(.+\)\n$/);
	});
});

