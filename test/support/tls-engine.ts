/**
 * A second, short-lived dockerd for the TLS tests: it listens on a free loopback TCP port with
 * `--tlsverify` and certificates made here with openssl (a CA, a server certificate for 127.0.0.1
 * and localhost, a client certificate), plus a unix socket of its own. No bridge, no iptables, its
 * own data, exec root and containerd namespace: nothing of the shared private engine is touched.
 *
 * ```ts
 * const tls = await startTlsEngine();
 * tls.host;          // tcp://127.0.0.1:PORT
 * tls.certDir;       // ca.pem cert.pem key.pem (the client's), as DOCKER_CERT_PATH wants them
 * tls.wrongCaDir;    // the same client files with another CA's ca.pem
 * await tls.stop();
 * ```
 */
import {execFile, spawn} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {waitFor} from './wait-for.js';

const exec = promisify(execFile);

export interface TlsEngine {
	host: string;
	port: number;
	socket: string;
	certDir: string;
	wrongCaDir: string;
	stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

const openssl = (args: string[], cwd: string): Promise<unknown> => exec('openssl', args, {cwd});

async function makeCa(dir: string, name: string): Promise<void> {
	await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${name}-key.pem`, '-out', `${name}.pem`], dir);
}

async function makeCert(dir: string, ca: string, name: string, ext: string): Promise<void> {
	writeFileSync(path.join(dir, `${name}.ext`), ext);
	await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`], dir);
	await openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}-key.pem`, '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.pem`], dir);
}

export async function startTlsEngine(): Promise<TlsEngine> {
	const root = mkdtempSync(path.join(tmpdir(), 'dnet-tls-'));
	const pki = path.join(root, 'pki');
	mkdirSync(pki);
	await makeCa(pki, 'ca');
	await makeCa(pki, 'other-ca');
	await makeCert(pki, 'ca', 'server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
	await makeCert(pki, 'ca', 'client', 'extendedKeyUsage=clientAuth\n');
	const certDir = path.join(root, 'client');
	const wrongCaDir = path.join(root, 'wrong-ca');
	for (const [dir, ca] of [
		[certDir, 'ca.pem'],
		[wrongCaDir, 'other-ca.pem'],
	] as const) {
		mkdirSync(dir);
		copyFileSync(path.join(pki, ca), path.join(dir, 'ca.pem'));
		copyFileSync(path.join(pki, 'client.pem'), path.join(dir, 'cert.pem'));
		copyFileSync(path.join(pki, 'client-key.pem'), path.join(dir, 'key.pem'));
	}
	const port = await freePort();
	const socket = path.join(root, 'docker.sock');
	const ns = `dnet-tls-${port}`;
	writeFileSync(path.join(root, 'daemon.json'), '{}');
	const log = path.join(root, 'dockerd.log');
	const daemon = spawn(
		'dockerd',
		[
			'--host', `tcp://127.0.0.1:${port}`,
			'--host', `unix://${socket}`,
			'--tlsverify',
			'--tlscacert', path.join(pki, 'ca.pem'),
			'--tlscert', path.join(pki, 'server.pem'),
			'--tlskey', path.join(pki, 'server-key.pem'),
			'--config-file', path.join(root, 'daemon.json'),
			'--data-root', path.join(root, 'data'),
			'--exec-root', path.join(root, 'exec'),
			'--pidfile', path.join(root, 'docker.pid'),
			'--containerd-namespace', ns,
			'--containerd-plugins-namespace', `${ns}-plugins`,
			'--bridge', 'none',
			'--iptables=false', '--ip6tables=false', '--ip-masq=false', '--ip-forward=false',
		],
		{stdio: ['ignore', 'ignore', 'ignore'], env: {...process.env, DOCKER_HOST: ''}},
	);
	writeFileSync(log, '');
	const exited = new Promise<void>((resolve) => daemon.once('exit', () => resolve()));
	const stop = async (): Promise<void> => {
		if (daemon.exitCode === null && daemon.signalCode === null) {
			daemon.kill('SIGTERM');
			await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
			if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill('SIGKILL');
		}
		await exec('sh', ['-c', `grep -l " ${root}/" /proc/[0-9]*/cmdline 2>/dev/null | cut -d/ -f3`]).then(
			async ({stdout}) => {
				for (const pid of stdout.split('\n').filter(Boolean)) await exec('kill', ['-KILL', pid]).catch(() => undefined);
			},
			() => undefined,
		);
		for (const m of readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1] ?? '').filter((m) => m.startsWith(`${root}/`)).sort().reverse()) {
			await exec('umount', ['-l', m]).catch(() => undefined);
		}
		rmSync(root, {recursive: true, force: true});
	};
	try {
		await waitFor(async () => {
			if (daemon.exitCode !== null) throw new Error('the TLS dockerd exited');
			await exec('docker', ['--host', `unix://${socket}`, 'version', '--format', '{{.Server.Version}}'], {env: {PATH: process.env['PATH']}});
		}, 60_000, 200);
	} catch (error) {
		await stop();
		throw error;
	}
	return {host: `tcp://127.0.0.1:${port}`, port, socket, certDir, wrongCaDir, stop};
}
