/**
 * Every cause of a port that does not answer (issue 16), diagnosed by `D` in the built dnet in tmux
 * on the private engine, in one dnet session visiting one container per cause; each screen's
 * lines are `dnet doctor`'s own (the command run on the same container: same words). A second
 * session reaches the engine through a TCP relay on the private bridge's address, so the engine is
 * not this machine's to dnet: an image without cat cannot be read, and the doctor says why.
 */
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {noShellImage} from '../support/doctor-images.js';
import {docker, dockerOk, privateEnv, privateHost, removeContainers} from '../support/engine.js';
import {killAllTuis, repoRoot, startTui, type Tui} from '../support/tmux.js';

const run = promisify(execFile);
const p = `e2edc${process.pid}`;
const n = {
	lo: `${p}-lo`, other: `${p}-other`, nothing: `${p}-nothing`, stopped: `${p}-stopped`, held: `${p}-held`, bare: `${p}-bare`,
	udp: `${p}-udp`, v6: `${p}-v6`, src: `${p}-src`, rcp: `${p}-rcp`, filler: `${p}-filler`, host: `${p}-hostnet`,
};
let holder: net.Server;
let heldPort = 0;
let hostPort = 0;
let udp: ChildProcess | undefined;
let relay: net.Server;
let relayHost = '';

/** `dnet doctor ARGS` of the built dnet (the words the screen must show), against `host`. */
async function doctorText(args: string[], host = privateHost()): Promise<string> {
	try {
		return (await run(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'doctor', ...args], {env: privateEnv({DOCKER_HOST: host})})).stdout;
	} catch (error) {
		return (error as {stdout: string}).stdout;
	}
}

const ms = (text: string): string => text.replace(/\(open, [\d.]+ ms\)/g, '(open, N ms)');

/** Waits for `verdict` on the doctor screen of `name`, then checks every line of `dnet doctor name` is on it. */
async function visit(tui: Tui, name: string, verdict: RegExp, host?: string): Promise<string> {
	await tui.sendKeys('Escape');
	await tui.sendText(`/${name}`);
	await tui.sendKeys('Enter');
	await tui.waitForText(new RegExp(`${name}\\s`), 10_000);
	await tui.sendKeys('D');
	// Long lines wrap on screen: the verdict and the command's lines are compared with runs of
	// blanks (line ends and the indent of a wrapped line's rest) as one space.
	const flat = (text: string): string => text.replace(/\s+/g, ' ');
	const squash = (text: string): string => flat(ms(text));
	let screen = '';
	for (let i = 0; i < 150 && !(verdict.test(flat(screen)) && !screen.includes('checking again')); i++) {
		await new Promise((resolve) => setTimeout(resolve, 100));
		screen = await tui.capture();
	}
	expect(flat(screen), screen).toMatch(verdict);
	expect(screen).toContain(`Port doctor: ${name} (`);
	const shown = squash(screen);
	const said = (await doctorText([name], host)).trimEnd().split('\n');
	expect(said.filter((line) => !shown.includes(squash(line))), screen).toEqual([]);
	await tui.sendKeys('Escape');
	await tui.waitForGone('Port doctor');
	return screen;
}

/** `docker run -d`, again when another engine on this machine holds the random host port this one picked. */
async function runD(...args: string[]): Promise<void> {
	const name = args[args.indexOf('--name') + 1] as string;
	for (let i = 0; ; i++) {
		const r = await docker(['run', '-d', ...args]);
		if (r.code === 0) return;
		await docker(['rm', '-f', name]);
		if (i === 4 || !r.stderr.includes('address already in use')) throw new Error(r.stderr);
	}
}

beforeAll(async () => {
	await removeContainers(Object.values(n));
	holder = net.createServer();
	await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
	heldPort = (holder.address() as net.AddressInfo).port;
	const free = net.createServer();
	await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
	hostPort = (free.address() as net.AddressInfo).port;
	await new Promise<void>((resolve) => free.close(() => resolve()));
	const image = await noShellImage();
	const web = ['-p', '127.0.0.1::5000', 'dnet/webapp'];
	await runD('--name', n.lo, ...web, 'httpd', '-f', '-p', '127.0.0.1:5000');
	await runD('--name', n.other, ...web, 'httpd', '-f', '-p', '8080');
	await runD('--name', n.nothing, ...web, 'sleep', '100000');
	await dockerOk(['create', '--name', n.stopped, ...web]);
	await docker(['run', '-d', '--name', n.held, '-p', `127.0.0.1:${heldPort}:5000`, 'dnet/webapp']);
	await runD('--name', n.bare, '-p', '127.0.0.1::5000', image);
	await runD('--name', n.udp, '-p', '127.0.0.1::5353/udp', '--expose', '5353/udp', 'dnet/webapp', 'sleep', '100000');
	const pid = (await dockerOk(['inspect', '-f', '{{.State.Pid}}', n.udp])).trim();
	udp = spawn('nsenter', ['-t', pid, '-n', process.execPath, '-e', "require('dgram').createSocket('udp4').bind(5353, '0.0.0.0'); setInterval(() => {}, 1e6)"], {stdio: 'ignore'});
	await runD('--name', n.v6, '-p', '[::1]::5000', 'dnet/webapp');
	await runD('--name', n.host, '--network', 'host', '--expose', String(hostPort), 'dnet/webapp', 'httpd', '-f', '-p', String(hostPort));
	// A link whose source comes back on a new address: another container takes its old one.
	await runD('--name', n.src, 'dnet/webapp');
	await runD('--name', n.rcp, '--link', `${n.src}:db`, 'dnet/webapp');
	await dockerOk(['stop', '-t', '1', n.src]);
	await runD('--name', n.filler, 'dnet/webapp');
	await dockerOk(['start', n.src]);
	// The engine seen from another machine: a TCP relay on the private bridge's address to its socket.
	const gateway = (await dockerOk(['network', 'inspect', 'bridge', '-f', '{{(index .IPAM.Config 0).Gateway}}'])).trim();
	const socketPath = privateHost().slice('unix://'.length);
	relay = net.createServer((c) => {
		const up = net.connect(socketPath);
		c.pipe(up).pipe(c);
		c.on('error', () => up.destroy());
		up.on('error', () => c.destroy());
	});
	await new Promise<void>((resolve) => relay.listen(0, gateway, resolve));
	relayHost = `tcp://${gateway}:${(relay.address() as net.AddressInfo).port}`;
	// The apps are up before the screens are read (the command says so first).
	for (const [name, ready] of [[n.lo, /FAIL +the app listens/], [n.other, /8080\/tcp/], [n.bare, /ok +the app listens/], [n.udp, /ok +the app listens/], [n.v6, /answers from this machine/], [n.host, /something listens/]] as const) {
		for (let i = 0; i < 100 && !ready.test(await doctorText([name])); i++) await new Promise((resolve) => setTimeout(resolve, 100));
	}
}, 120_000);

afterAll(async () => {
	await killAllTuis();
	udp?.kill();
	holder?.close();
	relay?.close();
	await removeContainers(Object.values(n));
});

describe('the port doctor in a terminal, one container per cause', () => {
	it('diagnoses each cause with its verdict, in the words of dnet doctor', {timeout: 180_000}, async () => {
		const tui = await startTui({env: {LANG: 'C.UTF-8'}, cols: 230, rows: 40});
		try {
			await tui.waitForText('connected', 10_000);
			// every container, the stopped ones too
			await tui.sendKeys('a');
			await visit(tui, n.lo, /FAIL +the app listens on 127\.0\.0\.1:5000 inside .*: published traffic cannot reach it/);
			await visit(tui, n.other, /FAIL +nothing listens on 5000\/tcp inside \S+; the app listens on 8080\/tcp/);
			await visit(tui, n.nothing, /FAIL +nothing listens on 5000\/tcp inside \S+ \(no tcp listener at all\)/);
			await visit(tui, n.stopped, /FAIL +\S+ is created \(exit code 0\)/);
			await visit(tui, n.held, new RegExp(`FAIL +\\S+ could not start: .*${heldPort}.*; node \\(pid \\d+\\), a process on this machine, holds it now`));
			await visit(tui, n.bare, /ok +the app listens on \[::\]:5000 inside \S+ \(all interfaces; read from its \/proc\)/);
			const udpScreen = await visit(tui, n.udp, /ok +the app listens on 0\.0\.0\.0:5353 inside \S+/);
			expect(udpScreen).toContain('--    host side not probed: UDP has no handshake to test');
			const v6 = await visit(tui, n.v6, /ok +\[::1\]:\d+ answers from this machine \(open, [\d.]+ ms\)/);
			expect(v6).toMatch(/ok +published: \[::1\]:\d+ -> 5000\/tcp \(reachable from this machine only\)/);
			await visit(tui, n.rcp, new RegExp(`FAIL +${n.rcp}'s link ${n.src}:db: DB_PORT_5000_TCP_ADDR=[\\d.]+.* but ${n.src} is at [\\d.]+ now \\(stale\\)`));
			const host = await visit(tui, n.host, new RegExp(`ok +host network: nothing is published; ${hostPort}/tcp is port ${hostPort} of the engine's machine itself`));
			expect(host).toMatch(new RegExp(`ok +127\\.0\\.0\\.1:${hostPort} answers from this machine \\(open, [\\d.]+ ms\\)`));
		} finally {
			await tui.kill();
		}
	});

	it('says what it could not check when the engine is not on this machine and the image has no cat', {timeout: 60_000}, async () => {
		const tui = await startTui({env: {LANG: 'C.UTF-8', DOCKER_HOST: relayHost}, cols: 230, rows: 30, privateEngine: false});
		try {
			await tui.waitForText('connected', 10_000);
			const screen = await visit(tui, n.bare, /-- +could not read what listens inside \S+: the image has no cat \(.*\) and the engine runs on another machine/, relayHost);
			expect(screen).toContain('--    host side not probed: the engine runs on another machine');
		} finally {
			await tui.kill();
		}
	});
});
