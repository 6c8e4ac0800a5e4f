/**
 * What stands between Ink and the terminal (ARCHITECTURE.md, "The terminal"). Ink runs in its
 * debug mode, so each of its writes is one whole frame; this layer keeps the latest, writes at most
 * one frame per 16 ms (a burst of engine events becomes one frame), waits while the terminal's
 * stream is backed up (a slow link: frames fold), sends only the changed cells (`FrameWriter`),
 * wraps each frame in synchronized-update markers (DEC mode 2026) where the terminal has them,
 * and can step aside for a suspend and redraw everything on return.
 */
import {foldAscii} from '../ascii.js';
import type {ColorLevel} from './cells.js';
import {FrameWriter} from './frame-writer.js';

export const SYNC_BEGIN = '\u001b[?2026h';
export const SYNC_END = '\u001b[?2026l';
/** At most one frame per this many milliseconds. */
export const FRAME_MS = 16;

export interface Clock {
	now: () => number;
	setTimeout: (run: () => void, ms: number) => unknown;
	clearTimeout: (timer: unknown) => void;
}

const realClock: Clock = {
	now: () => performance.now(),
	setTimeout: (run, ms) => setTimeout(run, ms),
	clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export interface OutputOptions {
	level: ColorLevel;
	/** Wrap frames in DEC 2026 markers. */
	sync: boolean;
	/** Fold every frame to ASCII of the same width (`ascii.ts`). */
	ascii: boolean;
	clock?: Clock;
}

export interface TerminalOutput {
	/** The stream to give Ink (with `debug: true`): its writes are frames. */
	stream: NodeJS.WriteStream;
	/** Says what is on the screen already (text from the top left), so the first frame is a diff against it. */
	seed(text: string): void;
	/** Writes pending frames now. */
	flush(): void;
	/** Stops drawing (the terminal is handed back); frames still arrive and are kept. */
	pause(): void;
	/** Draws the latest frame whole and goes on drawing. */
	resume(): void;
	/** Writes bytes that are not a frame (a clipboard sequence), between frames. */
	writeRaw(bytes: string): void;
	/** Draws nothing more, ever. */
	close(): void;
}

export function createTerminalOutput(stdout: NodeJS.WriteStream, options: OutputOptions): TerminalOutput {
	const clock = options.clock ?? realClock;
	const writer = new FrameWriter({columns: stdout.columns || 80, rows: stdout.rows || 24, level: options.level});
	let latest: string | null = null;
	let pending = false;
	let timer: unknown = null;
	let lastFlush = -Infinity;
	let paused = false;
	let closed = false;
	let waitingDrain = false;

	const flush = (): void => {
		if (timer !== null) clock.clearTimeout(timer);
		timer = null;
		if (!pending || paused || closed || latest === null) return;
		if (stdout.writableNeedDrain) {
			// The link is slower than the frames: keep only the latest until the terminal took the rest.
			if (!waitingDrain) {
				waitingDrain = true;
				stdout.once('drain', () => {
					waitingDrain = false;
					schedule();
				});
			}
			return;
		}
		pending = false;
		lastFlush = clock.now();
		const bytes = writer.next(latest);
		if (bytes !== '') stdout.write(options.sync ? SYNC_BEGIN + bytes + SYNC_END : bytes);
	};
	const schedule = (): void => {
		if (timer !== null || waitingDrain || paused || closed) return;
		const wait = lastFlush + FRAME_MS - clock.now();
		if (wait <= 0) flush();
		else timer = clock.setTimeout(flush, wait);
	};
	const onResize = (): void => {
		writer.resize(stdout.columns || 80, stdout.rows || 24);
		if (latest !== null) pending = true;
		schedule();
	};
	stdout.on('resize', onResize);

	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		const done = rest.find((r): r is () => void => typeof r === 'function');
		const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
		if (text !== '' && !closed) {
			latest = options.ascii ? foldAscii(text) : text;
			pending = true;
			schedule();
		}
		if (done) stdout.write('', done);
		return true;
	};
	const stream = new Proxy(stdout, {
		get(target, key) {
			if (key === 'write') return write;
			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});

	return {
		stream,
		seed: (text) => writer.seed(options.ascii ? foldAscii(text) : text),
		flush,
		pause() {
			flush();
			paused = true;
		},
		resume() {
			paused = false;
			writer.invalidate();
			if (latest !== null) pending = true;
			flush();
		},
		writeRaw(bytes) {
			if (closed) return;
			flush();
			stdout.write(bytes);
		},
		close() {
			if (timer !== null) clock.clearTimeout(timer);
			timer = null;
			closed = true;
			stdout.off('resize', onResize);
		},
	};
}
