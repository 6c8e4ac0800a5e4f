/** The new-container form of the built dnet in tmux: type an image, a name and a port, create. */
import {afterAll, describe, expect, it} from 'vitest';
import {dockerOk, removeContainers} from '../support/engine.js';
import {freePort} from '../support/ports.js';
import {killAllTuis, startTui, type Tui} from '../support/tmux.js';

const name = `e2enew${process.pid}`;

afterAll(async () => {
	await killAllTuis();
	await removeContainers([name]);
});

/** Opens the field under the cursor, types `text`, and accepts it. */
async function fill(tui: Tui, text: string, prompt: RegExp): Promise<void> {
	await tui.sendKeys('Enter');
	await tui.waitForText(prompt);
	await tui.sendText(text);
	await tui.sendKeys('Enter');
}

describe('the new-container form in a terminal', () => {
	it('creates and starts a container with a published port, shown in the list', {timeout: 60_000}, async () => {
		const port = await freePort();
		const tui = await startTui({env: {LANG: 'C.UTF-8'}, cols: 130, rows: 34});
		try {
			await tui.waitForText('connected', 10_000);
			await tui.sendKeys('n');
			await tui.waitForText('New container (docker run -d)');
			await fill(tui, 'dnet/webapp', /image>|Image/);
			await tui.sendKeys('j');
			await fill(tui, name, /name>|Name/);
			await tui.sendKeys('a');
			await tui.waitForText(/port>|DOCKER SYNTAX|-p/);
			await tui.sendText(`127.0.0.1:${port}:5000`);
			await tui.sendKeys('Enter');
			await tui.waitForText(`docker run -d --name ${name} -p 127.0.0.1:${port}:5000 dnet/webapp`);
			await tui.sendKeys('w');
			await tui.waitForText(`created ${name}`, 20_000);
			await tui.waitForText(new RegExp(`${name}\\s+dnet/webapp\\s+Up`), 10_000);
		} finally {
			await tui.kill();
		}
		expect((await dockerOk(['port', name])).trim()).toBe(`5000/tcp -> 127.0.0.1:${port}`);
		expect((await dockerOk(['inspect', '-f', '{{.State.Running}}', name])).trim()).toBe('true');
	});
});
