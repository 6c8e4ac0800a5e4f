/**
 * End-to-end harness: runs the built `dist/cli.js` (or any command) in a real terminal, a detached
 * tmux session, and reads the screen back.
 *
 * Every test process uses its own tmux server (`tmux -L dnet-test-<pid> -f /dev/null`), so the
 * user's tmux server and configuration are never touched. The status line is off, so the pane is
 * exactly `cols` x `rows`. Panes stay visible after their process exits (`remain-on-exit`), so a
 * test can read what the terminal looks like after dnet quit.
 *
 * ```ts
 * const tui = await startTui({args: ['--all'], shell: true});
 * await tui.waitForText('NAME');
 * await tui.sendKeys('q');
 * expect(await tui.waitForExit()).toBe(0);
 * expect(await tui.capture()).toContain(BEFORE_MARKER);
 * await tui.kill();
 * ```
 */
import {execFile} from 'node:child_process';
import {rmSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';
import {promisify} from 'node:util';
import {privateHost} from './engine.js';

const run = promisify(execFile);

/** The repository root (where `dist/cli.js` lives). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The private tmux server of this test process. */
export const tmuxSocket = `dnet-test-${process.pid}`;

/** Printed by the wrapping shell (`shell: true`) before the command starts. */
export const BEFORE_MARKER = 'DNET-E2E-BEFORE-MARKER';
/** Printed by the wrapping shell after the command exits, followed by `:<status>`. */
export const AFTER_MARKER = 'DNET-E2E-AFTER-EXIT';

export interface StartOptions {
	/** Arguments for `node dist/cli.js`. Ignored when `command` is given. */
	args?: string[];
	/** Run this instead of `node dist/cli.js ...args` (argv, no shell). */
	command?: string[];
	/** Extra environment for the command (on top of this process's environment). */
	env?: Record<string, string>;
	/** Terminal width; default 120. */
	cols?: number;
	/** Terminal height; default 40. */
	rows?: number;
	/** Working directory; default the repository root. */
	cwd?: string;
	/**
	 * Point DOCKER_HOST at the private test engine (and drop DOCKER_CONTEXT/TLS variables).
	 * Default true; needs DNET_TEST_DOCKER_HOST (set by `scripts/with-engine.sh`).
	 */
	privateEngine?: boolean;
	/**
	 * Wrap the command in a shell that prints {@link BEFORE_MARKER} first and
	 * `AFTER_MARKER:<status>` after it exits, then stays alive: the screen after exit is what a
	 * user would see back at their prompt (for "quitting restores the terminal" tests).
	 */
	shell?: boolean;
	/** TERM inside the pane; default tmux's own (`screen`). */
	term?: string;
}

/** What tmux knows about the pane. */
export interface PaneInfo {
	/** The pane's process has exited (only without `shell`). */
	dead: boolean;
	/** Exit status of the pane's process when dead (128 + signal number when a signal killed it). */
	deadStatus: number | undefined;
	/** The alternate screen is active. */
	alternateScreen: boolean;
	/** The cursor is visible. */
	cursorVisible: boolean;
	cursorX: number;
	cursorY: number;
	width: number;
	height: number;
}

export interface CaptureOptions {
	/** Keep colours and attributes as escape sequences (`capture-pane -e`). */
	ansi?: boolean;
	/** Include the scrollback history above the visible screen. */
	history?: boolean;
}

/** A running terminal session. */
export interface Tui {
	/** The tmux session name (unique per test process). */
	readonly name: string;
	/** Sends tmux key names, one per argument: `'j'`, `'Enter'`, `'Escape'`, `'C-c'`, `'Up'`, `'PageDown'`. */
	sendKeys(...keys: string[]): Promise<void>;
	/** Types literal text (`send-keys -l`): `'/web'` types a slash, w, e, b. */
	sendText(text: string): Promise<void>;
	/** The visible screen as text, one line per row, trailing spaces and empty rows trimmed. */
	capture(options?: CaptureOptions): Promise<string>;
	/** Polls the screen every ~50 ms until it matches; throws with the last screen on timeout. */
	waitForText(match: string | RegExp, timeoutMs?: number): Promise<string>;
	/** Polls the screen until it no longer matches; throws with the last screen on timeout. */
	waitForGone(match: string | RegExp, timeoutMs?: number): Promise<string>;
	/** Pane state: dead/exit status, alternate screen, cursor. */
	info(): Promise<PaneInfo>;
	/** Waits for the command to exit and returns its exit status. */
	waitForExit(timeoutMs?: number): Promise<number>;
	/** Resizes the terminal (the command gets SIGWINCH). */
	resize(cols: number, rows: number): Promise<void>;
	/** Kills the session (idempotent). */
	kill(): Promise<void>;
}

async function tmux(args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
	try {
		const {stdout} = await run('tmux', ['-L', tmuxSocket, '-f', '/dev/null', ...args], {
			env: env ?? process.env,
			timeout: 10_000,
			maxBuffer: 16 * 1024 * 1024,
		});
		return stdout;
	} catch (error) {
		const e = error as {code?: string | number; stderr?: string; message: string};
		if (e.code === 'ENOENT') throw new Error('tmux is not installed (apt-get install tmux)', {cause: error});
		throw new Error(`tmux ${args.join(' ')} failed: ${(e.stderr ?? e.message).trim()}`, {cause: error});
	}
}

function matches(screen: string, match: string | RegExp): boolean {
	return typeof match === 'string' ? screen.includes(match) : match.test(screen);
}

function trimScreen(text: string): string {
	return text
		.split('\n')
		.map(line => line.replace(/\s+$/, ''))
		.join('\n')
		.replace(/\n+$/, '');
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function shellQuote(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

let counter = 0;
const live = new Set<Tui>();

/** Starts a command (by default `node dist/cli.js ...args`) in a new detached tmux session. */
export async function startTui(options: StartOptions = {}): Promise<Tui> {
	const cols = options.cols ?? 120;
	const rows = options.rows ?? 40;
	counter += 1;
	const name = `dnet-${process.pid}-${counter}`;

	const vars: Record<string, string> = {...options.env};
	// CI=true makes Ink print only the last frame at exit: a terminal session is never "in CI".
	const unset = ['TMUX', 'TMUX_PANE', 'CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID'];
	if (options.privateEngine ?? true) {
		vars['DOCKER_HOST'] = privateHost();
		unset.push('DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH');
	}
	if (options.term) vars['TERM'] = options.term;

	let argv = options.command ?? [process.execPath, path.join(repoRoot, 'dist', 'cli.js'), ...(options.args ?? [])];
	if (options.shell) {
		const script = `echo ${BEFORE_MARKER}; ${argv.map(shellQuote).join(' ')}; echo "${AFTER_MARKER}:$?"; exec sleep 3600`;
		argv = ['sh', '-c', script];
	}
	const command = ['env', ...unset.flatMap(v => ['-u', v]), ...Object.entries(vars).map(([k, v]) => `${k}=${v}`), ...argv];

	await tmux([
		'start-server', ';',
		'set-option', '-g', 'status', 'off', ';',
		'set-option', '-g', 'history-limit', '1000', ';',
		'set-option', '-wg', 'remain-on-exit', 'on', ';',
		'new-session', '-d', '-s', name, '-x', String(cols), '-y', String(rows), '-c', options.cwd ?? repoRoot,
		...command,
	]);

	const target = `=${name}:`;
	let killed = false;

	const tui: Tui = {
		name,
		async sendKeys(...keys) {
			if (keys.length > 0) await tmux(['send-keys', '-t', target, ...keys]);
		},
		async sendText(text) {
			if (text.length > 0) await tmux(['send-keys', '-t', target, '-l', text]);
		},
		async capture(captureOptions = {}) {
			const args = ['capture-pane', '-p', '-t', target];
			if (captureOptions.ansi) args.push('-e');
			if (captureOptions.history) args.push('-S', '-');
			return trimScreen(await tmux(args));
		},
		async waitForText(match, timeoutMs = 5000) {
			return poll(tui, screen => matches(screen, match), `text ${String(match)}`, timeoutMs);
		},
		async waitForGone(match, timeoutMs = 5000) {
			return poll(tui, screen => !matches(screen, match), `${String(match)} to disappear`, timeoutMs);
		},
		async info() {
			const format = '#{pane_dead} #{pane_dead_status}#{?pane_dead_signal,s#{pane_dead_signal},} #{alternate_on} #{cursor_flag} #{cursor_x} #{cursor_y} #{pane_width} #{pane_height}';
			const out = (await tmux(['display-message', '-p', '-t', target, format])).trim();
			// pane_dead_status is empty while the pane lives; split(' ') keeps the empty field.
			const [dead, status, alt, cursor, x, y, w, h] = out.split(' ');
			return {
				dead: dead === '1',
				deadStatus:
					status === '' || status === undefined
						? undefined
						: status.startsWith('s')
							? 128 + Number(status.slice(1))
							: Number(status),
				alternateScreen: alt === '1',
				cursorVisible: cursor === '1',
				cursorX: Number(x),
				cursorY: Number(y),
				width: Number(w),
				height: Number(h),
			};
		},
		async waitForExit(timeoutMs = 5000) {
			const deadline = Date.now() + timeoutMs;
			const exitLine = new RegExp(`${AFTER_MARKER}:(\\d+)`);
			for (;;) {
				if (options.shell) {
					const found = exitLine.exec(await tui.capture({history: true}));
					if (found) return Number(found[1]);
				} else {
					const state = await tui.info();
					// tmux may mark the pane dead a moment before it records the status.
					if (state.dead && state.deadStatus !== undefined) return state.deadStatus;
					if (state.dead && Date.now() > deadline) return -1;
				}
				if (Date.now() > deadline) {
					throw new Error(`timed out after ${timeoutMs} ms waiting for the command to exit; screen:\n${await tui.capture()}`);
				}
				await sleep(50);
			}
		},
		async resize(newCols, newRows) {
			await tmux(['resize-window', '-t', target, '-x', String(newCols), '-y', String(newRows)]);
		},
		async kill() {
			if (killed) return;
			killed = true;
			live.delete(tui);
			try {
				await tmux(['kill-session', '-t', `=${name}`]);
			} catch {
				// Already gone (the server exits with its last session).
			}
		},
	};
	live.add(tui);
	return tui;
}

async function poll(tui: Tui, ok: (screen: string) => boolean, what: string, timeoutMs: number): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let screen: string;
	for (;;) {
		screen = await tui.capture();
		if (ok(screen)) return screen;
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last screen:\n${screen}`);
		}
		await sleep(50);
	}
}

/** Kills every session this process started and its tmux server (for `afterAll`). */
export async function killAllTuis(): Promise<void> {
	await Promise.all([...live].map(async tui => tui.kill()));
	try {
		await tmux(['kill-server']);
	} catch {
		// No server running.
	}
	// tmux leaves its socket file behind.
	const uid = process.getuid?.() ?? 0;
	rmSync(path.join(process.env['TMUX_TMPDIR'] ?? '/tmp', `tmux-${uid}`, tmuxSocket), {force: true});
}

/**
 * Moves the highlight of a list (dnet's `›` cursor) down until it is on `label` (at most `limit`
 * rows); each Down is followed by a wait for the highlight to move, so no key is sent blind.
 */
export async function highlight(tui: Tui, label: string, limit = 30): Promise<void> {
	const on = new RegExp(`› ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
	for (let i = 0; i < limit; i++) {
		const screen = await tui.capture();
		if (on.test(screen)) return;
		await tui.sendKeys('Down');
		await tui.waitForGone(screen.split('\n').find((l) => l.includes('›')) ?? screen);
	}
	await tui.waitForText(on);
}
