/**
 * `dnet doctor` on real containers of the private engine, one per cause of a port that does not
 * answer (issue 16): each diagnosed with the right verdict, in text and in --json.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import net from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {doctorCommand} from '../../source/commands/doctor.js';
import type {Engine} from '../../source/engine/engine.js';
import type {Diagnosis} from '../../source/model/doctor/facts.js';
import {recordingContext} from '../commands/support.js';
import {noShellImage} from '../support/doctor-images.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {waitFor} from '../support/wait-for.js';

const engine = privateEngine();
const n = {
	good: uniqueName('doc-good'),
	loopback: uniqueName('doc-lo'),
	other: uniqueName('doc-other'),
	nothing: uniqueName('doc-nothing'),
	stopped: uniqueName('doc-stopped'),
	held: uniqueName('doc-held'),
	bare: uniqueName('doc-bare'),
	udp: uniqueName('doc-udp'),
	v6lo: uniqueName('doc-v6lo'),
	exposed: uniqueName('doc-exposed'),
	second: uniqueName('doc-second'),
	udpTwin: uniqueName('doc-udp-twin'),
	v6host: uniqueName('doc-v6host'),
};
let server: net.Server;
let udp: ChildProcess | undefined;
let heldPort = 0;

async function doctor(args: string[], eng: Engine = engine): Promise<{code: number; out: string; err: string}> {
	const rec = recordingContext(() => eng);
	const code = await doctorCommand(args, rec.ctx);
	return {code, out: rec.stdout(), err: rec.stderr()};
}

async function json(name: string, eng: Engine = engine): Promise<Diagnosis> {
	return JSON.parse((await doctor([name, '--json'], eng)).out) as Diagnosis;
}

const verdictOf = (d: Diagnosis, check: string): string[] => d.ports.flatMap((p) => p.checks.filter((c) => c.check === check).map((c) => `${c.verdict} ${c.text}`));

/** Waits until the container's app listens (or for a few reads, for the "nothing listens" ones). */
async function listening(name: string, pattern: RegExp): Promise<void> {
	await waitFor(async () => expect((await doctor([name])).out).toMatch(pattern), 10_000, 100);
}

beforeAll(async () => {
	server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	heldPort = (server.address() as net.AddressInfo).port;
	const image = await noShellImage();
	// Another engine on this machine may hold the host port this one picks: try again.
	const run = async (name: string, ...args: string[]): Promise<void> => {
		for (let i = 0; ; i++) {
			const r = await docker(['run', '-d', '--name', name, ...args]);
			if (r.code === 0) return;
			await docker(['rm', '-f', name]);
			if (i === 4 || !r.stderr.includes('address already in use')) throw new Error(r.stderr);
		}
	};
	await run(n.good, '-p', '127.0.0.1::5000', 'dnet/webapp');
	await run(n.loopback, '-p', '127.0.0.1::5000', 'dnet/webapp', 'httpd', '-f', '-p', '127.0.0.1:5000');
	await run(n.other, '-p', '127.0.0.1::5000', 'dnet/webapp', 'httpd', '-f', '-p', '8080');
	await run(n.nothing, '-p', '127.0.0.1::5000', 'dnet/webapp', 'sleep', '100000');
	await dockerOk(['create', '--name', n.stopped, '-p', '127.0.0.1::5000', 'dnet/webapp']);
	// The start fails: a process of this machine (this test) holds the host port.
	await docker(['run', '-d', '--name', n.held, '-p', `127.0.0.1:${heldPort}:5000`, 'dnet/webapp']);
	await run(n.bare, '-p', '127.0.0.1::5000', image);
	// busybox has no UDP server: a UDP socket bound in the container's network namespace (nsenter) is one.
	await run(n.udp, '-p', '127.0.0.1::5353/udp', '--expose', '5353/udp', 'dnet/webapp', 'sleep', '100000');
	const pid = (await dockerOk(['inspect', '-f', '{{.State.Pid}}', n.udp])).trim();
	udp = spawn('nsenter', ['-t', pid, '-n', process.execPath, '-e', "require('dgram').createSocket('udp4').bind(5353, '0.0.0.0'); setInterval(() => {}, 1e6)"], {stdio: 'ignore'});
	// The default bridge turns IPv6 off in the container; lo keeps ::1 with these.
	const v6 = ['--sysctl', 'net.ipv6.conf.all.disable_ipv6=0', '--sysctl', 'net.ipv6.conf.lo.disable_ipv6=0'];
	await run(n.v6lo, '-p', '127.0.0.1::5000', ...v6, 'dnet/webapp', 'httpd', '-f', '-p', '[::1]:5000');
	await run(n.exposed, 'dnet/webapp');
	await run(n.v6host, '-p', '[::1]::5000', 'dnet/webapp');
}, 120_000);

afterAll(async () => {
	await removeContainers(Object.values(n));
	server.close();
	udp?.kill();
	engine.close();
});

describe('dnet doctor on real containers', () => {
	it('passes every check of a healthy web app: listening on all interfaces, the probe open (exit 0)', async () => {
		await listening(n.good, /ok +the app listens/);
		const r = await doctor([n.good]);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/^ {2}ok {4}container is running$/m);
		expect(r.out).toMatch(/ok +published: 127\.0\.0\.1:\d+ -> 5000\/tcp \(reachable from this machine only\)/);
		expect(r.out).toMatch(/ok +the app listens on \[::\]:5000 inside .*\(all interfaces; read from its \/proc\)/);
		expect(r.out).toMatch(/ok +127\.0\.0\.1:\d+ answers from this machine \(open, [\d.]+ ms\)/);
		const d = await json(n.good);
		expect(d.ok).toBe(true);
		expect(d.sockets).toBe('proc');
	});

	it('finds an app listening on 127.0.0.1 inside: FAIL with the fix, the probe skipped (exit 1)', async () => {
		await listening(n.loopback, /FAIL +the app listens on 127\.0\.0\.1:5000 inside .*: published traffic cannot reach it/);
		const r = await doctor([n.loopback]);
		expect(r.code).toBe(1);
		expect(r.out).toContain('fix: make it listen on 0.0.0.0:5000 (or [::]:5000)');
		expect(r.out).toContain('--    host side not probed: nothing to reach until the app listens');
		const d = await json(n.loopback);
		expect(d.ok).toBe(false);
		expect(verdictOf(d, 'listen')[0]).toMatch(/^FAIL the app listens on 127\.0\.0\.1:5000/);
		expect(verdictOf(d, 'probe')[0]).toMatch(/^-- /);
	});

	it('says the app listens on another port than the published one', async () => {
		await listening(n.other, /nothing listens on 5000\/tcp inside .*; the app listens on 8080\/tcp/);
		const d = await json(n.other);
		expect(d.ok).toBe(false);
		expect(d.ports[0]?.checks.find((c) => c.check === 'listen')?.fix).toMatch(/-p HOST:8080/);
	});

	it('says nothing listens at all', async () => {
		const r = await doctor([n.nothing, '5000']);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/FAIL +nothing listens on 5000\/tcp inside .* \(no tcp listener at all\)/);
	});

	it('finds a stopped container and says how to start it', async () => {
		const r = await doctor([n.stopped]);
		expect(r.code).toBe(1);
		expect(r.out).toContain(`${n.stopped} 5000/tcp -> 127.0.0.1:(any)\n`);
		expect(r.out).toMatch(/ok +published: 127\.0\.0\.1:\(any\) -> 5000\/tcp/);
		expect(r.out).toMatch(/FAIL +.* is created \(exit code 0\)\n +fix: docker start /);
		expect(r.out).toMatch(/-- +nothing to read inside .*: it is not running/);
		expect((await json(n.stopped)).ports[0]?.checks[0]?.verdict).toBe('FAIL');
	});

	it('gives the engine reason of a failed start and who holds the host port', async () => {
		const r = await doctor([n.held]);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(new RegExp(`FAIL +.* could not start: .*${heldPort}.*; node \\(pid ${process.pid}\\), a process on this machine, holds it now`));
	});

	it('names the container that holds the host port a failed start wanted', async () => {
		const port = (await dockerOk(['port', n.good, '5000/tcp'])).trim().split(':').pop() ?? '';
		// The same port number on udp is another port: its holder must not be named for a tcp bind.
		// (doc-udp's random udp port often has that number already; then this one cannot start, which is as good.)
		await docker(['run', '-d', '--name', n.udpTwin, '-p', `127.0.0.1:${port}:5000/udp`, 'dnet/webapp']);
		expect(await dockerOk(['ps', '--format', '{{.Ports}}'])).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}->\\d+/udp`));
		await docker(['run', '-d', '--name', n.second, '-p', `127.0.0.1:${port}:5000`, 'dnet/webapp']);
		const r = await doctor([n.second]);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(new RegExp(`FAIL +${n.second} could not start: .*${port}.*; container ${n.good} holds it now\n +fix: free that host port or publish another one`));
	});

	it('reads the sockets of an image without a shell from /proc, and says what it could not check without the rights', async () => {
		await listening(n.bare, /ok +the app listens on \[::\]:5000 .*read from its \/proc/);
		// The same container, as if dnet could not read /proc here: exec finds no cat.
		const noRights = new Proxy(engine, {
			get: (target, key, receiver) => (key === 'readEngineFile' ? async () => null : Reflect.get(target, key, receiver) as unknown),
		});
		const r = await doctor([n.bare], noRights);
		expect(r.out).toMatch(/-- +could not read what listens inside .*: the image has no cat \(.*executable file not found.*\) and dnet may not read \/proc\/\d+ of its process here/);
		expect(r.code).toBe(0);
		expect((await json(n.bare, noRights)).sockets).toBe('none');
	});

	it('reads through cat in the container when /proc cannot be read here', async () => {
		const noRights = new Proxy(engine, {
			get: (target, key, receiver) => (key === 'readEngineFile' ? async () => null : Reflect.get(target, key, receiver) as unknown),
		});
		await waitFor(async () => expect((await doctor([n.good], noRights)).out).toMatch(/ok +the app listens on \[::\]:5000 .*read from cat in the container/), 10_000, 100);
		expect((await json(n.good, noRights)).sockets).toBe('exec');
	});

	it('probes when the sockets cannot be read, and finds the engine proxy closing what nothing answers behind', async () => {
		// Neither /proc nor cat: the listen check is not made, so the probe speaks.
		const blind = new Proxy(engine, {
			get: (target, key, receiver) => {
				if (key === 'readEngineFile') return async () => null;
				if (key === 'exec') return async () => ({exitCode: 127, stdout: '', stderr: 'exec: "cat": executable file not found in $PATH'});
				return Reflect.get(target, key, receiver) as unknown;
			},
		});
		const r = await doctor([n.nothing], blind);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/-- +could not read what listens inside/);
		expect(r.out).toMatch(/FAIL +127\.0\.0\.1:\d+ accepts, then the engine's proxy closes it: nothing answers behind it/);
	});

	it('finds a UDP listener and does not probe UDP', async () => {
		await listening(n.udp, /ok +the app listens on 0\.0\.0\.0:5353 inside/);
		const d = await json(n.udp);
		const port = d.ports.find((p) => p.port === '5353/udp');
		expect(port?.checks.find((c) => c.check === 'probe')).toEqual({check: 'probe', verdict: '--', text: 'host side not probed: UDP has no handshake to test'});
	});

	it('finds an app listening on IPv6 loopback only', async () => {
		await listening(n.v6lo, /FAIL +the app listens on \[::1\]:5000 inside/);
	});

	it('reads an IPv6 binding and probes it over IPv6 loopback', async () => {
		await listening(n.v6host, /ok +\[::1\]:\d+ answers from this machine \(open, [\d.]+ ms\)/);
		const r = await doctor([n.v6host]);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/ok +published: \[::1\]:\d+ -> 5000\/tcp \(reachable from this machine only\)/);
	});

	it('says a port is exposed but not published, and the -p that would publish it', async () => {
		const r = await doctor([n.exposed]);
		expect(r.code).toBe(1);
		expect(r.out).toMatch(/FAIL +5000\/tcp is exposed but not published: nothing on the host leads to it\n +fix: publish it: -p 5000:5000/);
	});

	it('fails as docker does for a missing container and a usage error', async () => {
		const missing = await doctor(['dnet-no-such-container-h16']);
		expect(missing.code).toBe(1);
		expect(missing.err).toBe('Error response from daemon: No such container: dnet-no-such-container-h16\n');
		expect((await doctor([])).code).toBe(125);
		expect((await doctor([n.good, 'http'])).code).toBe(125);
		expect((await doctor([n.good, '--bogus'])).err).toContain('unknown flag: --bogus');
		// the one pflag-compatible parser: docker's forms and words
		expect(await doctor([n.good, '--bogus'])).toMatchObject({code: 125, err: "unknown flag: --bogus\n\nUsage:  dnet doctor CONTAINER [PORT[/PROTO]] [--json]\n\nRun 'dnet doctor --help' for more information\n"});
		expect(await doctor([n.good, '--json=maybe'])).toMatchObject({code: 125, err: expect.stringContaining('invalid argument "maybe" for "--json" flag: strconv.ParseBool: parsing "maybe": invalid syntax')});
		expect((await doctor(['--json=false', n.good])).out).toMatch(/^\S+ 5000\/tcp -> /);
		expect(JSON.parse((await doctor(['--json=1', '--', n.good])).out)).toMatchObject({container: n.good});
		expect((await doctor(['-h'])).out).toContain('Usage:  dnet doctor');
	});
});
