// ssh:// against the unix socket (issue 12's targets), on a real OpenSSH server on loopback
// (test/support/sshd.ts, bundled here by esbuild) whose sessions reach the private engine:
//   - a container list over ssh:// after the first request, against the same list over the unix
//     socket (target <= 2x), both through dnet's engine (the keep-alive dial-stdio agent);
//   - `dnet port NAME` over ssh:// against `docker --context X port NAME` (target <= 1.5x): both
//     spawn the system ssh (a wrapper running it as the test user, whose ~/.ssh/config has the alias).
// A section of bench/run.mjs (SECTIONS), or alone: `scripts/with-engine.sh node bench/remote.mjs`.
import {execFile} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {promisify} from 'node:util';
import {build} from 'esbuild';
import {median, round} from './stats.mjs';

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

export async function runRemote({host, CLI, QUICK = false, log = console.error}) {
	const dir = mkdtempSync(path.join(ROOT, 'bench', '.remote-'));
	const {sshd: sshdModule, engine: engineModule} = await bundle(dir, {sshd: 'test/support/sshd.ts', engine: 'source/engine/docker-engine.ts'});
	const {parseHost} = await bundle(dir, {conn: 'source/engine/connection.ts'}).then((m) => m.conn);
	const sshd = await sshdModule.startSshd({loginUser: 'root', env: {DOCKER_HOST: host, PATH: '/usr/local/bin:/usr/bin:/bin'}});
	const wrapped = `${sshd.wrapSsh()}:${process.env.PATH}`;
	const savedPath = process.env.PATH;
	process.env.PATH = wrapped;
	const config = mkdtempSync(path.join(os.tmpdir(), 'dnet-bench-config-'));
	const env = {...process.env, PATH: wrapped, DOCKER_CONFIG: config};
	delete env.DOCKER_HOST;
	const name = `bench-remote-${process.pid}`;
	const reps = QUICK ? 5 : 25;
	try {
		await exec('docker', ['--host', host, 'run', '-d', '--name', name, '-p', '127.0.0.1::5000', 'dnet/webapp'], {env: {PATH: savedPath}});
		await exec('docker', ['context', 'create', 'bench-ssh', '--docker', `host=ssh://${sshd.alias}`], {env});
		const local = new engineModule.DockerEngine(parseHost(host));
		const remote = new engineModule.DockerEngine(parseHost(`ssh://${sshd.alias}`));
		const firstSsh = await timed(() => remote.listContainers(true));
		await local.listContainers(true);
		const unixMs = [];
		const sshMs = [];
		for (let i = 0; i < reps; i++) {
			unixMs.push(await timed(() => local.listContainers(true)));
			sshMs.push(await timed(() => remote.listContainers(true)));
		}
		local.close();
		remote.close();
		log(`remote: list over ssh ${round(median(sshMs))} ms, unix ${round(median(unixMs))} ms (first over ssh ${round(firstSsh)} ms)`);
		const ours = [];
		const theirs = [];
		const runOurs = () => exec('node', [CLI, '-H', `ssh://${sshd.alias}`, 'port', name], {env});
		const runTheirs = () => exec('docker', ['--context', 'bench-ssh', 'port', name], {env});
		await runOurs();
		await runTheirs();
		for (let i = 0; i < Math.ceil(reps / 2); i++) {
			ours.push(await timed(runOurs));
			theirs.push(await timed(runTheirs));
		}
		log(`remote: dnet port over ssh ${round(median(ours))} ms, docker --context port ${round(median(theirs))} ms`);
		return {
			listSshMs: round(median(sshMs)),
			listUnixMs: round(median(unixMs)),
			listRatio: round(median(sshMs) / median(unixMs), 2),
			firstListSshMs: round(firstSsh),
			portDnetMs: round(median(ours)),
			portDockerMs: round(median(theirs)),
			portRatio: round(median(ours) / median(theirs), 2),
			logins: sshd.logins(),
		};
	} finally {
		process.env.PATH = savedPath;
		await exec('docker', ['--host', host, 'rm', '-f', name], {env: {PATH: savedPath}}).catch(() => undefined);
		await sshd.stop();
		rmSync(config, {recursive: true, force: true});
		rmSync(dir, {recursive: true, force: true});
	}
}

/** The section for bench/run.mjs. */
export const remoteSection = {
	at: 'n50',
	name: 'remote',
	run: (ctx) => runRemote({host: process.env.DNET_TEST_DOCKER_HOST || process.env.DOCKER_HOST, CLI: ctx.CLI, QUICK: ctx.QUICK, log: ctx.log}),
	rows: (r) => [
		['list over ssh:// / over the unix socket (after the first)', `${r.listSshMs} / ${r.listUnixMs} ms = ${r.listRatio}x`, '<= 2x', r.listRatio <= 2],
		['dnet port over ssh:// / docker --context X port', `${r.portDnetMs} / ${r.portDockerMs} ms = ${r.portRatio}x`, '<= 1.5x', r.portRatio <= 1.5],
	],
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	mkdirSync(path.join(ROOT, 'bench'), {recursive: true});
	const host = process.env.DNET_TEST_DOCKER_HOST || process.env.DOCKER_HOST;
	const result = await runRemote({host, CLI: path.join(ROOT, 'dist', 'cli.js'), QUICK: process.env.BENCH_QUICK === '1'});
	console.log(JSON.stringify(result, null, 2));
}
