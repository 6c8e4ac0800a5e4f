/**
 * A mistyped subcommand or global flag fails as the docker CLI's does (`docker pss`, `docker
 * --foo`): the same words with dnet's name, the same exit status. The entry (source/cli.ts) is
 * bundled on its own here, so that the test does not depend on `npm run build`.
 */
import {execFile} from 'node:child_process';
import {mkdirSync, rmSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {DockerResult} from '../support/engine.js';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Inside the repository, so that the bundle resolves its packages from node_modules.
const outdir = path.join(root, 'node_modules', '.cache', `dnet-cli-test-${process.pid}`);
const cli = path.join(outdir, 'cli.js');

async function exec(file: string, args: string[]): Promise<DockerResult> {
	// No engine is needed: the address points nowhere, and no case may reach it.
	const env = {...process.env, DOCKER_HOST: 'unix:///nonexistent/dnet-test.sock'};
	try {
		const {stdout, stderr} = await run(file, args, {env, timeout: 30_000});
		return {stdout, stderr, code: 0};
	} catch (error) {
		const e = error as {stdout?: string; stderr?: string; code?: number};
		return {stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : -1};
	}
}

const dnet = (args: string[]): Promise<DockerResult> => exec(process.execPath, [cli, ...args]);
const docker = (args: string[]): Promise<DockerResult> => exec('docker', args);
const named = (r: DockerResult): DockerResult => ({...r, stderr: r.stderr.replaceAll('docker', 'dnet')});

beforeAll(async () => {
	mkdirSync(outdir, {recursive: true});
	await build({
		entryPoints: [path.join(root, 'source', 'cli.ts')],
		outfile: cli,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		jsx: 'automatic',
		packages: 'external',
		logLevel: 'silent',
	});
}, 60_000);

afterAll(() => rmSync(outdir, {recursive: true, force: true}));

describe('dnet with a mistyped command or flag', () => {
	it.each([[['pss']], [['prot', 'web']], [['']]])('dnet %j fails as docker does', async (args) => {
		const [ours, theirs] = await Promise.all([dnet(args), docker(args)]);
		expect(theirs.code).toBe(1);
		expect(ours).toEqual(named(theirs));
	});

	it.each([[['--foo']], [['-x', 'ps']], [['pss', '-a']]])('dnet %j: docker\'s flag error and exit status 125', async (args) => {
		const [ours, theirs] = await Promise.all([dnet(args), docker(args)]);
		expect(theirs.code).toBe(125);
		// dnet's usage line says that the command is optional (no command: the full-screen UI).
		const usage = (r: DockerResult): DockerResult => ({...r, stderr: r.stderr.replace(/^Usage: .*$/m, 'Usage: …')});
		expect(usage(ours)).toEqual(usage(named(theirs)));
		expect(ours.stderr).toContain('Usage:  dnet [OPTIONS] [COMMAND] [ARG...]');
	});

	it('still runs its commands and says --version', async () => {
		expect((await dnet(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
		const ps = await dnet(['ps']);
		expect(ps.code).toBe(1);
		expect(ps.stderr).toContain('cannot connect to the Docker engine');
	});
});
