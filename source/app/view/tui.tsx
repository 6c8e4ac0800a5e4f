/**
 * Starts the full-screen UI on an engine: store, Ink render, alternate screen. Loaded lazily by
 * cli.ts so that the non-interactive commands never load Ink or React.
 */
import {render} from 'ink';
import type {Engine} from '../../engine/engine.js';
import {createAppStore} from '../app-store.js';
import {App} from './app.js';
import {asciiStream} from './ascii.js';
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
}

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
	const store = createAppStore(engine, {columns: stdout.columns || 80, rows: stdout.rows || 24}, {readOnly: options.readOnly});
	await firstList(store);
	let restored = false;
	stdout.write(ENTER_ALT);
	const instance = render(
		<ThemeContext.Provider value={makeTheme({color: options.color, ascii: options.ascii})}>
			<App store={store} />
		</ThemeContext.Provider>,
		{
			stdin: options.stdin,
			// Under the ASCII theme every byte written is ASCII, whatever text a reducer or the engine made.
			stdout: options.ascii ? asciiStream(stdout) : stdout,
			stderr: options.stderr,
			exitOnCtrlC: false,
			patchConsole: false,
			maxFps: 60,
			// Ink 6.8's incremental mode moves the cursor up one line too few when a frame ends in a
			// newline (every frame shorter than the terminal), so each update lands one row lower.
			// Full frames cost ~4 KB per update; see the Performance section of the README.
			incrementalRendering: false,
		},
	);
	const restore = (): void => {
		if (restored) return;
		restored = true;
		store.stop();
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
