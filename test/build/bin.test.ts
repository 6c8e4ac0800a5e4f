/**
 * dist/cli.js sends a command line to the commands' one-file build or to the full build
 * (source/bin.ts, model/cli/commands.ts): a command goes to the first, everything else to the second,
 * and the list of commands it knows is the list `dnet --help` shows.
 */
import {execFile} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {COMMAND_NAMES, commandOf} from '../../source/model/cli/commands.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

describe('the executable', () => {
	it('finds the command after the global options, as commander reads them', () => {
		expect(commandOf(['ps'])).toBe('ps');
		expect(commandOf(['-H', 'unix:///x.sock', 'port', 'web'])).toBe('port');
		expect(commandOf(['--host', 'tcp://h:1', '--read-only', 'links'])).toBe('links');
		expect(commandOf(['--context=prod', 'ps', '-a'])).toBe('ps');
		expect(commandOf(['-cprod', '-Hunix:///x', 'doctor', 'web'])).toBe('doctor');
		expect(commandOf(['-c', 'ps', 'port'])).toBe('port');
	});

	it('leaves the UI, help, version and anything unknown to the full build', () => {
		for (const argv of [[], ['--read-only'], ['-H', 'unix:///x'], ['--help'], ['-v'], ['bogus'], ['-x', 'ps'], ['--', 'ps'], ['-H']]) expect(commandOf(argv), argv.join(' ')).toBeNull();
	});

	it("knows exactly the commands `dnet --help` lists", async () => {
		const {stdout} = await run(process.execPath, [path.join(root, 'dist', 'cli.js'), '--help'], {cwd: root});
		const listed = stdout
			.slice(stdout.indexOf('Commands:'))
			.split('\n')
			.slice(1)
			.map((l) => /^ {2}([a-z]+) \[args/.exec(l)?.[1])
			.filter((n): n is string => n !== undefined && n !== 'help');
		expect([...listed].sort()).toEqual([...COMMAND_NAMES].sort());
	});
});
