/** The ports view of the built dnet in tmux against the private engine, with a real probe. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, removeContainers} from '../support/engine.js';
import {killAllTuis, startTui} from '../support/tmux.js';

const prefix = `e2eports${process.pid}`;
const web = `${prefix}-web`;
const old = `${prefix}-old`;

beforeAll(async () => {
	await removeContainers([web, old]);
	await dockerOk(['run', '-d', '--name', web, '-p', '127.0.0.1::5000', '-p', '127.0.0.1::5000/udp', 'dnet/webapp']);
	// A stopped container asking for the same host port as web's TCP binding: a conflict to flag.
	const port = (await dockerOk(['port', web, '5000/tcp'])).trim().split(':').pop() ?? '';
	await dockerOk(['create', '--name', old, '-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
}, 60_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers([web, old]);
});

describe('the ports view in a terminal', () => {
	it('lists the bindings, flags the conflict, finds a port, and probes the web app for real', {timeout: 60_000}, async () => {
		const tcpPort = (await dockerOk(['port', web, '5000/tcp'])).trim().split(':').pop() ?? '';
		const tui = await startTui({env: {LANG: 'C.UTF-8'}, cols: 150, rows: 30});
		try {
			await tui.waitForText('connected', 10_000);
			await tui.sendKeys('P');
			await tui.waitForText('HOST PORT');
			await tui.sendText(`/${tcpPort}`);
			await tui.sendKeys('Enter');
			const screen = await tui.waitForText(`CONFLICT with ${web}`, 10_000);
			expect(screen).toMatch(new RegExp(`127\\.0\\.0\\.1\\s+${tcpPort}\\s+5000/tcp\\s+${web}\\s+running`));
			expect(screen).toMatch(new RegExp(`127\\.0\\.0\\.1\\s+${tcpPort}\\s+5000/tcp\\s+${old}\\s+created`));
			// Rows of one port: sorted by container name, so the stopped "-old" comes first.
			await tui.sendKeys('g', 'j', 'Enter');
			await tui.waitForText(new RegExp(`open 127\\.0\\.0\\.1:${tcpPort} in [\\d.]+ ms`), 10_000);
			await tui.sendKeys('Escape');
			await tui.waitForText(`5000/udp`);
			const all = await tui.capture();
			expect(all).toMatch(new RegExp(`127\\.0\\.0\\.1\\s+\\d+\\s+5000/udp\\s+${web}`));
		} finally {
			await tui.kill();
		}
	});
});
