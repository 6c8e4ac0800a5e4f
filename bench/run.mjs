// dnet's benchmarks (issue 6): `npm run bench` (runs this under scripts/with-engine.sh).
//
// Measures the built dist/cli.js in a real pseudo-terminal (bench/pty-driver.py) against the
// private engine: first frame at N = 50 and 500, event-to-screen latency at N = 50 and 500, idle
// cost, keypress-to-frame at N = 1000 (real) and 10,000 (the real UI on the fake engine,
// bench/fake-ui.mjs), RSS at N = 500 and its growth over 10,000 updates, `dnet ps` / `dnet port`
// against `docker` and `node -e 0`, and what `npm install -g` of the packed package installs (issue
// 14's targets). Every comparison is interleaved within this run and reported as medians, because
// the machines here are noisy. Prints a table and writes bench/results.json; exits non-zero only
// when the set-up is broken, never because of a number.
//
// More sections: add an entry to SECTIONS below (a file of bench/ with a function taking the
// context `ctx` and returning its results, and one giving its table rows).
//
// Environment: BENCH_QUICK=1 for a short smoke run (fewer repetitions, 10 s idle windows).
import {execFile} from 'node:child_process';
import {cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {createRequire} from 'node:module';
import {build} from 'esbuild';
import {bytesRows, measureBytes} from './bytes.mjs';
import {remoteSection} from './remote.mjs';
import {nowMs, startPty} from './pty.mjs';
import {childrenNamed, cpuMs, loadavg, median, pool, round, shuffled, sleep, statusKb, summary} from './stats.mjs';

const require = createRequire(import.meta.url);
const Docker = require('dockerode');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// A private copy of the build: others may rebuild dist/ (rm -rf first) while this runs. It stays
// inside the repository so that the lazily required modules still resolve from node_modules.
const DIST = path.join(ROOT, 'bench', `.dist-${process.pid}`);
const CLI = path.join(DIST, 'cli.js');
const QUICK = process.env.BENCH_QUICK === '1';
const COLS = 120;
const ROWS = 40;
const REPS_START = QUICK ? 3 : 7;
const REPS_CMD = QUICK ? 4 : 12;
const CHANGES = 20;
const KEYS = QUICK ? 15 : 40;
const IDLE_MS = QUICK ? 10_000 : 30_000;
/** Updates for the memory figure (RSS after the first batch, and after all). */
const UPDATES_FIRST = QUICK ? 200 : 1000;
const UPDATES_ALL = QUICK ? 2000 : 10_000;
const FAKE_KEYS_N = 10_000;

/**
 * Extra sections (other issues' figures), run when the containers of their phase exist:
 * {at: 'n50' | 'n500' | 'n1000', name, run: async (ctx) => results, rows: (results) => [[measure, result, target, met]]}
 * with `met` true, false or null (no target). `ctx` is built in `benchmarks()` below.
 */
const SECTIONS = [remoteSection];
const PREFIX = `bench-${process.pid}-`;

function die(message) {
	console.error(`bench: ${message}`);
	process.exit(2);
}

// ------------------------------------------------------------------------------------------
// Set-up checks: the private engine only.

const host = process.env.DNET_TEST_DOCKER_HOST || process.env.DOCKER_HOST;
if (!host || !host.startsWith('unix://')) die('run me through `npm run bench` (scripts/with-engine.sh sets DOCKER_HOST to the private engine)');
const socketPath = host.slice('unix://'.length);
if (['/var/run/docker.sock', '/run/docker.sock'].includes(path.resolve(socketPath))) die('refusing the default Docker socket');
const docker = new Docker({socketPath});
let dockerdPid = null;
try {
	dockerdPid = Number(readFileSync(path.join(path.dirname(socketPath), 'docker.pid'), 'utf8').trim()) || null;
} catch {
	dockerdPid = null;
}
try {
	await docker.ping();
} catch (error) {
	die(`the engine at ${host} does not answer: ${error.message}`);
}
try {
	cpSync(path.join(ROOT, 'dist'), DIST, {recursive: true});
	readFileSync(CLI);
} catch {
	die('dist/cli.js is missing: npm run build');
}
process.on('exit', () => rmSync(DIST, {recursive: true, force: true}));

const childEnv = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8', DOCKER_HOST: host};
for (const k of ['CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'TMUX_PANE', 'NO_COLOR', 'LC_ALL', 'LC_CTYPE', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) delete childEnv[k];

const log = (...args) => console.error(`[bench ${((nowMs() - T0) / 1000).toFixed(1)}s]`, ...args);
const T0 = nowMs();
const results = {
	date: new Date().toISOString(),
	machine: {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model ?? null,
		memGB: round(os.totalmem() / 2 ** 30, 1),
		node: process.version,
		loadavgStart: loadavg(),
		terminal: `${COLS}x${ROWS}`,
		quick: QUICK,
	},
	notes: [],
};
try {
	const v = await docker.version();
	results.machine.engine = `${v.Version} (API ${v.ApiVersion})`;
} catch {
	// not essential
}

// ------------------------------------------------------------------------------------------
// Containers

async function removeOurs() {
	const all = await docker.listContainers({all: true, filters: {name: [PREFIX]}});
	const ours = all.filter((c) => c.Names.some((n) => n.startsWith(`/${PREFIX}`)));
	await pool(ours, 8, (c) => docker.getContainer(c.Id).remove({force: true}).catch(() => {}));
	return ours.length;
}

let cleaning = null;
const cleanup = () => (cleaning ??= removeOurs().catch((e) => log('cleanup failed:', e.message)));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(sig, () => {
		log(`${sig}: removing ${PREFIX}* containers`);
		for (const t of live) t.kill('SIGKILL');
		void cleanup().then(() => process.exit(130));
	});
}
const live = new Set();

const pb = {'5000/tcp': [{HostIp: '127.0.0.1', HostPort: ''}]};
const dbName = (i) => `${PREFIX}db-${String(i).padStart(2, '0')}`;
const webName = (i) => `${PREFIX}web-${String(i).padStart(2, '0')}`;

/** 10 databases and 40 web apps, published on 127.0.0.1 and half of them linked, all running. */
async function createRunning() {
	const dbs = Array.from({length: 10}, (_, i) => dbName(i));
	await pool(dbs, 8, async (name) => (await docker.createContainer({name, Image: 'dnet/postgres'})).start());
	const webs = Array.from({length: 40}, (_, i) => i);
	await pool(webs, 8, async (i) => {
		const c = await docker.createContainer({
			name: webName(i),
			Image: 'dnet/webapp',
			HostConfig: {PortBindings: pb, ...(i % 2 === 0 ? {Links: [`${dbName(i % 10)}:db`]} : {})},
		});
		await c.start();
	});
}

/** Created (not running) containers with a port binding and a link: in the list, not running. */
async function createStopped(tag, count) {
	await pool(Array.from({length: count}, (_, i) => i), 8, (i) =>
		docker.createContainer({
			name: `${PREFIX}${tag}-${String(i).padStart(3, '0')}`,
			Image: 'dnet/webapp',
			HostConfig: {PortBindings: pb, Links: [`${dbName(i % 10)}:db`]},
		}),
	);
}

// ------------------------------------------------------------------------------------------
// dnet in a pty

const hasRow = (name) => (s) => s.lines.some((l) => l.join('').includes(`${name} `));
/** The status bar says all containers are shown, at least n of them. */
const showingAll = (n) => (s) => {
	// `showing 50 (all)`, or `showing 1-38 of 500 (all)` when the list is longer than the screen.
	const m = /(\d+) \(all\)/.exec(s.lineText(0));
	return m !== null && Number(m[1]) >= n;
};
const cursorLine = (s) => {
	for (let i = 0; i < s.rows; i++) {
		const t = s.lineText(i);
		if (t.startsWith('›')) return t;
	}
	return null;
};
const bytesSince = (term, t) => term.chunks.filter((c) => c.t >= t).reduce((a, c) => a + c.bytes, 0);
const framesSince = (term, t) => term.chunks.filter((c) => c.t >= t).reduce((a, c) => a + (c.text.split('\x1b[?2026h').length - 1), 0);

async function startDnet() {
	const term = await startPty(['node', CLI], {cols: COLS, rows: ROWS, env: childEnv});
	live.add(term);
	await term.go();
	return term;
}

async function quit(term) {
	await term.press('q');
	const timeout = sleep(5000).then(() => 'timeout');
	if ((await Promise.race([term.exited, timeout])) === 'timeout') {
		results.notes.push('dnet did not exit within 5 s of q');
		term.kill('SIGTERM');
		await Promise.race([term.exited, sleep(2000)]);
		term.kill('SIGKILL');
	}
	live.delete(term);
}

/** Wall time of `node -e 0` in the same pty, start to exit. */
async function nodeFloor() {
	const term = await startPty(['node', '-e', '0'], {cols: COLS, rows: ROWS, env: childEnv});
	await term.go();
	await term.exited;
	return term.tExit - term.tStart;
}

/** Start of dnet to the first frame that shows `row`; then quits. */
async function firstFrame(row) {
	const term = await startDnet();
	const t = await term.waitFor(hasRow(row), `row ${row}`, 20_000);
	await quit(term);
	return t - term.tStart;
}

async function measureStart(label, row) {
	const floor = [];
	const dnet = [];
	await nodeFloor(); // warm the file cache
	await firstFrame(row);
	for (let i = 0; i < REPS_START; i++) {
		for (const what of shuffled(['floor', 'dnet'])) {
			if (what === 'floor') floor.push(await nodeFloor());
			else dnet.push(await firstFrame(row));
			await sleep(100);
		}
	}
	const r = {floor: summary(floor), dnet: summary(dnet), ratio: round(median(dnet) / median(floor)), samples: {floor: floor.map((x) => round(x, 1)), dnet: dnet.map((x) => round(x, 1))}};
	log(`${label}: first frame ${r.dnet.median} ms vs node -e 0 ${r.floor.median} ms = ${r.ratio}x`);
	return r;
}

// ------------------------------------------------------------------------------------------
// Commands: dnet ps / dnet port against docker and node -e 0

function timeRun(file, args) {
	return new Promise((resolve) => {
		const t0 = nowMs();
		execFile(file, args, {env: childEnv, maxBuffer: 64 << 20}, (error, stdout, stderr) => {
			resolve({ms: nowMs() - t0, code: error ? (error.code ?? 1) : 0, stdout, stderr});
		});
	});
}

async function measureCommands(portTarget) {
	const probe = await timeRun('node', [CLI, 'port', portTarget]);
	const portWired = probe.code === 0 && /5000\/tcp -> 127\.0\.0\.1:\d+/.test(probe.stdout);
	if (!portWired) results.notes.push(`dnet port is not measured: \`dnet port ${portTarget}\` exited ${probe.code}: ${(probe.stderr || probe.stdout).trim().split('\n')[0]}`);
	const cmds = {
		'node -e 0': ['node', ['-e', '0']],
		'dnet ps': ['node', [CLI, 'ps']],
		'docker ps': ['docker', ['ps']],
		...(portWired ? {'dnet port': ['node', [CLI, 'port', portTarget]], 'docker port': ['docker', ['port', portTarget]]} : {}),
	};
	const times = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
	for (const [f, a] of Object.values(cmds)) await timeRun(f, a); // warm-up
	for (let i = 0; i < REPS_CMD; i++) {
		for (const k of shuffled(Object.keys(cmds))) {
			const r = await timeRun(...cmds[k]);
			if (r.code !== 0) results.notes.push(`${k} exited ${r.code} in round ${i}`);
			times[k].push(r.ms);
		}
	}
	const floor = median(times['node -e 0']);
	const out = {};
	for (const [k, xs] of Object.entries(times)) out[k] = {...summary(xs), xNode: round(median(xs) / floor)};
	if (out['dnet ps']) out['dnet ps'].xDocker = round(median(times['dnet ps']) / median(times['docker ps']));
	if (out['dnet port']) out['dnet port'].xDocker = round(median(times['dnet port']) / median(times['docker port']));
	log('commands:', Object.entries(out).map(([k, v]) => `${k} ${v.median} ms (${v.xNode}x node)`).join(', '));
	return {portWired, ...out};
}

// ------------------------------------------------------------------------------------------
// A live session at N = 50: event-to-screen, bytes per row change, idle cost

async function measureEvents(term) {
	const samples = [];
	for (let i = 0; i < CHANGES; i++) {
		const name = webName(Math.floor(i / 2) % 5);
		const stop = i % 2 === 0;
		if (!hasRow(name)(term.screen) === stop) throw new Error(`${name} is not in the expected state on screen:\n${term.screen.lines.map((l) => l.join('')).join('\n')}`);
		await term.quiet(100);
		await sleep(Math.random() * 50);
		const c = docker.getContainer(name);
		const shown = stop ? (s) => !hasRow(name)(s) : hasRow(name);
		const tCall = nowMs();
		const seen = term.waitFor(shown, `${name} ${stop ? 'gone' : 'back'}`, 10_000);
		if (stop) await c.stop({t: 5});
		else await c.start();
		const tReturn = nowMs();
		const tScreen = await seen;
		await term.quiet(150);
		samples.push({
			change: stop ? 'stop' : 'start',
			fromReturn: tScreen - tReturn,
			fromCall: tScreen - tCall,
			api: tReturn - tCall,
			bytes: bytesSince(term, tCall),
			frames: framesSince(term, tCall),
		});
	}
	return {
		fromApiReturn: summary(samples.map((s) => s.fromReturn)),
		fromApiCall: summary(samples.map((s) => s.fromCall)),
		apiCall: summary(samples.map((s) => s.api)),
		bytesPerChange: summary(samples.map((s) => s.bytes)),
		framesPerChange: summary(samples.map((s) => s.frames)),
		samples: samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v]))),
	};
}

/** Renames a visible container back and forth: bytes and frames written for one changed row. */
async function measureRowChange(term) {
	const base = webName(10);
	const samples = [];
	let current = base;
	for (let i = 0; i < 6; i++) {
		const next = current === base ? `${base}x` : base;
		await term.quiet(150);
		const tCall = nowMs();
		const seen = term.waitFor(hasRow(next), `rename to ${next}`, 10_000);
		await docker.getContainer(current).rename({name: next});
		const tReturn = nowMs();
		const tScreen = await seen;
		await term.quiet(250);
		samples.push({fromReturn: tScreen - tReturn, bytes: bytesSince(term, tCall), frames: framesSince(term, tCall)});
		current = next;
	}
	if (current !== base) await docker.getContainer(current).rename({name: base});
	return {
		bytes: summary(samples.map((s) => s.bytes)),
		frames: summary(samples.map((s) => s.frames)),
		renameToScreen: summary(samples.map((s) => s.fromReturn)),
		screenBytes: COLS * ROWS,
	};
}

/** Engine events seen by this process (any source), to tell dnet's own redraws from others'. */
const engineEvents = [];
async function watchEvents() {
	const stream = await docker.getEvents({});
	let rest = '';
	stream.on('data', (d) => {
		rest += d.toString();
		const lines = rest.split('\n');
		rest = lines.pop();
		for (const line of lines) {
			if (!line.trim()) continue;
			try {
				const e = JSON.parse(line);
				engineEvents.push({t: nowMs(), what: `${e.Type} ${e.Action} ${e.Actor?.Attributes?.name ?? ''}`.trim()});
			} catch {
				// partial line
			}
		}
	});
	stream.on('error', () => {});
	return stream;
}

function engineCpu() {
	if (!dockerdPid) return null;
	const dockerd = cpuMs(dockerdPid);
	const containerd = childrenNamed(dockerdPid, 'containerd').reduce((a, p) => a + (cpuMs(p) ?? 0), 0);
	return {dockerd, containerd};
}

async function idleWindow(term) {
	const e0 = engineCpu();
	const d0 = term ? cpuMs(term.pid) : null;
	const b0 = term ? term.bytes : 0;
	const c0 = term ? term.chunks.length : 0;
	const t0 = nowMs();
	await sleep(IDLE_MS);
	const t1 = nowMs();
	const e1 = engineCpu();
	const events = engineEvents.filter((e) => e.t >= t0 && e.t <= t1);
	const span = t1 - t0;
	const pct = (a, b) => (a === null || b === null ? null : round(((b - a) / span) * 100, 3));
	return {
		seconds: round(span / 1000, 1),
		engineEvents: events.length,
		...(events.length ? {someEvents: events.slice(0, 5).map((e) => e.what)} : {}),
		dockerdPct: e0 && e1 ? pct(e0.dockerd, e1.dockerd) : null,
		containerdPct: e0 && e1 ? pct(e0.containerd, e1.containerd) : null,
		...(term
			? {
					dnetPct: pct(d0, cpuMs(term.pid)),
					bytes: term.bytes - b0,
					writes: term.chunks.length - c0,
					rssMB: round((statusKb(term.pid, 'VmRSS') ?? NaN) / 1024, 1),
				}
			: {}),
	};
}

// ------------------------------------------------------------------------------------------
// N = 1000: keypress to frame

async function measureKeys(term) {
	const samples = [];
	for (let i = 0; i < KEYS; i++) {
		await term.quiet(60);
		await sleep(Math.random() * 30);
		const before = cursorLine(term.screen);
		const tKey = await term.press('j');
		const tFrame = await term.waitFor((s) => {
			const now = cursorLine(s);
			return now !== null && now !== before;
		}, 'the cursor to move', 10_000);
		await term.quiet(60);
		samples.push({ms: tFrame - tKey, bytes: bytesSince(term, tKey)});
	}
	return {
		keyToFrame: summary(samples.map((s) => s.ms)),
		bytesPerKey: summary(samples.map((s) => s.bytes)),
		samples: samples.map((s) => round(s.ms, 1)),
	};
}

// ------------------------------------------------------------------------------------------
// The real UI on the fake engine (bench/fake-ui.mjs): 10,000 containers, and 10,000 updates

const FAKE_UI = path.join(DIST, 'fake-ui.mjs');
async function buildFakeUi() {
	await build({
		entryPoints: [path.join(ROOT, 'bench', 'fake-ui.mjs')],
		outfile: FAKE_UI,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		jsx: 'automatic',
		minify: true,
		define: {'process.env.NODE_ENV': '"production"'},
		banner: {js: "import {createRequire as __benchRequire} from 'node:module'; const require = __benchRequire(import.meta.url);"},
		logLevel: 'warning',
		// Ink's devtools bridge (DEV=true only) is not part of dnet's build either.
		plugins: [{name: 'no-devtools', setup(b) {
			b.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'stub', namespace: 'stub'}));
			b.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {};', loader: 'js'}));
		}}],
	});
}

async function startFakeUi(n, report) {
	const term = await startPty(['node', '--expose-gc', FAKE_UI], {cols: COLS, rows: ROWS, env: {...childEnv, BENCH_N: String(n), BENCH_UPDATES: String(UPDATES_FIRST), BENCH_REPORT: report}});
	live.add(term);
	await term.go();
	await term.waitFor(hasRow('fake-00000'), 'the fake list', 60_000);
	return term;
}

/** Keypress to frame through 10,000 containers (all shown), on the fake engine. */
async function measureFakeKeys() {
	const term = await startFakeUi(FAKE_KEYS_N, path.join(DIST, 'keys.report'));
	await term.press('a');
	await term.waitFor(showingAll(FAKE_KEYS_N), 'all fake containers', 60_000);
	await term.press('g');
	await term.quiet(300);
	const keys = await measureKeys(term);
	await quit(term);
	return keys;
}

/** RSS (and the heap after a GC) at N = 500 on the fake engine after 1,000 and after 10,000 updates of rows on screen. */
async function measureGrowth() {
	const report = path.join(DIST, 'growth.report');
	const term = await startFakeUi(500, report);
	await term.quiet(500);
	const settled = statusKb(term.pid, 'VmRSS');
	const batches = [];
	for (let done = 0; done < UPDATES_ALL; done += UPDATES_FIRST) {
		term.kill('SIGUSR2');
		const want = done / UPDATES_FIRST + 1;
		const deadline = nowMs() + 600_000;
		for (;;) {
			let lines = [];
			try {
				lines = readFileSync(report, 'utf8').trim().split('\n').filter(Boolean);
			} catch {
				// not written yet
			}
			if (lines.length >= want) {
				const [updates, heap] = (lines[want - 1] ?? '').split(' ').map(Number);
				batches.push({updates, heapMB: round(heap / 2 ** 20, 1), rssMB: round(statusKb(term.pid, 'VmRSS') / 1024, 1)});
				break;
			}
			if (nowMs() > deadline) throw new Error('the fake UI did not finish its updates in 10 minutes');
			await sleep(200);
		}
	}
	await quit(term);
	const first = batches[0];
	const last = batches[batches.length - 1];
	return {settledMB: round(settled / 1024, 1), batches, first, last, rssGrowth: round(last.rssMB / first.rssMB - 1, 3), heapGrowth: round(last.heapMB / first.heapMB - 1, 3)};
}

// ------------------------------------------------------------------------------------------
// The package: \`npm pack\`, then \`npm install -g\` of it into a temporary prefix

function run(file, args, options = {}) {
	return new Promise((resolve) => {
		execFile(file, args, {maxBuffer: 64 << 20, ...options}, (error, stdout, stderr) => resolve({code: error ? (error.code ?? 1) : 0, stdout, stderr}));
	});
}

async function measureInstall() {
	const dir = path.join(os.tmpdir(), `dnet-bench-pack-${process.pid}`);
	rmSync(dir, {recursive: true, force: true});
	mkdirSync(dir, {recursive: true});
	try {
		const pack = await run('npm', ['pack', '--pack-destination', dir, '--silent'], {cwd: ROOT});
		if (pack.code !== 0) return {error: `npm pack failed: ${(pack.stderr || pack.stdout).trim().split('\n').slice(-3).join(' / ')}`};
		const tarball = path.join(dir, pack.stdout.trim().split('\n').pop());
		const prefix = path.join(dir, 'prefix');
		const install = await run('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], {cwd: dir});
		if (install.code !== 0) return {error: `npm install -g failed: ${install.stderr.trim().split('\n').pop()}`};
		const pkgDir = path.join(prefix, 'lib', 'node_modules', 'dnet');
		let installed = [];
		try {
			installed = readdirSync(path.join(pkgDir, 'node_modules'));
		} catch {
			installed = [];
		}
		const added = /added (\d+) package/.exec(install.stdout + install.stderr);
		const scripts = /install-scripts|install script/i.test(install.stdout + install.stderr);
		const version = await run(path.join(prefix, 'bin', 'dnet'), ['--version']);
		return {packages: added ? Number(added[1]) : null, runtimeDependencies: installed.length, installScriptWarning: scripts, runs: version.code === 0 && version.stdout.trim() !== '', tarballKB: round(statSync(tarball).size / 1024, 1)};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

// ------------------------------------------------------------------------------------------

async function main() {
	const stale = await removeOurs();
	if (stale) log(`removed ${stale} leftover containers`);
	// Others may share the engine: their containers are in the list too.
	const others = (await docker.listContainers({all: true})).length;
	results.machine.otherContainers = others;
	const events = await watchEvents();
	try {
		await benchmarks();
	} finally {
		events.destroy();
	}
}

async function benchmarks() {
	// What an extra section gets (SECTIONS).
	const ctx = {docker, CLI, DIST, ROOT, childEnv, COLS, ROWS, QUICK, PREFIX, results, log, startDnet, quit, hasRow, showingAll, webName, dbName};

	// ---- N = 50
	log('creating 50 running containers (10 dnet/postgres, 40 dnet/webapp -p 127.0.0.1::5000, 20 linked)');
	await createRunning();
	await sleep(2000);
	results.start50 = await measureStart('N=50', dbName(0));

	log('idle baseline (no dnet)');
	const base1 = await idleWindow(null);
	log('live session: events, row changes, idle');
	const term = await startDnet();
	await term.waitFor(hasRow(webName(4)), 'the list', 20_000);
	await term.quiet(500);
	results.events = await measureEvents(term);
	log(`event-to-screen: median ${results.events.fromApiReturn.median} ms, p95 ${results.events.fromApiReturn.p95} ms (from API return)`);
	results.rowChange = await measureRowChange(term);
	log(`row change: ${results.rowChange.bytes.median} bytes, ${results.rowChange.frames.median} frame(s)`);
	await term.quiet(1000);
	// The containers the events started read `Up N seconds`: a redraw a second (what that costs).
	const ticking = await idleWindow(term);
	// At rest: once no status on screen counts seconds (and V8 has collected the events' garbage).
	await term.waitFor((s) => !/\b\d+ seconds\b|Less than a second/.test(s.text()), 'the statuses to read in minutes', 90_000);
	await sleep(QUICK ? 5000 : 20_000);
	const idle = await idleWindow(term);
	await quit(term);
	log('idle baseline again (no dnet)');
	const base2 = await idleWindow(null);
	const baseDockerd = median([base1.dockerdPct, base2.dockerdPct].filter((x) => x !== null));
	const baseContainerd = median([base1.containerdPct, base2.containerdPct].filter((x) => x !== null));
	results.idleTicking = {dnetPct: ticking.dnetPct, bytes: ticking.bytes, writes: ticking.writes};
	results.idle = {
		...idle,
		dockerdExtraPct: idle.dockerdPct !== null && baseDockerd !== null ? round(idle.dockerdPct - baseDockerd, 3) : null,
		containerdExtraPct: idle.containerdPct !== null && baseContainerd !== null ? round(idle.containerdPct - baseContainerd, 3) : null,
		baselines: [base1, base2],
	};
	log(`idle: dnet ${idle.dnetPct}% of a core, dockerd +${results.idle.dockerdExtraPct}%, ${idle.bytes} bytes, RSS ${idle.rssMB} MB`);

	results.commands = await measureCommands(webName(0));
	log('npm pack + npm install -g into a temporary prefix');
	results.install = await measureInstall();
	log(`install: ${JSON.stringify(results.install)}`);
	await runSections('n50', ctx);

	// ---- N = 500
	log('creating 450 more (created, not running: -p 127.0.0.1::5000 --link)');
	await createStopped('c', 450);
	await sleep(1000);
	results.start500 = await measureStart('N=500', dbName(0));
	{
		const t = await startDnet();
		await t.waitFor(hasRow(dbName(0)), 'the list', 20_000);
		await t.quiet(500);
		const rssRunning = statusKb(t.pid, 'VmRSS');
		await t.press('a');
		await t.waitFor(showingAll(500), 'all containers', 20_000);
		await t.quiet(500);
		results.rss500 = {rssMB: round(statusKb(t.pid, 'VmRSS') / 1024, 1), peakMB: round(statusKb(t.pid, 'VmHWM') / 1024, 1), runningViewMB: round(rssRunning / 1024, 1)};
		await quit(t);
		log(`RSS at N=500: ${results.rss500.rssMB} MB (peak ${results.rss500.peakMB} MB)`);
	}
	{
		log('live session at N=500: events');
		const t = await startDnet();
		await t.waitFor(hasRow(webName(4)), 'the list', 20_000);
		await t.quiet(500);
		results.events500 = await measureEvents(t);
		await quit(t);
		log(`event-to-screen at N=500: median ${results.events500.fromApiReturn.median} ms, max ${results.events500.fromApiReturn.max} ms`);
	}
	await runSections('n500', ctx);
	results.bytes = await measureBytes({docker, prefix: PREFIX, n: 500, log, startDnet, quit});

	// ---- N = 1000
	log('creating 500 more (created)');
	await createStopped('d', 500);
	await sleep(1000);
	{
		const t = await startDnet();
		await t.waitFor(hasRow(dbName(0)), 'the list', 20_000);
		await t.quiet(300);
		await t.press('a');
		await t.waitFor(showingAll(1000), 'all containers', 20_000);
		await t.press('g');
		await t.quiet(300);
		results.keys = await measureKeys(t);
		results.keys.rssMB = round(statusKb(t.pid, 'VmRSS') / 1024, 1);
		const total = /(\d+) total/.exec(t.screen.lineText(0));
		results.keys.listSize = total ? Number(total[1]) : null;
		await quit(t);
		log(`keys at N=${results.keys.listSize}: median ${results.keys.keyToFrame.median} ms, ${results.keys.bytesPerKey.median} bytes per key`);
	}
	await runSections('n1000', ctx);

	// ---- the real UI on the fake engine
	await buildFakeUi();
	log(`fake engine, N=${FAKE_KEYS_N}: keypress to frame`);
	results.fakeKeys = await measureFakeKeys();
	log(`keys at N=${FAKE_KEYS_N} (fake engine): median ${results.fakeKeys.keyToFrame.median} ms`);
	log(`fake engine, N=500: memory over ${UPDATES_ALL} updates`);
	results.growth = await measureGrowth();
	log(`memory: RSS ${results.growth.first.rssMB} MB after ${results.growth.first.updates} updates, ${results.growth.last.rssMB} MB after ${results.growth.last.updates}`);
}

async function runSections(at, ctx) {
	for (const section of SECTIONS.filter((x) => x.at === at)) {
		log(`section ${section.name}`);
		try {
			results[section.name] = await section.run(ctx);
		} catch (error) {
			results.notes.push(`section ${section.name} failed: ${error?.message ?? error}`);
		}
	}
}

function fmt(x, unit = '') {
	return x === null || x === undefined ? 'n/a' : `${x}${unit}`;
}

function table() {
	const r = results;
	const rows = [];
	const add = (what, value, target, met) => rows.push([what, value, target, met === null ? '-' : met ? 'met' : 'MISSED']);
	const ok = (v, limit) => (v === null || v === undefined ? null : v <= limit);
	const ratio = (x, floor, what) => `${fmt(x?.dnet?.median ?? x?.median, ' ms')} = ${fmt(x?.ratio ?? x?.xNode, 'x')} ${what}`;
	if (r.start50) add('first frame, N=50', `${ratio(r.start50, null, 'node -e 0')} (${fmt(r.start50.floor.median, ' ms')})`, '<= 2.0x node -e 0', ok(r.start50.ratio, 2.0));
	if (r.start500) add('first frame, N=500', `${ratio(r.start500, null, 'node -e 0')} (${fmt(r.start500.floor.median, ' ms')})`, '<= 2.5x node -e 0', ok(r.start500.ratio, 2.5));
	for (const [label, e] of [['N=50', r.events], ['N=500', r.events500]]) {
		if (!e) continue;
		add(`event on screen (start/stop), ${label}`, `median ${fmt(e.fromApiReturn.median, ' ms')}, max ${fmt(e.fromApiReturn.max, ' ms')} of ${e.samples.length}, after the API call returned`, 'median <= 30 ms, max <= 100 ms', e.fromApiReturn.median === null ? null : e.fromApiReturn.median <= 30 && e.fromApiReturn.max <= 100);
	}
	if (r.idle) {
		add('idle dnet CPU (30 s, N=50), at rest', fmt(r.idle.dnetPct, '% of a core'), '< 0.5%', r.idle.dnetPct === null ? null : r.idle.dnetPct < 0.5);
		if (r.idleTicking) add('dnet CPU while a status counts seconds (a redraw a second)', `${fmt(r.idleTicking.dnetPct, '% of a core')}, ${fmt(r.idleTicking.bytes, ' B')} in ${r.idleTicking.writes} writes`, '-', null);
		add('idle dockerd extra CPU', `${fmt(r.idle.dockerdExtraPct, '%')} (with dnet ${fmt(r.idle.dockerdPct, '%')}, without ${r.idle.baselines.map((b) => fmt(b.dockerdPct, '%')).join(' / ')})`, '< 0.5%', r.idle.dockerdExtraPct === null ? null : r.idle.dockerdExtraPct < 0.5);
		add('idle bytes to the terminal', `${fmt(r.idle.bytes, ' B')} (${r.idle.writes} writes; ${r.idle.engineEvents} engine events in the window)`, '-', null);
		add('RSS, N=50 (idle)', fmt(r.idle.rssMB, ' MB'), '-', null);
	}
	if (r.rss500) add('RSS, N=500 (all shown, settled)', `${fmt(r.rss500.rssMB, ' MB')} (peak ${fmt(r.rss500.peakMB, ' MB')})`, '<= 70 MB', ok(r.rss500.rssMB, 70));
	if (r.growth) add(`RSS growth, N=500, ${r.growth.first.updates} -> ${r.growth.last.updates} updates (fake engine)`, `${fmt(r.growth.first.rssMB, ' MB')} -> ${fmt(r.growth.last.rssMB, ' MB')} (${fmt(round(r.growth.rssGrowth * 100, 1), '%')}); heap after GC ${fmt(r.growth.first.heapMB, ' MB')} -> ${fmt(r.growth.last.heapMB, ' MB')}`, 'within 10%', Math.abs(r.growth.rssGrowth) <= 0.1);
	if (r.keys) add(`keypress-to-frame, N=${r.keys.listSize ?? 1000} (real engine)`, `median ${fmt(r.keys.keyToFrame.median, ' ms')}, p95 ${fmt(r.keys.keyToFrame.p95, ' ms')}; ${fmt(r.keys.bytesPerKey.median, ' B')} per key`, '<= 30 ms', ok(r.keys.keyToFrame.median, 30));
	if (r.fakeKeys) add(`keypress-to-frame, N=${FAKE_KEYS_N} (fake engine)`, `median ${fmt(r.fakeKeys.keyToFrame.median, ' ms')}, p95 ${fmt(r.fakeKeys.keyToFrame.p95, ' ms')}`, '<= 30 ms', ok(r.fakeKeys.keyToFrame.median, 30));
	if (r.rowChange) add('bytes per single-row change', `${fmt(r.rowChange.bytes.median, ' B')} in ${fmt(r.rowChange.frames.median)} frame(s) (screen ${COLS}x${ROWS})`, '-', null);
	if (r.commands) {
		const c = r.commands;
		add('dnet ps (N=50)', `${fmt(c['dnet ps']?.median, ' ms')} = ${fmt(c['dnet ps']?.xNode, 'x')} node -e 0, ${fmt(c['dnet ps']?.xDocker, 'x')} docker ps (${fmt(c['docker ps']?.median, ' ms')})`, '<= 1.5x node -e 0', ok(c['dnet ps']?.xNode, 1.5));
		if (c.portWired) add('dnet port web', `${fmt(c['dnet port']?.median, ' ms')} = ${fmt(c['dnet port']?.xNode, 'x')} node -e 0, ${fmt(c['dnet port']?.xDocker, 'x')} docker port (${fmt(c['docker port']?.median, ' ms')})`, '<= 1.5x node -e 0', ok(c['dnet port']?.xNode, 1.5));
		else add('dnet port', 'not measured (command not available in this build)', '<= 1.5x node -e 0', null);
	}
	if (r.install) {
		const i = r.install;
		add('npm install -g of the packed package', i.error ?? `${fmt(i.packages)} package(s), ${i.runtimeDependencies} runtime dependencies, ${i.installScriptWarning ? 'an install-script warning' : 'no install script'}, dnet ${i.runs ? 'runs' : 'DOES NOT RUN'}; tarball ${fmt(i.tarballKB, ' KB')}`, 'no runtime deps, no install scripts', i.error ? false : i.runtimeDependencies === 0 && !i.installScriptWarning && i.runs);
	}
	for (const row of bytesRows(r.bytes)) add(...row);
	for (const section of SECTIONS) if (r[section.name]) for (const row of section.rows(r[section.name])) add(...row);
	const widths = [0, 1, 2, 3].map((i) => Math.max(...[['measure', 'result', 'target', ''], ...rows].map((row) => row[i].length)));
	const line = (row) => row.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
	return [line(['measure', 'result', 'target', '']), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

let failed = null;
try {
	await main();
} catch (error) {
	failed = error;
	results.error = String(error?.stack ?? error);
} finally {
	for (const t of live) {
		t.kill('SIGTERM');
	}
	log('removing containers');
	const n = await cleanup();
	if (typeof n === 'number') log(`removed ${n} containers`);
}
results.machine.loadavgEnd = loadavg();
results.seconds = round((nowMs() - T0) / 1000, 1);
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, '\t')}\n`);
console.log(`\ndnet benchmarks (${results.machine.cpus} cores, ${results.machine.cpuModel}; load ${results.machine.loadavgStart?.join(' ')} -> ${results.machine.loadavgEnd?.join(' ')}; ${results.seconds} s)\n`);
console.log(table());
for (const n of results.notes) console.log(`note: ${n}`);
console.log('\nwritten: bench/results.json');
if (failed) {
	console.error(`bench: the run broke: ${failed?.stack ?? failed}`);
	process.exit(1);
}
