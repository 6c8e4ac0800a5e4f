import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {createTerminalOutput, SYNC_BEGIN, SYNC_END, type Clock} from '../../source/app/view/output/terminal-output.js';
import {feed, text, vt} from '../support/vt.js';

/** A terminal stream that records what reaches it, with a switch for back-pressure. */
function fakeStdout(columns = 40, rows = 10) {
	const out = Object.assign(new EventEmitter(), {
		columns,
		rows,
		isTTY: true,
		writableNeedDrain: false,
		writes: [] as string[],
		write(chunk: string, done?: () => void): boolean {
			if (chunk !== '') out.writes.push(chunk);
			done?.();
			return true;
		},
	});
	return out;
}

function fakeClock() {
	let now = 0;
	const timers: Array<{at: number; run: () => void}> = [];
	const clock: Clock = {
		now: () => now,
		setTimeout: (run, ms) => {
			const t = {at: now + ms, run};
			timers.push(t);
			return t;
		},
		clearTimeout: (t) => {
			const i = timers.indexOf(t as {at: number; run: () => void});
			if (i >= 0) timers.splice(i, 1);
		},
	};
	const advance = (ms: number): void => {
		const end = now + ms;
		for (;;) {
			timers.sort((a, b) => a.at - b.at);
			const next = timers[0];
			if (!next || next.at > end) break;
			timers.shift();
			now = next.at;
			next.run();
		}
		now = end;
	};
	return {clock, advance};
}

const frame = (i: number): string => `dnet  ${i} events\n  web-${i % 7}  Up ${i} seconds`;

describe('the terminal output', () => {
	it('folds a burst into at most one frame per 16 ms, the last frame last, each in sync markers', async () => {
		const stdout = fakeStdout();
		const {clock, advance} = fakeClock();
		const output = createTerminalOutput(stdout as unknown as NodeJS.WriteStream, {level: 3, sync: true, ascii: false, clock});
		for (let i = 0; i < 100; i++) {
			output.stream.write(frame(i));
			advance(10);
		}
		advance(100);
		expect(stdout.writes.length).toBeLessThanOrEqual(Math.ceil(1000 / 16) + 1);
		expect(stdout.writes.length).toBeGreaterThan(10);
		for (const w of stdout.writes) expect(w.startsWith(SYNC_BEGIN) && w.endsWith(SYNC_END)).toBe(true);
		const screen = vt(40, 10);
		await feed(screen, stdout.writes.join(''));
		expect(text(screen).slice(0, 2)).toEqual(['dnet  99 events', '  web-1  Up 99 seconds']);
	});

	it('writes the first frame of a quiet moment at once, and nothing for an unchanged frame', () => {
		const stdout = fakeStdout();
		const {clock, advance} = fakeClock();
		const output = createTerminalOutput(stdout as unknown as NodeJS.WriteStream, {level: 3, sync: false, ascii: false, clock});
		output.stream.write(frame(1));
		expect(stdout.writes).toHaveLength(1);
		advance(1000);
		output.stream.write(frame(1));
		advance(1000);
		expect(stdout.writes).toHaveLength(1);
		output.stream.write(frame(2));
		expect(stdout.writes).toHaveLength(2);
	});

	it('keeps only the latest frame while the terminal is backed up, and draws it when it drains', () => {
		const stdout = fakeStdout();
		const {clock, advance} = fakeClock();
		const output = createTerminalOutput(stdout as unknown as NodeJS.WriteStream, {level: 3, sync: false, ascii: false, clock});
		output.stream.write(frame(1));
		stdout.writableNeedDrain = true;
		for (let i = 2; i < 50; i++) {
			output.stream.write(frame(i));
			advance(20);
		}
		expect(stdout.writes).toHaveLength(1);
		stdout.writableNeedDrain = false;
		stdout.emit('drain');
		advance(20);
		expect(stdout.writes).toHaveLength(2);
		expect(stdout.writes[1]).toContain('49');
	});

	it('draws nothing while paused, then the latest frame whole on resume; nothing after close', async () => {
		const stdout = fakeStdout();
		const {clock, advance} = fakeClock();
		const output = createTerminalOutput(stdout as unknown as NodeJS.WriteStream, {level: 3, sync: false, ascii: false, clock});
		output.stream.write(frame(1));
		output.pause();
		output.stream.write(frame(2));
		advance(100);
		expect(stdout.writes).toHaveLength(1);
		output.resume();
		expect(stdout.writes).toHaveLength(2);
		const screen = vt(40, 10);
		await feed(screen, `garbage left by the shell\n${stdout.writes[1] ?? ''}`);
		expect(text(screen).slice(0, 3)).toEqual(['dnet  2 events', '  web-2  Up 2 seconds', '']);
		output.close();
		output.stream.write(frame(3));
		advance(100);
		expect(stdout.writes).toHaveLength(2);
	});

	it('draws the whole frame after a resize, and folds to ASCII under the ASCII theme', () => {
		const stdout = fakeStdout();
		const {clock, advance} = fakeClock();
		const output = createTerminalOutput(stdout as unknown as NodeJS.WriteStream, {level: 3, sync: false, ascii: true, clock});
		output.stream.write('dnet │ ● connected');
		expect(stdout.writes[0]).toContain('dnet | * connected');
		advance(100);
		stdout.columns = 30;
		stdout.emit('resize');
		output.stream.write('dnet │ ● connected');
		advance(100);
		expect(stdout.writes.at(-1)).toContain('\u001b[2J');
	});
});
