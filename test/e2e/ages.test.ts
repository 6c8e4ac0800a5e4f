/**
 * Ages and state stay true (issue 11, item 10), on the real engine: with no event at all, the
 * status dnet shows is the one `docker ps` gives; when the engine goes away, the rows are kept as
 * last read, dimmed, with the time they were read, and the retry counts down.
 */
import net from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dockerOk, privateHost, removeContainers} from '../support/engine.js';
import {killAllTuis, startTui} from '../support/tmux.js';
import {waitFor} from '../support/wait-for.js';

const name = `age${process.pid}`;

beforeAll(async () => {
	await removeContainers([name]);
	await dockerOk(['run', '-d', '--name', name, 'dnet/webapp']);
}, 60_000);

afterAll(async () => {
	await killAllTuis();
	await removeContainers([name]);
});

const statusIn = (screen: string): string => /\s(Up [A-Za-z0-9 ]+?|Exited \(\d+\) [A-Za-z0-9 ]+? ago)(?:\s{2}|$)/m.exec(screen.split('\n').find((l) => l.includes(` ${name} `)) ?? '')?.[1] ?? '';

describe('ages on the real engine', () => {
	it('keep up with docker ps without any event', {timeout: 60_000}, async () => {
		const tui = await startTui({env: {LANG: 'C.UTF-8'}, cols: 120, rows: 20});
		try {
			await tui.waitForText('connected', 10_000);
			await tui.sendText(`/${name}`);
			await tui.sendKeys('Enter');
			await tui.waitForText(`matching "${name}"`);
			// Seconds later, with no event since: what dnet shows is what docker ps says now, or, as
			// rows are redrawn together once a second (features/list/view.tsx onGrid), at most one
			// second behind it.
			await waitFor(async () => {
				const ps = (await dockerOk(['ps', '--filter', `name=^${name}$`, '--format', '{{.Status}}'])).trim();
				const m = /^Up ([6-9]|[1-5]\d) seconds$/.exec(ps);
				expect(m).not.toBeNull();
				const n = Number(m![1]);
				expect([ps, `Up ${n - 1} seconds`]).toContain(statusIn(await tui.capture()));
			}, 20_000, 200);
		} finally {
			await tui.kill();
		}
	});

	it('keeps the last rows, says when they were read, and counts down to the next attempt', {timeout: 60_000}, async () => {
		const socketPath = privateHost().replace(/^unix:\/\//, '');
		const sockets = new Set<net.Socket>();
		const relay = net.createServer((client) => {
			const upstream = net.connect(socketPath);
			sockets.add(client).add(upstream);
			client.pipe(upstream).pipe(client);
			const drop = (): void => {
				client.destroy();
				upstream.destroy();
			};
			client.on('error', drop).on('close', drop);
			upstream.on('error', drop).on('close', drop);
		});
		await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
		const port = (relay.address() as net.AddressInfo).port;
		const tui = await startTui({args: ['-H', `tcp://127.0.0.1:${port}`], env: {LANG: 'C.UTF-8'}, privateEngine: false, cols: 140, rows: 20});
		try {
			await tui.waitForText('connected', 10_000);
			await tui.sendText(`/${name}`);
			await tui.sendKeys('Enter');
			await tui.waitForText(`matching "${name}"`);
			const closed = new Promise<void>((resolve) => relay.close(() => resolve()));
			for (const s of sockets) s.destroy();
			await closed;
			// The retries back off to 10 s; each wait counts down second by second.
			const screen = await tui.waitForText(/disconnected, retrying in (?:[5-9]|10)s │ rows as of \d\d:\d\d:\d\d/, 30_000);
			const left = Number(/retrying in (\d+)s/.exec(screen)![1]);
			await tui.waitForText(`retrying in ${left - 1}s`, 3000);
			await tui.waitForText(`retrying in ${left - 2}s`, 3000);
			// The row stays, dimmed (SGR 2), as last read.
			const row = (await tui.capture({ansi: true})).split('\n').find((l) => l.includes(name) && l.includes('Up')) ?? '';
			expect(row).toMatch(/\u001b\[(?:[0-9;]*;)?2[;m]/);
		} finally {
			await tui.kill();
			for (const s of sockets) s.destroy();
		}
	});
});
