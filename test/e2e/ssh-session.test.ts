/**
 * dnet over SSH (issue 13): a real OpenSSH server on a loopback port (test/support/sshd.ts, keys
 * made by the test), `ssh -tt` into it inside tmux (the outer terminal, with `set-clipboard on`),
 * the built dnet started by the remote shell. Checked there: the list, navigation, a resize of the
 * outer terminal, Ctrl+Z and fg, `y` (its OSC 52 crosses SSH and lands in the outer tmux's paste
 * buffer), and that quitting gives the remote shell its screen back.
 */
import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, privateHost, removeContainers} from '../support/engine.js';
import {startSshd, type Sshd} from '../support/sshd.js';
import {killAllTuis, repoRoot, startTui, tmuxSocket} from '../support/tmux.js';

const run = promisify(execFile);
const tmux = async (...args: string[]): Promise<string> => (await run('tmux', ['-L', tmuxSocket, ...args])).stdout;

const prefix = `ssh${process.pid}`;
const names = [`${prefix}-api`, `${prefix}-web`];
let sshd: Sshd;

beforeAll(async () => {
	await removeContainers(names);
	await dockerOk(['run', '-d', '--name', names[0] ?? '', '-p', '127.0.0.1::5000', 'dnet/webapp']);
	await dockerOk(['run', '-d', '--name', names[1] ?? '', '-p', '127.0.0.1::5000', 'dnet/webapp']);
	// Root on the far side: the private engine's socket is root's.
	sshd = await startSshd({loginUser: 'root', env: {DOCKER_HOST: privateHost(), LANG: 'C.UTF-8'}});
}, 120_000);

afterAll(async () => {
	await killAllTuis();
	await sshd?.stop();
	await removeContainers(names);
});

describe('dnet in an SSH session', () => {
	it('draws, moves, resizes, suspends and resumes, copies to the outer terminal, and quits cleanly', async () => {
		const tui = await startTui({command: sshd.spawnArgs(['ssh', '-tt', sshd.alias]), term: 'tmux-256color', cols: 110, rows: 24, privateEngine: false});
		current = tui;
		try {
			await tmux('set-option', '-g', 'set-clipboard', 'on');
			await tmux('delete-buffer').catch(() => undefined);
			// The remote shell: a prompt of our own, then dnet.
			await tui.sendText("PS1='remote$ '");
			await tui.sendKeys('Enter');
			await tui.waitForText('remote$', 20_000);
			await tui.sendText(`cd ${repoRoot} && LANG=C.UTF-8 ${process.execPath} ${path.join('dist', 'cli.js')}`);
			await tui.sendKeys('Enter');
			await tui.waitForText(names[1] ?? '', 20_000);
			expect((await tui.info()).alternateScreen).toBe(true);

			// Navigation: the cursor row goes from the first container to the second.
			const cursorOn = (screen: string, name: string): boolean => screen.split('\n').some((l) => l.startsWith('›') && l.includes(name));
			await tui.sendText(`/${prefix}`);
			await tui.sendKeys('Enter');
			await tui.waitForText(`matching "${prefix}"`);
			await tui.sendKeys('g');
			await poll(async () => cursorOn(await tui.capture(), names[0] ?? ''));
			await tui.sendKeys('j');
			await poll(async () => cursorOn(await tui.capture(), names[1] ?? ''));

			// A resize of the outer terminal reaches dnet through SSH: the screen is drawn for the new size.
			await tui.resize(90, 20);
			await poll(async () => {
				const screen = await tui.capture();
				const lines = screen.split('\n');
				return lines.length <= 20 && lines.every((l) => l.length <= 90) && /j\/k move/.test(screen) && cursorOn(screen, names[1] ?? '');
			});

			// Ctrl+Z: the remote shell has its screen and prompt back; fg: dnet again, as it was.
			await tui.sendKeys('C-z');
			await tui.waitForText(/Stopped/);
			expect((await tui.info()).alternateScreen).toBe(false);
			await dockerOk(['stop', '-t', '0', names[0] ?? '']);
			await tui.sendText('fg');
			await tui.sendKeys('Enter');
			await poll(async () => cursorOn(await tui.capture(), names[1] ?? ''));
			expect((await tui.info()).alternateScreen).toBe(true);
			// The stop that happened meanwhile is on screen (the filtered list shows running containers only).
			await tui.waitForGone(names[0] ?? '');

			// y: the selected name crosses SSH in OSC 52 and lands in the outer tmux's buffer.
			await tui.sendKeys('y');
			await tui.waitForText(`copied the name: ${names[1]}`);
			await poll(async () => (await tmux('show-buffer').catch(() => '')) === names[1]);

			// q: the remote shell's screen and prompt back, the cursor shown.
			await tui.sendKeys('q');
			await tui.waitForText('remote$');
			const info = await tui.info();
			expect(info.alternateScreen).toBe(false);
			expect(info.cursorVisible).toBe(true);
			expect(await tui.capture()).not.toContain('j/k move');
			await tui.sendText('exit');
			await tui.sendKeys('Enter');
		} finally {
			await tui.kill();
		}
	}, 120_000);
});

let current: {capture: () => Promise<string>} | null = null;

async function poll(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`timed out; screen:\n${(await current?.capture()) ?? ''}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
