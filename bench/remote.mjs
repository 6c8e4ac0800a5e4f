// ssh:// against the unix socket (issue 12's targets), on a real OpenSSH server on loopback
// (test/support/sshd.ts, bundled here by esbuild) whose sessions reach the private engine:
//   - the first frame of the built dnet in a pseudo-terminal (bench/pty.mjs), DOCKER_HOST=unix://…
//     against DOCKER_HOST=ssh://ALIAS (target: ssh <= local + 300 ms), interleaved rounds, medians;
//   - a container list over ssh:// after the first request, against the same list over the unix
//     socket (target <= 2x), both through dnet's engine (the keep-alive dial-stdio agent), with
//     the list of the run (50 containers; alone, this file makes 50) and a list of one (what the
//     live list fetches for an event: latency only);
//   - `dnet port NAME` over ssh:// against `docker --context X port NAME` (target <= 1.5x).
// Every ssh runs as the sshd's throwaway user (a wrapper first on PATH: its ~/.ssh/config has the
// alias), never with the caller's own ~/.ssh. The sessions log in as a uid-0 account whose shell is
// /bin/sh (sshd.ts `uid0`): root's .bashrc on this machine takes a second, which is not dnet's.
// A section of bench/run.mjs (SECTIONS), or alone:
//   npm run build && DNET_ENGINE_DIR=… bash scripts/with-engine.sh node bench/remote.mjs
import {execFile} from 'node:child_process';
import {cpSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {build} from 'esbuild';
import {startPty} from './pty.mjs';
import {median, pool, round, shuffled, sleep} from './stats.mjs';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function bundle(dir, entries) {
	const out = {};
	for (const [name, entry] of Object.entries(entries)) {
		const outfile = path.join(dir, `${name}.mjs`);
		await build({entryPoints: [path.join(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'error'});
		out[name] = await import(pathToFileURL(outfile).href);
	}
	return out;
}

const timed = async (fn) => {
	const t = performance.now();
	await fn();
	return performance.now() - t;
};

/** A loopback port free now (the engines of parallel runs share the ephemeral range). */
const freePort = () =>
	new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const {port} = server.address();
			server.close(() => resolve(port));
		});
	});

const hasRow = (name) => (s) => s.lines.some((l) => l.join('').includes(`${name} `));

/** Start of dnet in a pty to the first frame that shows `row`, then q. */
async function firstFrame(CLI, env, row) {
	const term = await startPty(['node', CLI], {cols: 120, rows: 40, env});
	await term.go();
	try {
		const t = await term.waitFor(hasRow(row), `row ${row}`, 60_000);
		return t - term.tStart;
	} finally {
		await term.press('q');
		if ((await Promise.race([term.exited, sleep(5000).then(() => 'late')])) === 'late') {
			term.kill('SIGKILL');
			await term.exited;
		}
	}
}

export async function runRemote({host, CLI, QUICK = false, fill = 0, log = console.error}) {
	const dir = mkdtempSync(path.join(ROOT, 'bench', '.remote-'));
	const {sshd: sshdModule, engine: engineModule, conn} = await bundle(dir, {sshd: 'test/support/sshd.ts', engine: 'source/engine/docker-engine.ts', conn: 'source/engine/connection.ts'});
	const {parseHost} = conn;
	const sshd = await sshdModule.startSshd({loginUser: 'uid0', env: {DOCKER_HOST: host, PATH: '/usr/local/bin:/usr/bin:/bin'}});
	const wrapped = `${sshd.wrapSsh()}:${process.env.PATH}`;
	const savedPath = process.env.PATH;
	process.env.PATH = wrapped;
	const config = mkdtempSync(path.join(os.tmpdir(), 'dnet-bench-config-'));
	const env = {...process.env, PATH: wrapped, DOCKER_CONFIG: config};
	delete env.DOCKER_HOST;
	const term = {...env, TERM: 'xterm-256color', LANG: 'C.UTF-8'};
	for (const k of ['CI', 'CONTINUOUS_INTEGRATION', 'TMUX', 'TMUX_PANE', 'NO_COLOR', 'LC_ALL', 'LC_CTYPE', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) delete term[k];
	// Sorted first by name, so that it is on the first screen among the run's 50 (bench-<pid>-*).
	const name = `a-bench-remote-${process.pid}`;
	const fillers = Array.from({length: fill}, (_, i) => `${name}-${String(i).padStart(2, '0')}`);
	const reps = QUICK ? 5 : 25;
	const frames = QUICK ? 3 : 7;
	const docker = (args) => exec('docker', ['--host', host, ...args], {env: {PATH: savedPath}});
	try {
		await docker(['run', '-d', '--name', name, '-p', `127.0.0.1:${await freePort()}:5000`, 'dnet/webapp']);
		await pool(fillers, 8, (n) => docker(['create', '--name', n, '-p', '127.0.0.1::5000', 'dnet/webapp']));
		await exec('docker', ['context', 'create', 'bench-ssh', '--docker', `host=ssh://${sshd.alias}`], {env});

		// The first frame, locally and over ssh.
		const localEnv = {...term, DOCKER_HOST: host};
		const sshEnv = {...term, DOCKER_HOST: `ssh://${sshd.alias}`};
		const loginsBefore = sshd.logins();
		await firstFrame(CLI, localEnv, name);
		await firstFrame(CLI, sshEnv, name);
		if (sshd.logins() === loginsBefore) throw new Error('dnet over ssh:// did not log in: the first frame came from elsewhere');
		const frameLocal = [];
		const frameSsh = [];
		for (let i = 0; i < frames; i++) {
			for (const where of shuffled(['local', 'ssh'])) {
				if (where === 'local') frameLocal.push(await firstFrame(CLI, localEnv, name));
				else frameSsh.push(await firstFrame(CLI, sshEnv, name));
				await sleep(100);
			}
		}
		log(`remote: first frame over ssh ${round(median(frameSsh))} ms, locally ${round(median(frameLocal))} ms`);

		// The list, through dnet's engine.
		const local = new engineModule.DockerEngine(parseHost(host));
		const remote = new engineModule.DockerEngine(parseHost(`ssh://${sshd.alias}`));
		const firstSsh = await timed(() => remote.listContainers(true));
		const all = await local.listContainers(true);
		const one = [all.find((c) => c.name === name).id];
		const listLogins = sshd.logins();
		const unixMs = [];
		const sshMs = [];
		const unixOne = [];
		const sshOne = [];
		for (let i = 0; i < reps; i++) {
			for (const what of shuffled(['unix', 'ssh', 'unix1', 'ssh1'])) {
				if (what === 'unix') unixMs.push(await timed(() => local.listContainers(true)));
				else if (what === 'ssh') sshMs.push(await timed(() => remote.listContainers(true)));
				else if (what === 'unix1') unixOne.push(await timed(() => local.listContainers(true, one)));
				else sshOne.push(await timed(() => remote.listContainers(true, one)));
			}
		}
		const reused = sshd.logins() === listLogins;
		local.close();
		remote.close();
		log(`remote: list of ${all.length} over ssh ${round(median(sshMs))} ms, unix ${round(median(unixMs))} ms; of one ${round(median(sshOne))} / ${round(median(unixOne))} ms (first over ssh ${round(firstSsh)} ms; one login: ${reused})`);

		const ours = [];
		const theirs = [];
		const runOurs = () => exec('node', [CLI, '-H', `ssh://${sshd.alias}`, 'port', name], {env});
		const runTheirs = () => exec('docker', ['--context', 'bench-ssh', 'port', name], {env});
		await runOurs();
		await runTheirs();
		for (let i = 0; i < Math.ceil(reps / 2); i++) {
			for (const who of shuffled(['ours', 'theirs'])) {
				if (who === 'ours') ours.push(await timed(runOurs));
				else theirs.push(await timed(runTheirs));
			}
		}
		log(`remote: dnet port over ssh ${round(median(ours))} ms, docker --context port ${round(median(theirs))} ms`);
		return {
			frameSshMs: round(median(frameSsh)),
			frameLocalMs: round(median(frameLocal)),
			frameExtraMs: round(median(frameSsh) - median(frameLocal)),
			frameSamples: {ssh: frameSsh.map((x) => round(x, 1)), local: frameLocal.map((x) => round(x, 1))},
			listN: all.length,
			listSshMs: round(median(sshMs)),
			listUnixMs: round(median(unixMs)),
			listRatio: round(median(sshMs) / median(unixMs), 2),
			listOneSshMs: round(median(sshOne)),
			listOneUnixMs: round(median(unixOne)),
			listOneRatio: round(median(sshOne) / median(unixOne), 2),
			listOneLogin: reused,
			firstListSshMs: round(firstSsh),
			portDnetMs: round(median(ours)),
			portDockerMs: round(median(theirs)),
			portRatio: round(median(ours) / median(theirs), 2),
			logins: sshd.logins(),
			loadavg: os.loadavg().map((x) => round(x, 2)),
		};
	} finally {
		process.env.PATH = savedPath;
		await pool([name, ...fillers], 8, (n) => docker(['rm', '-f', n]).catch(() => undefined));
		await sshd.stop();
		rmSync(config, {recursive: true, force: true});
		rmSync(dir, {recursive: true, force: true});
	}
}

/** The section for bench/run.mjs (at N = 50: the run's 50 containers are the list). */
export const remoteSection = {
	at: 'n50',
	name: 'remote',
	run: (ctx) => runRemote({host: process.env.DNET_TEST_DOCKER_HOST || process.env.DOCKER_HOST, CLI: ctx.CLI, QUICK: ctx.QUICK, log: ctx.log}),
	rows: (r) => [
		['first frame over ssh:// / locally (unix socket)', `${r.frameSshMs} / ${r.frameLocalMs} ms = +${r.frameExtraMs} ms`, '<= +300 ms', r.frameExtraMs <= 300],
		[`list of ${r.listN} over ssh:// / over the unix socket (after the first)`, `${r.listSshMs} / ${r.listUnixMs} ms = ${r.listRatio}x`, '<= 2x', r.listRatio <= 2],
		['list of one (an event\'s fetch) over ssh:// / unix socket', `${r.listOneSshMs} / ${r.listOneUnixMs} ms = ${r.listOneRatio}x`, '-', null],
		['dnet port over ssh:// / docker --context X port', `${r.portDnetMs} / ${r.portDockerMs} ms = ${r.portRatio}x`, '<= 1.5x', r.portRatio <= 1.5],
	],
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const host = process.env.DNET_TEST_DOCKER_HOST || process.env.DOCKER_HOST;
	if (!host?.startsWith('unix://')) throw new Error('run me under scripts/with-engine.sh (DOCKER_HOST: the private engine)');
	// A private copy of the build (BENCH_DIST, default dist/): others may rebuild dist/ while this runs.
	const dist = path.join(ROOT, 'bench', `.remote-dist-${process.pid}`);
	cpSync(path.resolve(process.env.BENCH_DIST || path.join(ROOT, 'dist')), dist, {recursive: true});
	try {
		const result = await runRemote({host, CLI: path.join(dist, 'cli.js'), QUICK: process.env.BENCH_QUICK === '1', fill: 49});
		console.log(JSON.stringify(result, null, 2));
		for (const [what, value, target, met] of remoteSection.rows(result)) console.log(`${what}: ${value} (target ${target}${met === null ? '' : met ? ': met' : ': MISSED'})`);
	} finally {
		rmSync(dist, {recursive: true, force: true});
	}
}
