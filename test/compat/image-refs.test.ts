/**
 * Image references: `dnet run --dry-run REF` against `docker run -d REF` with an engine address that
 * leads nowhere, so that docker answers from its own checks only: a reference docker refuses is
 * refused in the same words and exit status (and dnet contacts no engine); one docker takes gets as
 * far as the engine there, and dnet takes it too.
 */
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {runCommand} from '../../source/commands/run.js';
import {recordingContext} from '../commands/support.js';

const exec = promisify(execFile);

async function docker(args: string[]): Promise<{stdout: string; stderr: string; code: number}> {
	const env = {...process.env, DOCKER_HOST: 'unix:///nonexistent/dnet-test.sock'};
	try {
		const {stdout, stderr} = await exec('docker', args, {env, timeout: 30_000});
		return {stdout, stderr, code: 0};
	} catch (error) {
		const e = error as {stdout?: string; stderr?: string; code?: number};
		return {stdout: e.stdout ?? '', stderr: e.stderr ?? '', code: typeof e.code === 'number' ? e.code : -1};
	}
}

const hex64 = '0123456789abcdef'.repeat(4);
const refs = [
	'', '-', 'ceo/BB', 'img:', 'img@sha256:xyz', 'busybox', 'busybox:latest', 'Busybox', 'localhost:5000/x/y:1.0', 'LOCALHOST/x',
	'Foo.com/x', 'foo.com/X', 'a//b', 'a/b/', 'a__b', 'a___b', 'a--b', '_a', 'a:tag:tag', 'a:-tag', 'a:_tag', `img@sha256:${hex64}`,
	`img@sha256:${hex64.slice(0, 32)}`, `img@sha512:${hex64}`, `img@md5:${hex64}`, `sha256:${hex64}`, hex64, '0123456789ab', 'sha256:abc',
	'[::1]:5000/x', 'x:5000', 'a.b', 'a'.repeat(250), `a/${'b'.repeat(250)}`, `x.io/${'b'.repeat(255)}`, `x.io/${'b'.repeat(256)}`, `${hex64.toUpperCase()}`,
	'a:B', 'a@b', 'x:5000/Y', `a:${'t'.repeat(128)}`, `a:${'t'.repeat(129)}`, 'a/b:c@sha256:' + hex64, 'a b', ' a', 'img\n',
];

describe('dnet run image references vs docker run', () => {
	it.each(refs.map((r, i) => [JSON.stringify(r).slice(0, 60), i] as const))('%s', async (_label, i) => {
		const ref = refs[i] as string;
		const theirs = await docker(['run', '-d', '--', ref]);
		const rec = recordingContext(() => {
			throw new Error('an image reference check must not contact the engine');
		});
		const code = await runCommand(['--dry-run', '--', ref], rec.ctx);
		if (theirs.stderr.includes('Cannot connect to the Docker daemon')) {
			expect({code, stderr: rec.stderr()}).toEqual({code: 0, stderr: ''});
			expect(JSON.parse(rec.stdout())).toMatchObject({create: {Image: ref}});
		} else {
			expect(theirs.code).toBe(125);
			expect({code, stdout: rec.stdout(), stderr: rec.stderr()}).toEqual({code: 125, stdout: '', stderr: theirs.stderr.replaceAll('docker', 'dnet')});
		}
	});
});
