import {describe, expect, it} from 'vitest';
import {FlagError} from '../../source/model/cli/flags.js';
import {parseRunArgs} from '../../source/model/run-args.js';
import {buildCreateBody, renderDockerRun, RunSpecError, validateContainerName} from '../../source/model/run-spec.js';

describe('parseRunArgs', () => {
	it('reads docker-style flags and stops at the image', () => {
		const spec = parseRunArgs(['-dP', '--rm', '--name=web', '-p80', '-p', '8080:80', '--publish=90/udp', '--expose', '91', '--link', 'db:db', 'img', '-p', '1', '--rm']);
		expect(spec).toMatchObject({name: 'web', image: 'img', command: ['-p', '1', '--rm'], publish: ['80', '8080:80', '90/udp'], expose: ['91'], links: ['db:db'], publishAll: true, autoRemove: true, dryRun: false});
	});
	it('handles -dp 80, -p=80, -P=false, -- and --dry-run', () => {
		expect(parseRunArgs(['-dp', '80', 'img']).publish).toEqual(['80']);
		expect(parseRunArgs(['-p=80', 'img']).publish).toEqual(['80']);
		expect(parseRunArgs(['-P=false', 'img']).publishAll).toBe(false);
		expect(parseRunArgs(['--dry-run', '--', '-img', 'x']).image).toBe('-img');
		expect(parseRunArgs(['-p', '-1', 'img']).publish).toEqual(['-1']);
	});
	const failures: Array<[string[], string]> = [
		[['-p'], "flag needs an argument: 'p' in -p"],
		[['--name'], 'flag needs an argument: --name'],
		[['--link', 'a:b:c', 'img'], 'invalid argument "a:b:c" for "--link" flag: bad format for links: a:b:c'],
		[['--link', '', 'img'], 'invalid argument "" for "--link" flag: empty string specified for links'],
		[['--rm=maybe', 'img'], 'invalid argument "maybe" for "--rm" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
	];
	it.each(failures)('rejects %j', (args, message) => {
		expect(() => parseRunArgs(args)).toThrowError(new FlagError(message));
	});
	it('rejects flags docker run has and dnet run does not, naming them', () => {
		expect(() => parseRunArgs(['-e', 'A=1', 'img'])).toThrow(/^dnet run does not support docker run's -e\/--env \(it supports /);
		expect(() => parseRunArgs(['-dv', '/x:/y', 'img'])).toThrow(/^dnet run does not support docker run's -v\/--volume /);
		expect(() => parseRunArgs(['-dt', 'img'])).toThrow(/^dnet run has no -t\/--tty: for an interactive container use docker run -it$/);
		expect(() => parseRunArgs(['--memory=1g', 'img'])).toThrow(/^dnet run does not support docker run's --memory /);
		expect(() => parseRunArgs(['--nope', 'img'])).toThrowError(new FlagError('unknown flag: --nope'));
		expect(() => parseRunArgs(['-Z', 'img'])).toThrowError(new FlagError("unknown shorthand flag: 'Z' in -Z"));
	});
	it('reads -h as --hostname, as docker run does', () => {
		expect(parseRunArgs(['-h', 'box', 'img']).hostname).toBe('box');
		expect(parseRunArgs(['-dhbox', 'img']).hostname).toBe('box');
		expect(parseRunArgs(['--hostname=a', '-h', 'b', 'img']).hostname).toBe('b');
		expect(parseRunArgs(['img']).hostname).toBeUndefined();
		expect(() => parseRunArgs(['-h'])).toThrowError(new FlagError("flag needs an argument: 'h' in -h"));
		expect(parseRunArgs(['--help']).help).toBe(true);
	});
	it('knows when no IMAGE was given', () => {
		expect(parseRunArgs([]).hasImage).toBe(false);
		expect(parseRunArgs(['-d']).hasImage).toBe(false);
		expect(parseRunArgs(['--', '']).hasImage).toBe(true);
	});
});

describe('buildCreateBody', () => {
	const base = parseRunArgs(['img']);
	it('sends what docker run -d sends', () => {
		const body = buildCreateBody({...base, publish: ['8080:80'], links: ['db'], autoRemove: true, command: ['sh']});
		expect(body).toMatchObject({Image: 'img', Cmd: ['sh'], ExposedPorts: {'80/tcp': {}}, AttachStdout: false});
		expect(body.HostConfig).toEqual({PortBindings: {'80/tcp': [{HostIp: '', HostPort: '8080'}]}, PublishAllPorts: false, Links: ['db'], AutoRemove: true, Dns: [], DnsSearch: [], DnsOptions: [], ExtraHosts: null, NetworkMode: 'default'});
		expect(body.NetworkingConfig).toEqual({EndpointsConfig: {default: expect.objectContaining({IPAMConfig: null, Links: null, Aliases: null})}});
		expect(buildCreateBody(base)).not.toHaveProperty('ExposedPorts');
		expect(buildCreateBody(base).Cmd).toBeNull();
	});
	it('checks ports before the name, with the CLI and engine words', () => {
		expect(() => buildCreateBody({...base, name: 'a', publish: ['abc']})).toThrow('invalid containerPort: abc');
		expect(() => buildCreateBody({...base, name: 'a'})).toThrow('Invalid container name (a), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed');
		expect(() => validateContainerName('/web')).not.toThrow();
		expect(() => validateContainerName('bad name')).toThrow(RunSpecError);
	});
	it('renders the equivalent docker run', () => {
		expect(renderDockerRun({...base, name: 'web', publish: ['127.0.0.1::5000/udp'], command: ['echo', "it's"]})).toBe(
			"docker run -d --name web -p 127.0.0.1::5000/udp img echo 'it'\\''s'",
		);
	});
});
