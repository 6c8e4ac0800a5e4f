import {afterEach, describe, expect, it} from 'vitest';
import {summary} from '../support/fake-engine.js';
import {RecreateFake} from '../support/recreate-fake.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

const BACKUP = 'web-dnet-backup-1764284400000';

/** dnet was killed after renaming web to its backup and before creating the replacement. */
function crashed(): RecreateFake {
	return new RecreateFake([summary(BACKUP, {id: 'id-backup'}), summary('db')]);
}

describe('backup restore offer', () => {
	it('offers the backup on start and restores it with y', async () => {
		const e = crashed();
		app = renderApp(e, {columns: 120});
		await waitFor(() => expect(app!.frame()).toContain(`A change to web was interrupted (backup ${BACKUP}). Restore it? y/n`));
		app.press('y');
		await waitFor(() => expect(app!.frame()).toContain(`restored web from ${BACKUP}`));
		expect(e.done).toEqual([`rename id-backup web`, 'start web']);
	});

	it('keeps an unfinished backup with n or Esc, and offers nothing under --read-only', async () => {
		const e = crashed();
		app = renderApp(e, {columns: 120});
		await waitFor(() => expect(app!.frame()).toContain('Restore it? y/n'));
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toContain(`kept ${BACKUP}: it is offered again on the next start`));
		expect(e.done).toEqual([]);
		app.unmount();
		app = renderApp(crashed(), {columns: 120, readOnly: true});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		await new Promise((r) => setTimeout(r, 100));
		expect(app.frame()).not.toContain('Restore it?');
	});
});
