/**
 * Every terminal (issue 13): the built dnet in tmux under each TERM of the matrix, UTF-8 and ASCII
 * locales. On each: the list is drawn, colours are only those the terminal has (16-colour terminals
 * get no 256-colour code, NO_COLOR none), what the changed-lines output drew after moves, a filter,
 * an engine event and a closed question is exactly what a whole redraw draws (a resize forces one),
 * and quitting gives the shell back its screen. TERM=dumb is refused with one line.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, removeContainers} from '../support/engine.js';
import {AFTER_MARKER, BEFORE_MARKER, killAllTuis, startTui, type Tui} from '../support/tmux.js';

const prefix = `trm${process.pid}`;
const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo'].map((n) => `${prefix}-${n}`);
const running = `${prefix}-run`;

beforeAll(async () => {
	// The tmux server reads and captures in UTF-8, so a non-ASCII byte dnet wrote shows as such.
	process.env['LANG'] = 'C.UTF-8';
	process.env['LC_ALL'] = 'C.UTF-8';
	await removeContainers([...names, running, `${prefix}-renamed`]);
	for (const n of names) await dockerOk(['create', '--name', n, '-p', '127.0.0.1::5000', 'dnet/webapp']);
	await dockerOk(['run', '-d', '--name', running, 'dnet/webapp']);
}, 120_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers([...names, running, `${prefix}-renamed`]);
});

/**
 * Without what the clock changes (ages, the time of day), and the column padding an age's width
 * changes (`Up 9 seconds` -> `Up 10 seconds` widens STATUS between two captures).
 */
const timeless = (screen: string): string =>
	screen
		.replace(/(Up|ago) (Less than a second|About an? \w+|\d+ \w+)/g, '$1 _')
		.replace(/\d\d:\d\d:\d\d/g, '_')
		.replace(/ {2,}/g, '  ');

/** The screen after a whole redraw: the output layer draws everything again after a resize. */
async function redrawn(tui: Tui, cols: number, rows: number): Promise<string> {
	await tui.resize(cols, rows + 1);
	await tui.waitForText(/Enter details/);
	await new Promise((resolve) => setTimeout(resolve, 300));
	await tui.resize(cols, rows);
	await new Promise((resolve) => setTimeout(resolve, 500));
	return tui.capture();
}

const SIXTEEN = new Set(['xterm', 'screen', 'vt100', 'linux']);
const MATRIX = ['xterm-256color', 'xterm', 'screen', 'screen-256color', 'tmux-256color', 'vt100', 'linux'];

describe('the terminal matrix', () => {
	for (const term of MATRIX) {
		for (const lang of ['C.UTF-8', 'C']) {
			it(`TERM=${term} LANG=${lang}`, async () => {
				const cols = 110;
				const rows = 20;
				const tui = await startTui({term, shell: true, cols, rows, env: {LANG: lang, LC_ALL: lang}, args: []});
				try {
					await tui.waitForText(running, 20_000);
					await tui.sendKeys('a');
					await tui.waitForText(names[4] ?? '');
					// Only the terminal's colours.
					const ansi = await tui.capture({ansi: true});
					if (SIXTEEN.has(term)) expect(ansi).not.toMatch(/\u001b\[[0-9;]*[34]8;[25];/u);
					expect(ansi).toMatch(/\u001b\[[0-9;]*3[0-7]m/u);
					// UTF-8 borders and marks, or ASCII ones.
					const plain = await tui.capture();
					if (lang === 'C') expect([...plain].every((ch) => ch.charCodeAt(0) < 0x80)).toBe(true);
					else expect(plain).toContain('│');
					// Moves, a filter and back, an engine event, a question opened and closed.
					await tui.sendKeys('j', 'j', 'j', 'k');
					await tui.sendText('/bravo');
					await tui.waitForText('matching "bravo"');
					await tui.sendKeys('Escape');
					await tui.waitForGone('matching "bravo"');
					await dockerOk(['rename', names[2] ?? '', `${prefix}-renamed`]);
					await tui.waitForText(`${prefix}-renamed`);
					await tui.sendKeys('d');
					await tui.waitForText(/Remove|remove/);
					await tui.sendKeys('n');
					await tui.waitForGone(/Remove .*\?/);
					await new Promise((resolve) => setTimeout(resolve, 300));
					const drawnByDiff = timeless(await tui.capture());
					expect(drawnByDiff.split('\n')[0]).toContain('dnet');
					expect(timeless(await redrawn(tui, cols, rows))).toBe(drawnByDiff);
					// Quitting gives the shell its screen back.
					await tui.sendKeys('q');
					await tui.waitForText(`${AFTER_MARKER}:0`);
					const after = await tui.capture();
					expect(after).toContain(BEFORE_MARKER);
					expect(after).not.toContain(running);
					const info = await tui.info();
					expect(info.alternateScreen).toBe(false);
					expect(info.cursorVisible).toBe(true);
				} finally {
					await dockerOk(['rename', `${prefix}-renamed`, names[2] ?? '']).catch(() => undefined);
					await tui.kill();
				}
			}, 90_000);
		}
	}

	it('NO_COLOR: not one colour', async () => {
		const tui = await startTui({term: 'xterm-256color', env: {NO_COLOR: '1', LANG: 'C.UTF-8'}, cols: 110, rows: 20});
		try {
			await tui.waitForText(running, 20_000);
			expect(await tui.capture({ansi: true})).not.toMatch(/\u001b\[[0-9;]*(3[0-8]|4[0-8]|9[0-7])[;m]/u);
		} finally {
			await tui.kill();
		}
	});

	it('TERM=dumb: the full screen refuses with one line pointing at dnet ps and dnet port', async () => {
		const tui = await startTui({term: 'dumb', shell: true, cols: 110, rows: 10});
		try {
			const screen = await tui.waitForText(`${AFTER_MARKER}:1`);
			const lines = screen.split('\n').filter((l) => l.trim() !== '');
			expect(lines).toEqual([BEFORE_MARKER, 'dnet: the full-screen UI needs a terminal that can move the cursor (TERM=dumb); use dnet ps or dnet port here', `${AFTER_MARKER}:1`]);
			expect((await tui.info()).alternateScreen).toBe(false);
		} finally {
			await tui.kill();
		}
	});
});
