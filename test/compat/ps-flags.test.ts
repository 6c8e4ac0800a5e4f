/**
 * `dnet ps` against `docker ps` on the private engine, same command line through both: every flag
 * form pflag takes (`-n=2`, `-qn2`, `--all=false`, `-n +3`, `-l -n 3`), and every error (unknown
 * flags, a missing or bad value, an argument) in docker's words and exit status; and the IMAGE
 * column as docker shows it (an image given by id, `library/`, a digest dropped).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {psCommand} from '../../source/commands/ps.js';
import {docker, dockerOk, privateEngine, removeContainers, uniqueName} from '../support/engine.js';
import {recordingContext} from '../commands/support.js';

const names = [uniqueName('psf-a'), uniqueName('psf-b'), uniqueName('psf-c'), uniqueName('psf-d'), uniqueName('psf-e'), uniqueName('psf-f')];
const tag = `dnet-psf-${process.pid}:1`;

async function dnet(args: string[]) {
	const engine = privateEngine();
	try {
		const rec = recordingContext(() => engine);
		const code = await psCommand(args, rec.ctx);
		return {stdout: rec.stdout(), stderr: rec.stderr(), code};
	} finally {
		engine.close();
	}
}

const same: string[][] = [
	['-q'], ['-aq'], ['-qa'], ['-q', '--all=false'], ['-q', '--all=true'], ['-q', '-a=false'], ['-q', '-a=1'], ['-q', '-n=2'], ['-q', '-n', '2'],
	['-qn2'], ['-qn=2'], ['-q', '-n', '+3'], ['-q', '-n', '0'], ['-q', '-n', '-1'], ['-q', '-l'], ['-q', '-l', '-n', '3'], ['-q', '-n', '3', '-l'],
	['-ql', '-n', '-1'], ['-ql', '-n', '-2'], ['-q', '--last=0x2'], ['-q', '--last', '0b11'], ['-q', '--latest=false', '-n', '1_0'], ['-q', '--'], ['--quiet', '-a', '--', ],
	['-x'], ['-aqx'], ['-axq'], ['extra'], ['-q', 'extra'], ['--', 'x'], ['-n'], ['--last'], ['-n', 'abc'], ['-n='], ['-n', '08'], ['-n', '99999999999999999999'],
	['--all=maybe'], ['-a=2'], ['--foo'], ['--foo=1'], ['---a'], ['--=x'], ['-q', '-'], ['--help=maybe'],
];

describe('dnet ps vs docker ps', () => {
	beforeAll(async () => {
		const id = (await dockerOk(['image', 'inspect', '--format', '{{.Id}}', 'dnet/webapp'])).trim();
		await dockerOk(['tag', 'dnet/webapp', tag]);
		await dockerOk(['run', '-d', '--name', names[0] as string, 'dnet/webapp']);
		await dockerOk(['create', '--name', names[1] as string, 'dnet/webapp']);
		await dockerOk(['run', '-d', '--name', names[2] as string, id]);
		await dockerOk(['create', '--name', names[3] as string, id.replace(/^sha256:/, '')]);
		await dockerOk(['run', '-d', '--name', names[4] as string, `library/${tag}`]);
		await dockerOk(['create', '--name', names[5] as string, tag]);
	}, 120_000);
	afterAll(async () => {
		await removeContainers(names);
		await docker(['rmi', tag]);
	});

	it.each(same.map((args, i) => [args.join(' ') || '(none)', i] as const))('dnet ps %s', async (_label, i) => {
		const args = same[i] as string[];
		const [ours, theirs] = await Promise.all([dnet(args), docker(['ps', ...args])]);
		expect(ours).toEqual({...theirs, stderr: theirs.stderr.replaceAll('docker', 'dnet')});
	});

	it('shows the IMAGE column as docker does', async () => {
		const ours = await dnet(['-a']);
		const [header = '', ...lines] = ours.stdout.split('\n');
		const from = header.indexOf('IMAGE');
		const to = header.indexOf('STATUS');
		const shown = new Map(lines.map((l) => [l.split(/\s+/)[1], l.slice(from, to).trim()]));
		const theirs = await dockerOk(['ps', '-a', '--format', '{{.Names}} {{.Image}}']);
		const expected = new Map(theirs.trim().split('\n').map((l) => l.split(' ') as [string, string]));
		for (const name of names) expect(shown.get(name), name).toBe(expected.get(name));
		expect(new Set(names.map((n) => expected.get(n))).size).toBeGreaterThan(2);
	});
});
