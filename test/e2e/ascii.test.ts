/**
 * `LANG=C` is ASCII everywhere (issue 11, item 14): the built dnet in tmux under LANG=C, screen after
 * screen, captured with its escapes; every byte is ASCII. The tmux client runs in a UTF-8 locale
 * here, so a non-ASCII character dnet wrote would show up in the capture as such.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, removeContainers} from '../support/engine.js';
import {killAllTuis, startTui, type Tui} from '../support/tmux.js';

const prefix = `asc${process.pid}`;
const db = `${prefix}-db`;
const web = `${prefix}-web`;

beforeAll(async () => {
	process.env['LANG'] = 'C.UTF-8';
	process.env['LC_ALL'] = 'C.UTF-8';
	await removeContainers([db, web]);
	await dockerOk(['run', '-d', '--name', db, 'dnet/postgres']);
	await dockerOk(['run', '-d', '--name', web, '-P', '--link', `${db}:db`, 'dnet/webapp']);
}, 120_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers([db, web]);
});

/** The bytes of the screen that are not ASCII, with where they are. */
async function nonAscii(tui: Tui): Promise<string[]> {
	const screen = await tui.capture({ansi: true});
	const bad: string[] = [];
	screen.split('\n').forEach((line, row) => {
		for (const ch of line) if (ch.charCodeAt(0) > 0x7f) bad.push(`row ${row}: ${JSON.stringify(ch)} in ${JSON.stringify(line.replace(/\u001b\[[0-9;]*m/g, ''))}`);
	});
	return bad;
}

describe('dnet under LANG=C', () => {
	it('writes only ASCII on every screen', async () => {
		const tui = await startTui({env: {LANG: 'C', LC_ALL: 'C'}, cols: 120, rows: 30});
		const seen: Record<string, string[]> = {};
		const look = async (name: string, wait: string | RegExp): Promise<void> => {
			await tui.waitForText(wait, 10_000);
			seen[name] = await nonAscii(tui);
		};
		const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));
		/** Back to the list, filtered to `web` (Esc may clear the filter on the way: it is typed again). */
		const back = async (): Promise<void> => {
			for (let i = 0; i < 3 && !(await tui.capture()).includes('Enter details'); i++) {
				await tui.sendKeys('Escape');
				// A key right after Esc would read as Alt+key: wait before the next one.
				await pause();
			}
			await tui.waitForText('Enter details');
			if (!(await tui.capture()).includes(`matching "${web}"`)) {
				await tui.sendText(`/${web}`);
				await tui.sendKeys('Enter');
				await tui.waitForText(`matching "${web}"`);
			}
		};
		try {
			await tui.waitForText('connected', 10_000);
			await tui.sendText(`/${web}`);
			await tui.sendKeys('Enter');
			await look('list', `matching "${web}"`);
			await tui.sendKeys('Enter');
			await look('details', `Container /${web}`);
			await back();
			await tui.sendKeys('?');
			await look('help', 'Keys');
			await back();
			await tui.sendKeys('p');
			await look('editor', `Ports of ${web}`);
			await back();
			await tui.sendKeys('l');
			await look('link picker', `Link ${web} to`);
			await back();
			await tui.sendKeys('P');
			await look('ports', 'HOST PORT');
			await back();
			await tui.sendKeys('N');
			await look('networks', 'NETWORK / CONTAINER');
			await back();
			await tui.sendKeys('S');
			await look('confirmation', `Stop ${web}? (docker stop)`);
			await tui.sendKeys('n');
			await tui.waitForGone(`Stop ${web}?`);
			await tui.sendKeys('n');
			await look('form', 'New container (docker run -d)');
			expect(Object.keys(seen)).toHaveLength(9);
			expect(Object.fromEntries(Object.entries(seen).filter(([, bad]) => bad.length > 0))).toEqual({});
		} finally {
			await tui.kill();
		}
	}, 60_000);
});
