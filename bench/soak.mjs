// The soak test (README, "Reliability"; `npm run soak`, not part of `npm test`): the built dnet in a
// pseudo-terminal on the private engine with N containers listed, one of them started and stopped
// every second for SOAK_MINUTES; dnet's memory, open file descriptors and sockets are sampled every
// 10 s, then its CPU while nothing happens, over two minutes (the first still holds the GC of the
// changes). Prints the figures as JSON and a summary.
// dnet runs with a preloaded probe (bench/soak-probe.mjs, no product code): at each sample it is
// sent SIGUSR2 and writes its live EventEmitter/EventTarget listeners and active resources.
//
//   SOAK_MINUTES=30 SOAK_N=500 npm run soak
import http from 'node:http';
import {mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {startPty} from './pty.mjs';
import {cpuMs, pool, round, sleep, statusKb} from './stats.mjs';

const run = promisify(execFile);
const MINUTES = Number(process.env.SOAK_MINUTES ?? 30);
const N = Number(process.env.SOAK_N ?? 500);
const IDLE_S = Number(process.env.SOAK_IDLE_SECONDS ?? 60);
const host = process.env.DOCKER_HOST ?? '';
if (!host.startsWith('unix://') || host === 'unix:///var/run/docker.sock') {
	console.error('soak: run it through scripts/with-engine.sh (npm run soak): it needs the private engine on a unix socket');
	process.exit(2);
}
const socketPath = host.slice('unix://'.length);
const prefix = `dnet-soak-${process.pid}`;
const flip = `${prefix}-flip`;
const log = (...a) => console.error('soak:', ...a);

/** One Engine API call on the private engine (cheaper than a docker CLI process per second). */
function api(method, path) {
	return new Promise((resolve, reject) => {
		const req = http.request({socketPath, method, path}, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode));
		});
		req.on('error', reject);
		req.end();
	});
}

const docker = (args) => run('docker', ['--host', host, ...args], {maxBuffer: 16 << 20});

/** File descriptors of the process, and how many of them are sockets. */
function fds(pid) {
	let total = 0;
	let sockets = 0;
	for (const fd of readdirSync(`/proc/${pid}/fd`)) {
		total += 1;
		try {
			if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) sockets += 1;
		} catch {
			// closed meanwhile
		}
	}
	return {total, sockets};
}

const names = Array.from({length: N - 1}, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
log(`creating ${N} containers`);
await pool(names, 8, (name) => docker(['create', '--name', name, '--label', 'dnet.soak=1', 'dnet/webapp']));
await docker(['run', '-d', '--name', flip, '--label', 'dnet.soak=1', 'dnet/webapp']);

const probeDir = mkdtempSync(path.join(tmpdir(), 'dnet-soak-probe-'));
const probeFile = path.join(probeDir, 'probe.json');
// SOAK_CLI: a copy of the build (others may rebuild dist/ during a 30-minute run).
const term = await startPty(['node', '--import', './bench/soak-probe.mjs', process.env.SOAK_CLI ?? 'dist/cli.js'], {
	cols: 160,
	rows: 50,
	env: {...process.env, LANG: 'C.UTF-8', DNET_SOAK_PROBE: probeFile},
});
await term.go();
await term.waitFor((s) => s.text().includes('connected'), 'the list', 60_000);
await term.press('a');
const pid = term.pid;
log(`dnet runs as pid ${pid}; flipping ${flip} every second for ${MINUTES} min`);

/** The probe's figures: SIGUSR2, then its answer (a new `seq`) read back; null if it does not answer. */
let probeSeq = 0;
async function probe() {
	process.kill(pid, 'SIGUSR2');
	for (let i = 0; i < 100; i++) {
		await sleep(20);
		try {
			const p = JSON.parse(readFileSync(probeFile, 'utf8'));
			if (p.seq > probeSeq) {
				probeSeq = p.seq;
				return p;
			}
		} catch {
			// not written yet
		}
	}
	return null;
}

const samples = [];
const sample = async (t) => {
	// Memory, fds and CPU first: the probe collects garbage before it counts.
	const f = fds(pid);
	const cpu = cpuMs(pid);
	const rssKb = statusKb(pid, 'VmRSS');
	const p = await probe();
	samples.push({t: round(t / 1000, 1), rssKb, fds: f.total, sockets: f.sockets, cpuMs: cpu, listeners: p?.listeners ?? null, handles: p?.handles ?? null, resources: p?.resources ?? null});
};
const start = Date.now();
let running = true;
let flips = 0;
let nextSample = 0;
while (Date.now() - start < MINUTES * 60_000) {
	const t0 = Date.now();
	await api('POST', `/containers/${flip}/${running ? 'stop?t=0' : 'start'}`);
	running = !running;
	flips += 1;
	if (Date.now() - start >= nextSample) {
		await sample(Date.now() - start);
		nextSample += 10_000;
	}
	await sleep(Math.max(0, 1000 - (Date.now() - t0)));
}
await sample(Date.now() - start);
// Statuses of the last minute (`Up 5 seconds`) change every second and are redrawn: wait until they
// read in minutes before calling dnet idle.
const SETTLE_S = Number(process.env.SOAK_SETTLE_SECONDS ?? 65);
// Two idle windows one after the other: in the first, V8 may still be collecting the garbage of the
// last changes (its memory reducer runs up to about a minute after the allocations stop: a few full
// GCs of 10-100 ms each); the second is dnet at rest.
log(`settling for ${SETTLE_S} s, then idle for twice ${IDLE_S} s`);
await sleep(SETTLE_S * 1000);
const idle0 = cpuMs(pid);
await sleep(IDLE_S * 1000);
const idle1 = cpuMs(pid);
await sleep(IDLE_S * 1000);
const firstIdleCpuPct = ((idle1 - idle0) / (IDLE_S * 1000)) * 100;
const idleCpuPct = ((cpuMs(pid) - idle1) / (IDLE_S * 1000)) * 100;
await sample(Date.now() - start);

await term.press('q');
await Promise.race([term.exited, sleep(5000)]);
term.kill();
await docker(['rm', '-f', flip, ...names]).catch(() => {});
rmSync(probeDir, {recursive: true, force: true});

const window = Math.max(1, Math.floor(samples.length / 5));
const avg = (xs, k) => round(xs.reduce((a, s) => a + s[k], 0) / xs.length, 1);
const first = samples.slice(1, 1 + window);
const last = samples.slice(-window - 1, -1);
const result = {
	minutes: MINUTES,
	containers: N,
	flips,
	samples: samples.length,
	rssMb: {first: round(avg(first, 'rssKb') / 1024, 1), last: round(avg(last, 'rssKb') / 1024, 1), max: round(Math.max(...samples.map((s) => s.rssKb)) / 1024, 1)},
	fds: {first: avg(first, 'fds'), last: avg(last, 'fds'), max: Math.max(...samples.map((s) => s.fds))},
	sockets: {first: avg(first, 'sockets'), last: avg(last, 'sockets'), max: Math.max(...samples.map((s) => s.sockets))},
	// From the probe (bench/soak-probe.mjs): live EventEmitter/EventTarget listeners, active resources.
	listeners: {first: avg(first, 'listeners'), last: avg(last, 'listeners'), max: Math.max(...samples.map((s) => s.listeners))},
	handles: {first: avg(first, 'handles'), last: avg(last, 'handles'), max: Math.max(...samples.map((s) => s.handles))},
	churnCpuPct: round(((samples.at(-2).cpuMs - samples[0].cpuMs) / ((samples.at(-2).t - samples[0].t) * 1000)) * 100, 2),
	firstIdleCpuPct: round(firstIdleCpuPct, 2),
	idleCpuPct: round(idleCpuPct, 2),
};
console.log(JSON.stringify({result, samples}, null, 1));
log(
	`${MINUTES} min, ${N} containers, ${flips} starts/stops: RSS ${result.rssMb.first} -> ${result.rssMb.last} MB (max ${result.rssMb.max}), ` +
		`fds ${result.fds.first} -> ${result.fds.last}, sockets ${result.sockets.first} -> ${result.sockets.last}, ` +
		`listeners ${result.listeners.first} -> ${result.listeners.last} (max ${result.listeners.max}), ` +
		`active handles ${result.handles.first} -> ${result.handles.last} (max ${result.handles.max}), ` +
		`CPU ${result.churnCpuPct} % while flipping, ${result.firstIdleCpuPct} % in the first idle minute (GC of the changes), ${result.idleCpuPct} % idle`,
);
