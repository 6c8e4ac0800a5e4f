/**
 * A burst of 200 characters sent in one write into every kind of text field arrives whole: the
 * fields are owned by the store and keys reach it one at a time, so no key is lost between
 * renders. No pacing anywhere: tmux writes the whole text at once.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, removeContainers} from '../support/engine.js';
import {highlight, killAllTuis, startTui, type Tui} from '../support/tmux.js';

const prefix = `e2eburst${process.pid}`;
const web = `${prefix}-web`;
const db = `${prefix}-db`;

/** 200 characters, letters, digits and the keys dnet binds elsewhere (q quits, ? helps, / filters). */
const BURST = Array.from({length: 200}, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789-.:/q?PjkG'[i % 46]).join('');

beforeAll(async () => {
	await removeContainers([web, db]);
	await dockerOk(['run', '-d', '--name', db, 'dnet/postgres']);
	await dockerOk(['run', '-d', '--name', web, 'dnet/webapp']);
}, 60_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers([web, db]);
});

/** Types the burst into the open field, checks it arrived whole, and closes the field with Esc. */
async function burst(tui: Tui, field: string): Promise<void> {
	await tui.sendText(BURST);
	const screen = await tui.waitForText(BURST, 10_000).catch(async (error: unknown) => {
		throw new Error(`${field}: the burst did not arrive whole\n${await tui.capture()}\n${String(error)}`);
	});
	expect(screen, field).toContain(BURST);
	await tui.sendKeys('Escape');
	await tui.waitForGone(BURST);
}

/** Narrows the list to `name` with the filter, so the cursor is on it. */
async function select(tui: Tui, name: string): Promise<void> {
	await tui.sendText(`/${name}`);
	await tui.sendKeys('Enter');
	await tui.waitForText(`matching "${name}"`);
}

describe('text fields in a terminal', () => {
	it('take a burst of 200 characters whole: filter, command line, editor row, form fields, link alias, rename, network name', {timeout: 120_000}, async () => {
		const tui = await startTui({env: {LANG: 'C.UTF-8'}, cols: 300, rows: 40});
		try {
			await tui.waitForText('connected', 10_000);

			await tui.sendKeys('/');
			await burst(tui, 'filter');
			await tui.sendKeys(':');
			await burst(tui, 'command line');

			await select(tui, web);
			await tui.sendKeys('p');
			await tui.waitForText(`Ports of ${web}`);
			await tui.sendKeys('a');
			await tui.waitForText('port>');
			await burst(tui, 'editor row');
			await tui.sendKeys('Escape');
			await tui.waitForGone(`Ports of ${web}`);

			await tui.sendKeys('n');
			await tui.waitForText('New container (docker run -d)');
			for (const [label, moves] of [['image', 0], ['name', 1], ['command', 1]] as const) {
				for (let i = 0; i < moves; i++) await tui.sendKeys('j');
				await tui.sendKeys('Enter');
				await tui.waitForText(`${label}>`);
				await burst(tui, `form ${label}`);
			}
			await tui.sendKeys('Escape');
			await tui.waitForGone('New container');

			await tui.sendKeys('r');
			await tui.waitForText('new name>');
			await tui.sendKeys('C-u');
			await burst(tui, 'rename');
			await tui.waitForGone(`Rename ${web}`);

			await tui.sendKeys('l');
			await tui.waitForText(`Link ${web} to`);
			await highlight(tui, db);
			await tui.sendKeys('Enter');
			await tui.waitForText('/etc/hosts', 10_000);
			await tui.sendKeys('e');
			await tui.waitForText('alias>');
			await tui.sendKeys('C-u');
			await burst(tui, 'link alias');
			await tui.sendKeys('Escape');
			await tui.waitForText('Sources on the default bridge');
			await tui.sendKeys('Escape');
			await tui.waitForGone('Sources on the default bridge');

			await tui.sendKeys('N');
			await tui.waitForText('NETWORK / CONTAINER');
			await tui.sendKeys('n');
			await tui.waitForText('network name>');
			await burst(tui, 'network name');
			await tui.sendKeys('q');
		} finally {
			await tui.kill();
		}
	});
});
