/** The port doctor (`D`) of the built dnet in tmux against the private engine (issue 16). */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, removeContainers} from '../support/engine.js';
import {killAllTuis, startTui} from '../support/tmux.js';

const prefix = `e2edoc${process.pid}`;
const lo = `${prefix}-lo`;
const good = `${prefix}-good`;

beforeAll(async () => {
	await removeContainers([lo, good]);
	await dockerOk(['run', '-d', '--name', lo, '-p', '127.0.0.1::5000', 'dnet/webapp', 'httpd', '-f', '-p', '127.0.0.1:5000']);
	await dockerOk(['run', '-d', '--name', good, '-p', '127.0.0.1::5000', 'dnet/webapp']);
}, 60_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers([lo, good]);
});

describe('the port doctor in a terminal', () => {
	it('diagnoses an app on 127.0.0.1 inside and a healthy one, from the list and the ports view', {timeout: 60_000}, async () => {
		const port = (await dockerOk(['port', good, '5000/tcp'])).trim().split(':').pop() ?? '';
		const tui = await startTui({env: {LANG: 'C.UTF-8'}, cols: 150, rows: 30});
		try {
			await tui.waitForText('connected', 10_000);
			await tui.sendText(`/${lo}`);
			await tui.sendKeys('Enter', 'D');
			const screen = await tui.waitForText(`FAIL  the app listens on 127.0.0.1:5000 inside ${lo}: published traffic cannot reach it`, 15_000);
			expect(screen).toContain(`Port doctor: ${lo} (a problem was found)`);
			expect(screen).toContain('fix: make it listen on 0.0.0.0:5000 (or [::]:5000)');
			expect(screen).toContain('--    host side not probed: nothing to reach until the app listens');
			await tui.sendKeys('Escape', 'P');
			await tui.waitForText('HOST PORT');
			// The ports view's own filter: the good container's binding only, under the cursor.
			await tui.sendText(`/${port}`);
			await tui.sendKeys('Enter');
			await tui.waitForText(new RegExp(`${port}\\s+5000/tcp\\s+${good}`), 10_000);
			await tui.sendKeys('D');
			const healthy = await tui.waitForText(new RegExp(`ok +127\\.0\\.0\\.1:${port} answers from this machine \\(open, [\\d.]+ ms\\)`), 15_000);
			expect(healthy).toContain(`Port doctor: ${good} 5000/tcp (every check passes)`);
			expect(healthy).toMatch(new RegExp(`ok +the app listens on \\[::\\]:5000 inside ${good} \\(all interfaces; read from its /proc\\)`));
		} finally {
			await tui.kill();
		}
	});
});
