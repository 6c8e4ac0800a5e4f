/** The docker CLI as the oracle, aimed at any host (the private engine or a capture proxy on it). */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {privateEnv, type DockerResult} from '../../support/engine.js';

const run = promisify(execFile);

/** Runs `docker --host HOST ARGS…`; never throws on a non-zero exit. */
export async function dockerAt(host: string, args: string[]): Promise<DockerResult> {
	try {
		const {stdout, stderr} = await run('docker', ['--host', host, ...args], {env: privateEnv(), timeout: 60_000});
		return {stdout, stderr, code: 0};
	} catch (error) {
		const e = error as {stdout?: string; stderr?: string; code?: number | string};
		return {stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : 1};
	}
}

/** The core of a CLI failure: the `docker: …` line without its prefix, or a flag error's line. */
export function cliError(stderr: string): string | null {
	for (const line of stderr.split('\n')) {
		if (line.startsWith('docker: ')) return line.slice('docker: '.length);
		if (/^invalid argument ".*" for "[^"]+" flag: /.test(line)) return line;
	}
	return null;
}
