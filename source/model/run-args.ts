/**
 * `dnet run` argument parsing with the one pflag-compatible parser (`flags.ts`), as the docker CLI
 * applies it to `docker run`: options stop at the IMAGE (not interspersed), `--` ends them,
 * `--name=x`, `-p80`, `-dP`, `-dp 80`, `--rm=false` all work, and failures use pflag's words.
 */
import {dockerRunFlag} from './cli/docker-run-flags.js';
import {errorText} from './error-text.js';
import {parseNetworkOpt, validateDns, validateExtraHost, type NetworkAttachment} from './cli/run-network.js';
import {allValues, FlagError, lastValue, parseFlags, type FlagDef} from './cli/flags.js';
import {validateLink, type RunSpec} from './run-spec.js';

/** The flags of `docker run` that dnet run supports. */
export const RUN_FLAG_DEFS: readonly FlagDef[] = [
	{long: 'detach', short: 'd', kind: 'bool'},
	{long: 'rm', kind: 'bool'},
	{long: 'name', kind: 'string'},
	{long: 'publish', short: 'p', kind: 'string'},
	{long: 'publish-all', short: 'P', kind: 'bool'},
	{long: 'expose', kind: 'string'},
	{long: 'link', kind: 'string'},
	{long: 'dry-run', kind: 'bool'},
	{long: 'hostname', short: 'h', kind: 'string'},
	{long: 'network', kind: 'string'},
	{long: 'net', kind: 'string'},
	{long: 'network-alias', kind: 'string'},
	{long: 'net-alias', kind: 'string'},
	{long: 'ip', kind: 'string'},
	{long: 'ip6', kind: 'string'},
	{long: 'dns', kind: 'string'},
	{long: 'add-host', kind: 'string'},
];

const SUPPORTED = new Set(RUN_FLAG_DEFS.map((d) => d.long));

/** The flags `dnet run` supports, for messages and help. */
export const RUN_FLAGS =
	'-d, --rm, --name NAME, -h/--hostname NAME, -p/--publish SPEC, -P/--publish-all, --expose PORT, --link NAME[:ALIAS], --network NETWORK, --network-alias ALIAS, --ip IPV4, --ip6 IPV6, --dns IP, --add-host HOST:IP, --dry-run';

/** `-i`/`-t`: dnet run streams output only; one line points at `docker run -it`. */
export class InteractiveError extends FlagError {}

/** What the command line says: the spec, and whether `--help` was asked for. */
export type RunArgs = RunSpec & {help: boolean; detach: boolean; hasImage: boolean};

/**
 * Parses `dnet run` arguments (after `run`); the IMAGE is '' when none was given.
 * @throws FlagError with pflag's message (a bad `--link` too, as the CLI checks it while parsing).
 */
export function parseRunArgs(args: readonly string[]): RunArgs {
	let parsed;
	try {
		parsed = parseFlags(args, RUN_FLAG_DEFS, {interspersed: false});
	} catch (error) {
		const flag = error instanceof FlagError ? dockerRunFlag(error.message, SUPPORTED) : null;
		if (flag === null) throw error;
		const interactive = {'--interactive': '-i/--interactive', '--tty': '-t/--tty'}[flag.replace(/^-.\//, '')];
		if (interactive !== undefined) throw new InteractiveError(`dnet run has no ${interactive}: for an interactive container use docker run -it`);
		throw new FlagError(`dnet run does not support docker run's ${flag} (it supports ${RUN_FLAGS})`);
	}
	// pflag checks each value as it is set: the first bad one, in command-line order, is the error.
	const links: string[] = [];
	const dns: string[] = [];
	const extraHosts: string[] = [];
	const networks: NetworkAttachment[] = [];
	const networkAliases: string[] = [];
	try {
		for (const {long, value} of parsed.values) {
			const text = String(value);
			if (long === 'link') links.push(validateLink(text));
			else if (long === 'dns') dns.push(validateDns(text));
			else if (long === 'add-host') extraHosts.push(validateExtraHost(text));
			else if (long === 'network' || long === 'net') networks.push(parseNetworkOpt(text, `--${long}`));
			else if (long === 'network-alias' || long === 'net-alias') networkAliases.push(text);
		}
	} catch (error) {
		throw new FlagError(errorText(error));
	}
	const [image = '', ...command] = parsed.positional;
	const name = lastValue(parsed, 'name');
	const hostname = lastValue(parsed, 'hostname');
	const ip = lastValue(parsed, 'ip');
	const ip6 = lastValue(parsed, 'ip6');
	return {
		name: typeof name === 'string' ? name : null,
		image,
		command,
		publish: allValues(parsed, 'publish'),
		publishAll: lastValue(parsed, 'publish-all') === true,
		expose: allValues(parsed, 'expose'),
		links,
		autoRemove: lastValue(parsed, 'rm') === true,
		dryRun: lastValue(parsed, 'dry-run') === true,
		detach: lastValue(parsed, 'detach') === true,
		...(typeof hostname === 'string' && hostname !== '' ? {hostname} : {}),
		...(networks.length > 0 ? {networks} : {}),
		...(networkAliases.length > 0 ? {networkAliases} : {}),
		...(typeof ip === 'string' && ip !== '' ? {ip} : {}),
		...(typeof ip6 === 'string' && ip6 !== '' ? {ip6} : {}),
		...(dns.length > 0 ? {dns} : {}),
		...(extraHosts.length > 0 ? {extraHosts} : {}),
		help: parsed.help,
		hasImage: parsed.positional.length > 0,
	};
}
