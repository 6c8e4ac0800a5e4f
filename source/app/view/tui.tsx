/**
 * Starts the full-screen UI on an engine: store, Ink render, alternate screen. Loaded lazily by
 * cli.ts so that the non-interactive commands never load Ink or React.
 */
import {render} from 'ink';
import type {Engine} from '../../engine/engine.js';
import type {Action} from '../actions.js';
import {createAppStore} from '../app-store.js';
import {App} from './app.js';
import type {TerminalPort} from '../effect-context.js';
import {terminalCaps} from './output/caps.js';
import {osc52} from './output/clipboard.js';
import {createTerminalOutput} from './output/terminal-output.js';
import {makeTheme, ThemeContext} from './theme.js';

export interface TuiOptions {
	engine: Engine;
	stdin: NodeJS.ReadStream;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	color: boolean;
	ascii: boolean;
	/** `--read-only`: mutating keys hidden and refused. */
	readOnly: boolean;
	/**
	 * What is already on the alternate screen, entered by the caller (text from the top left, lines
	 * split by '\n', SGR allowed): the first frame then writes only what differs from it.
	 */
	drawn?: string;
	/** Actions the store starts from (the engine's version and list the caller drew the first frame with). */
	seed?: Action[];
}

const HIDE_CURSOR = '\u001b[?25l';
/** Ctrl+Z: no effect anywhere else than in a terminal with job control. */
const SUSPENDABLE = process.platform !== 'win32';
const ENTER_ALT = '\u001b[?1049h\u001b[H';
// Show the cursor on both screens: terminals keep the cursor mode per screen or globally.
const LEAVE_ALT = '\u001b[?25h\u001b[?1049l\u001b[?25h';

export interface TuiSession {
	/** Resolves when the user quits. */
	done: Promise<void>;
	/** Leaves the alternate screen and restores the terminal; safe to call more than once. */
	restore(): void;
}

/** How long the first frame may wait for the container list, so that it shows the list, not "Loading". */
const FIRST_FRAME_WAIT_MS = 300;

function firstList(store: ReturnType<typeof createAppStore>): Promise<void> {
	return new Promise((resolve) => {
		const ready = (): boolean => store.getState().loaded || store.getState().connection.status === 'disconnected';
		if (ready()) return resolve();
		const timer = setTimeout(finish, FIRST_FRAME_WAIT_MS);
		const unsubscribe = store.subscribe(() => {
			if (ready()) finish();
		});
		function finish(): void {
			clearTimeout(timer);
			unsubscribe();
			resolve();
		}
	});
}

export async function startTui(options: TuiOptions): Promise<TuiSession> {
	const {engine, stdout} = options;
	// The terminal port is wired once the output exists (the store starts first, to read the list).
	let port: TerminalPort | null = null;
	const terminal: TerminalPort = {copy: (text) => port?.copy(text), suspend: () => port?.suspend()};
	const store = createAppStore(engine, {columns: stdout.columns || 80, rows: stdout.rows || 24}, {readOnly: options.readOnly, seed: options.seed ?? [], terminal});
	await firstList(store);
	let restored = false;
	const caps = terminalCaps(stdout);
	const level = options.color ? caps.level : 0;
	// Under the ASCII theme every byte written is ASCII, whatever text a reducer or the engine made.
	const output = createTerminalOutput(stdout, {level, sync: caps.sync, ascii: options.ascii});
	if (options.drawn === undefined) stdout.write(ENTER_ALT + HIDE_CURSOR);
	else {
		stdout.write(HIDE_CURSOR);
		output.seed(options.drawn);
	}
	const instance = render(
		<ThemeContext.Provider value={makeTheme({color: level > 0, ascii: options.ascii, hyperlinks: caps.hyperlinks})}>
			<App store={store} />
		</ThemeContext.Provider>,
		{
			stdin: options.stdin,
			// Ink's debug mode writes each frame whole and nothing else; the output layer sends the
			// terminal only what changed (ARCHITECTURE.md, "The terminal"). Ink's own incremental mode
			// moves the cursor one line too few when a frame ends in a newline.
			stdout: output.stream,
			debug: true,
			stderr: options.stderr,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);
	port = {
		copy: (text) => output.writeRaw(osc52(text, caps.clipboard)),
		suspend() {
			if (!SUSPENDABLE || restored) return;
			// Hand the terminal back as the shell had it: main screen, cursor shown, line mode.
			output.pause();
			options.stdin.setRawMode?.(false);
			stdout.write(LEAVE_ALT);
			let back = false;
			const resume = (): void => {
				if (back) return;
				back = true;
				process.off('SIGCONT', resume);
				if (restored) return;
				options.stdin.setRawMode?.(true);
				stdout.write(ENTER_ALT + HIDE_CURSOR);
				// Engine events that came meanwhile are read now, by the live link: the frame shows them.
				output.resume();
			};
			process.on('SIGCONT', resume);
			process.kill(process.pid, 'SIGTSTP');
			// A process without job control (no shell that can resume it) is not stopped: come back.
			setTimeout(resume, 300).unref();
		},
	};
	const restore = (): void => {
		if (restored) return;
		restored = true;
		store.stop();
		output.close();
		try {
			instance.unmount();
		} catch {
			// Already unmounted.
		}
		stdout.write(LEAVE_ALT);
	};
	const done = instance.waitUntilExit().then(
		() => restore(),
		(error: unknown) => {
			restore();
			throw error;
		},
	);
	return {done, restore};
}
