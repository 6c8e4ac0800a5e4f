/**
 * The port-mapping editor of the built dnet in tmux against the private engine: change a `-P`
 * container to `-p 127.0.0.1:PORT:5000`, then undo it, as a user would.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {freePort} from '../support/ports.js';
import {dockerOk, removeContainers} from '../support/engine.js';
import {killAllTuis, startTui} from '../support/tmux.js';

const prefix = `e2eedit${process.pid}`;
const web = `${prefix}-web`;

beforeAll(async () => {
	await removeContainers([web]);
	await dockerOk(['run', '-d', '--name', web, '-P', 'dnet/webapp']);
}, 60_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers([web]);
});

describe('the port editor in a terminal', () => {
	it('changes -P to a fixed loopback port, then back', {timeout: 90_000}, async () => {
		const port = await freePort();
		const tui = await startTui({env: {LANG: 'C.UTF-8'}, cols: 130, rows: 32});
		try {
			await tui.waitForText('connected', 10_000);
			await tui.sendText(`/${prefix}`);
			await tui.sendKeys('Enter');
			await tui.waitForText(web);
			await tui.sendKeys('p');
			await tui.waitForText(`Ports of ${web}`);
			await tui.waitForText('[x] -P');
			await tui.sendKeys('P');
			await tui.waitForText('[ ] -P');
			await tui.sendKeys('a');
			await tui.sendText(`127.0.0.1:${port}:5000`);
			await tui.waitForText(`host 127.0.0.1 port ${port} -> container 5000/tcp`);
			await tui.sendKeys('Enter');
			await tui.sendKeys('w');
			const review = await tui.waitForText(`Apply to ${web}?`);
			expect(review).toContain(`+ 5000/tcp -> 127.0.0.1:${port}`);
			expect(review).toContain(`docker run -d --name ${web} -p 127.0.0.1:${port}:5000 dnet/webapp`);
			await tui.sendKeys('y');
			await tui.waitForText(`recreated ${web}`, 30_000);
			expect((await dockerOk(['port', web])).trim()).toBe(`5000/tcp -> 127.0.0.1:${port}`);

			// Undo: delete the row, publish all again.
			await tui.sendKeys('p');
			await tui.waitForText(`127.0.0.1:${port}:5000`);
			await tui.sendKeys('x', 'P');
			await tui.waitForText('[x] -P');
			await tui.sendKeys('w');
			await tui.waitForText(`Apply to ${web}?`);
			await tui.sendKeys('y');
			await tui.waitForText(`recreated ${web}`, 30_000);
			const after = (await dockerOk(['port', web])).trim();
			expect(after).toMatch(/^5000\/tcp -> 0\.0\.0\.0:\d+/);
			expect(after).not.toContain(`127.0.0.1:${port}`);
			expect((await dockerOk(['inspect', '-f', '{{.HostConfig.PublishAllPorts}}', web])).trim()).toBe('true');
		} finally {
			await tui.kill();
		}
	});
});
