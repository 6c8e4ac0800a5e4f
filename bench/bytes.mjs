// Bytes and frames dnet writes to the terminal (issue 13): one changed row, one `j`, a burst of
// 100 engine events in one second at N = 500 (frames, bytes, and the final screen compared with a
// freshly started dnet's), and an idle window. Called by bench/run.mjs once 500 containers exist;
// `npm run bench:bytes` runs it alone on containers it makes (scripts/with-engine.sh sets DOCKER_HOST).
import {cpSync, rmSync} from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import {nowMs, startPty} from './pty.mjs';
import {pool, sleep, summary} from './stats.mjs';

const SYNC = '\x1b[?2026h';
const bytesSince = (term, t) => term.chunks.filter((c) => c.t >= t).reduce((a, c) => a + c.bytes, 0);
const framesSince = (term, t) => term.chunks.filter((c) => c.t >= t).reduce((a, c) => a + (c.text.split(SYNC).length - 1), 0);
const showingAll = (n) => (s) => Number(/(\d+) \(all\)/.exec(s.lineText(0))?.[1] ?? -1) >= n;
const rowsOf = (s) => Array.from({length: s.rows}, (_, i) => s.lineText(i));
/** A screen line without what the clock changes (ages, the time of day), for comparing two screens. */
const timeless = (line) => line.replace(/(Up|ago|Exited \(\d+\)) (Less than a second|About an? \w+|\d+ \w+)/g, '$1 _').replace(/\d\d:\d\d:\d\d/g, '_');
/** The container names on screen, in order (the column after the cursor gutter). */
const namesOn = (s, prefix) => rowsOf(s).map((l) => l.slice(2).split(' ')[0]).filter((n) => n.startsWith(prefix));
/** `g`, and the list drawn from its first row with the cursor there. */
async function toTop(term) {
	await term.press('g');
	await term.waitFor((s) => s.lineText(2).startsWith('›'), 'the cursor on the first row', 10_000);
	await term.quiet(200);
}

/**
 * The same name in the other case (`x-c-007`, `x-C-007`): the row changes, the column widths and the
 * order by name (a collation where case comes last) do not.
 */
const twin = (name) => name.replace(/-([a-zA-Z]+)-(\d+)$/, (_, w, d) => `-${w === w.toLowerCase() ? w.toUpperCase() : w.toLowerCase()}-${d}`);

/**
 * `ctx`: {docker, startDnet(), quit(term), prefix, n, log}. Returns the figures; never throws on a
 * figure, only when the set-up breaks.
 */
export async function measureBytes(ctx) {
	const {docker, prefix, n, log} = ctx;
	const term = await ctx.startDnet();
	await term.waitFor((s) => namesOn(s, prefix).length > 0, 'the list', 20_000);
	await term.press('a');
	await term.waitFor(showingAll(n), 'all containers', 20_000);
	await term.quiet(500);
	const out = {};

	// One changed row: a visible container renamed to a name of the same length, and back.
	{
		await toTop(term);
		const name = namesOn(term.screen, prefix)[3];
		const samples = [];
		let current = name;
		for (let i = 0; i < 6; i++) {
			const next = current === name ? twin(name) : name;
			await term.quiet(150);
			const t = nowMs();
			const seen = term.waitFor((s) => namesOn(s, prefix).includes(next), `rename to ${next}`, 10_000);
			await docker.getContainer(current).rename({name: next});
			await seen;
			await term.quiet(250);
			samples.push({bytes: bytesSince(term, t), frames: framesSince(term, t)});
			current = next;
		}
		out.rowChange = {bytes: summary(samples.map((s) => s.bytes)), frames: summary(samples.map((s) => s.frames))};
		log(`bytes: one changed row ${out.rowChange.bytes.median} B in ${out.rowChange.frames.median} frame(s)`);
	}

	// `j` through the list.
	{
		const samples = [];
		const cursorRow = (sc) => rowsOf(sc).find((l) => l.startsWith('›'));
		// From the top, so that the cursor moves down the rows on screen (no scrolling).
		await toTop(term);
		for (let i = 0; i < 20; i++) {
			await term.quiet(100);
			const before = cursorRow(term.screen);
			const t = await term.press('j');
			await term.waitFor((sc) => cursorRow(sc) !== before, 'the cursor to move', 5000);
			await term.quiet(120);
			samples.push({bytes: bytesSince(term, t), frames: framesSince(term, t)});
		}
		out.keyJ = {bytes: summary(samples.map((s) => s.bytes)), frames: summary(samples.map((s) => s.frames))};
		log(`bytes: j ${out.keyJ.bytes.median} B`);
		await toTop(term);
	}

	// 100 events in about one second: 10 visible containers renamed 10 times each, 100 ms apart.
	{
		const visible = namesOn(term.screen, prefix).slice(0, 10);
		const names = new Map(visible.map((v) => [v, v]));
		const t = nowMs();
		await Promise.all(
			visible.map(async (original) => {
				for (let i = 0; i < 10; i++) {
					const t0 = nowMs();
					const from = names.get(original);
					const to = from === original ? twin(original) : original;
					await docker.getContainer(from).rename({name: to});
					names.set(original, to);
					await sleep(Math.max(0, 100 - (nowMs() - t0)));
				}
			}),
		);
		const spanMs = nowMs() - t;
		await term.quiet(1000);
		const screen = rowsOf(term.screen).map(timeless);
		const frames = framesSince(term, t);
		const bytes = bytesSince(term, t);
		// The final screen, against a dnet started now on the same engine.
		const fresh = await ctx.startDnet();
		await fresh.waitFor((s) => namesOn(s, prefix).length > 0, 'the list', 20_000);
		await fresh.press('a');
		await fresh.waitFor(showingAll(n), 'all containers', 20_000);
		await toTop(fresh);
		await fresh.quiet(500);
		const freshRows = rowsOf(fresh.screen).map(timeless);
		const differing = screen.map((l, i) => (l === freshRows[i] ? null : i)).filter((i) => i !== null);
		await ctx.quit(fresh);
		for (const [original, now] of names) if (now !== original) await docker.getContainer(now).rename({name: original});
		out.burst = {events: 100, spanMs: Math.round(spanMs), frames, bytes, finalScreenRight: differing.length === 0, differingRows: differing};
		log(`bytes: 100 events in ${out.burst.spanMs} ms: ${frames} frames, ${bytes} B, final screen ${differing.length === 0 ? 'right' : `differs in rows ${differing.join(', ')}`}`);
	}

	// Idle: nothing happens, nothing is written (created containers only on screen: no age ticks).
	{
		await term.quiet(1000);
		const t = nowMs();
		await sleep(5000);
		out.idle = {ms: 5000, bytes: bytesSince(term, t)};
		log(`bytes: idle 5 s ${out.idle.bytes} B`);
	}
	await ctx.quit(term);
	return out;
}

/** The rows of the summary table (measure, result, target, met). */
export function bytesRows(b) {
	if (!b) return [];
	return [
		['bytes: one changed row, 120x40', `${b.rowChange.bytes.median} B in ${b.rowChange.frames.median} frame(s)`, '<= 400 B', b.rowChange.bytes.median <= 400],
		['bytes: j in the list', `${b.keyJ.bytes.median} B`, '<= 300 B', b.keyJ.bytes.median <= 300],
		['100 events in 1 s, N=500', `${b.burst.frames} frames, ${(b.burst.bytes / 1024).toFixed(1)} KB (in ${b.burst.spanMs} ms), final screen ${b.burst.finalScreenRight ? 'right' : 'WRONG'}`, '<= 70 frames, <= 60 KB', b.burst.frames <= 70 && b.burst.bytes <= 60 * 1024 && b.burst.finalScreenRight],
		['bytes while idle, N=500 (5 s)', `${b.idle.bytes} B`, '0 B', b.idle.bytes === 0],
	];
}

// ------------------------------------------------------------------------------------------
// Alone: 500 containers of its own (490 created, the last 10 running, published on 127.0.0.1).

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const require = createRequire(import.meta.url);
	const Docker = require('dockerode');
	const host = process.env.DOCKER_HOST ?? '';
	if (!host.startsWith('unix://') || ['/var/run/docker.sock', '/run/docker.sock'].includes(path.resolve(host.slice(7)))) {
		console.error('bench: run me through scripts/with-engine.sh (the private engine)');
		process.exit(2);
	}
	const docker = new Docker({socketPath: host.slice(7)});
	const root = fileURLToPath(new URL('..', import.meta.url));
	const dist = path.join(root, 'bench', `.dist-${process.pid}`);
	cpSync(path.join(root, 'dist'), dist, {recursive: true});
	const prefix = `bytes-${process.pid}-`;
	const env = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8'};
	for (const k of ['CI', 'TMUX', 'NO_COLOR', 'LC_ALL', 'LC_CTYPE']) delete env[k];
	const live = new Set();
	const log = (...a) => console.error('[bytes]', ...a);
	const startDnet = async () => {
		const t = await startPty(['node', path.join(dist, 'cli.js')], {cols: 120, rows: 40, env});
		live.add(t);
		return t.go();
	};
	const quit = async (t) => {
		await t.press('q');
		await Promise.race([t.exited, sleep(5000)]);
		t.kill('SIGKILL');
		live.delete(t);
	};
	const removeOurs = async () => {
		const all = await docker.listContainers({all: true});
		await pool(all.filter((c) => c.Names.some((x) => x.startsWith(`/${prefix}`))), 8, (c) => docker.getContainer(c.Id).remove({force: true}).catch(() => {}));
	};
	let status = 0;
	try {
		log('creating 500 containers');
		await pool(Array.from({length: 500}, (_, i) => i), 8, async (i) => {
			const c = await docker.createContainer({name: `${prefix}c-${String(i).padStart(3, '0')}`, Image: 'dnet/webapp', HostConfig: i >= 490 ? {PortBindings: {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: ''}]}} : {}});
			if (i >= 490) await c.start();
		});
		const b = await measureBytes({docker, prefix, n: 500, log, startDnet, quit});
		for (const row of bytesRows(b)) console.log(`${row[0].padEnd(34)} ${row[1].padEnd(60)} ${row[2].padEnd(24)} ${row[3] ? 'met' : 'MISSED'}`);
	} catch (error) {
		console.error(`bench: ${error?.stack ?? error}`);
		status = 1;
	} finally {
		for (const t of live) t.kill('SIGKILL');
		await removeOurs();
		rmSync(dist, {recursive: true, force: true});
	}
	process.exit(status);
}
