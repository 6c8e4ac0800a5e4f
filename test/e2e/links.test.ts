/**
 * The chapter's `--link db:db` built entirely from the TUI of the built dnet in tmux, checked from
 * inside the container; then the link graph and the networks view show it.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, removeContainers} from '../support/engine.js';
import {highlight, killAllTuis, startTui, type Tui} from '../support/tmux.js';

const prefix = `e2elink${process.pid}`;
const db = `${prefix}-db`;
const web = `${prefix}-web`;

/** Erases `count` characters: every Backspace in one burst (the store-owned field takes them all). */
async function erase(tui: Tui, count: number): Promise<void> {
	await tui.sendKeys(...Array.from({length: count}, () => 'BSpace'));
}

async function only(tui: Tui, name: string): Promise<void> {
	await tui.sendKeys('Escape');
	// A key right after Esc would read as Alt+key (the terminal's escape ambiguity): pause.
	await new Promise((resolve) => setTimeout(resolve, 100));
	await tui.sendText(`/${name}`);
	await tui.sendKeys('Enter');
	await tui.waitForText('Enter details');
}

beforeAll(async () => {
	await removeContainers([web, db]);
	await dockerOk(['run', '-d', '--name', db, '--expose', '53/udp', 'dnet/postgres']);
	await dockerOk(['run', '-d', '--name', web, '-P', 'dnet/webapp']);
}, 60_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers([web, db, `${web}2`, `${db}2`]);
});

/** Renames the only shown container through `r`, confirming. */
async function rename(tui: Tui, from: string, to: string): Promise<void> {
	await only(tui, from);
	await tui.sendKeys('g', 'r');
	await tui.waitForText(`Rename ${from} (docker rename)`);
	await erase(tui, from.length);
	await tui.sendText(to);
	await tui.sendKeys('Enter');
	await tui.waitForText(`Rename ${from} to ${to}?`);
	await tui.sendKeys('y');
	await tui.waitForText(`renamed ${from} to ${to}`, 10_000);
}

describe('links in a terminal', () => {
	it('links web to db as db from the picker; the env and hosts inside web match the preview', {timeout: 90_000}, async () => {
		const tui = await startTui({env: {LANG: 'C.UTF-8'}, cols: 140, rows: 40});
		try {
			await tui.waitForText('connected', 10_000);
			await only(tui, web);
			await tui.sendKeys('g', 'l');
			await tui.waitForText(`Link ${web} to`);
			// Candidates are sorted by name; walk down to db (at most a screenful).
			await highlight(tui, db);
			await tui.sendKeys('Enter');
			// The alias defaults to the source's name; shorten it to db like the chapter.
			await tui.waitForText('/etc/hosts', 10_000);
			await tui.sendKeys('e');
			await tui.waitForText('alias>');
			await erase(tui, db.length);
			await tui.sendText('db');
			await tui.sendKeys('Enter');
			await tui.waitForText(`Link ${web} --db--> ${db}`, 10_000);
			const preview = await tui.waitForText('DB_PORT_5432_TCP=tcp://', 10_000);
			const envShown = (await tui.capture()).split('\n').map((l) => l.trim()).filter((l) => /^DB_[A-Z0-9_]+=/.test(l));
			expect(envShown.length).toBeGreaterThan(5);
			expect(preview).toContain('/etc/hosts');
			await tui.sendKeys('y');
			await tui.waitForText(`recreated ${web}`, 30_000);

			const env = (await dockerOk(['exec', web, 'env'])).split('\n').filter((l) => l.startsWith('DB_')).sort();
			expect(env).toEqual([...envShown].sort());
			const hosts = await dockerOk(['exec', web, 'cat', '/etc/hosts']);
			expect(hosts).toMatch(new RegExp(`\\tdb\\b.*${db}`));

			await tui.sendKeys('L');
			await tui.waitForText(`${web} --db--> ${db}`);
			await tui.sendKeys('Escape');

			// Renaming either end keeps the link, as the engine does.
			await rename(tui, web, `${web}2`);
			await rename(tui, db, `${db}2`);
			expect((await dockerOk(['inspect', '-f', '{{.HostConfig.Links}}', `${web}2`])).trim()).toBe(`[/${db}2:/${web}2/db]`);
			await tui.sendKeys('Escape', 'L');
			await tui.waitForText(`${web}2 --db--> ${db}2`, 10_000);
			await tui.sendKeys('Escape', 'N');
			await tui.waitForText('bridge', 10_000);
		} finally {
			await tui.kill();
		}
	});
});
