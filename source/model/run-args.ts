/**
 * `dnet run` argument parsing with pflag's rules as the docker CLI applies them to `docker run`:
 * options stop at the IMAGE (not interspersed), `--` ends them, `--name=x`, `-p80`, `-dP`, `-dp 80`
 * all work, and failures use pflag's words.
 */
import {RunSpecError, validateLink, type RunSpec} from './run-spec.js';

type ValueFlag = 'name' | 'publish' | 'expose' | 'link';
type BoolFlag = 'detach' | 'rm' | 'publish-all' | 'dry-run';

const LONG_VALUE = new Set<string>(['name', 'publish', 'expose', 'link']);
const LONG_BOOL = new Set<string>(['detach', 'rm', 'publish-all', 'dry-run']);
const SHORT: Record<string, ValueFlag | BoolFlag> = {d: 'detach', p: 'publish', P: 'publish-all'};

/** The flags `dnet run` supports, for messages and help. */
export const RUN_FLAGS = '-d, --rm, --name NAME, -p/--publish SPEC, -P/--publish-all, --expose PORT, --link NAME[:ALIAS], --dry-run';

function parseBool(flag: string, value: string): boolean {
	if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
	if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
	throw new RunSpecError(`invalid argument "${value}" for "${flag}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`);
}

const unsupported = (message: string) => new RunSpecError(`${message} (dnet run supports ${RUN_FLAGS})`);

/**
 * Parses `dnet run` arguments (after `run`).
 * @throws RunSpecError with pflag's or the CLI's message.
 */
export function parseRunArgs(args: readonly string[]): RunSpec & {help: boolean} {
	const spec: RunSpec & {help: boolean} = {name: null, image: '', command: [], publish: [], publishAll: false, expose: [], links: [], autoRemove: false, dryRun: false, help: false};
	const setValue = (flag: ValueFlag, value: string): void => {
		if (flag === 'name') spec.name = value;
		else if (flag === 'publish') spec.publish.push(value);
		else if (flag === 'expose') spec.expose.push(value);
		else spec.links.push(validateLink(value));
	};
	const setBool = (flag: BoolFlag, value: boolean): void => {
		if (flag === 'rm') spec.autoRemove = value;
		else if (flag === 'publish-all') spec.publishAll = value;
		else if (flag === 'dry-run') spec.dryRun = value;
	};
	let i = 0;
	for (; i < args.length; i++) {
		const arg = args[i] as string;
		if (arg === '--') {
			i++;
			break;
		}
		if (!arg.startsWith('-') || arg === '-') break;
		if (arg.startsWith('--')) {
			const eq = arg.indexOf('=');
			const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
			if (name === 'help') {
				spec.help = true;
			} else if (LONG_BOOL.has(name)) {
				setBool(name as BoolFlag, eq < 0 ? true : parseBool(`--${name}`, arg.slice(eq + 1)));
			} else if (LONG_VALUE.has(name)) {
				let value = eq < 0 ? undefined : arg.slice(eq + 1);
				if (value === undefined) {
					value = args[++i];
					if (value === undefined) throw new RunSpecError(`flag needs an argument: --${name}`);
				}
				setValue(name as ValueFlag, value);
			} else {
				throw unsupported(`unknown flag: --${name}`);
			}
			continue;
		}
		// shorthand cluster: -dP, -p80, -dp 80, -d=false
		const cluster = arg.slice(1);
		for (let k = 0; k < cluster.length; k++) {
			const c = cluster[k] as string;
			if (c === 'h') {
				spec.help = true;
				continue;
			}
			const flag = SHORT[c];
			if (flag === undefined) throw unsupported(`unknown shorthand flag: '${c}' in ${arg}`);
			if (flag === 'detach' || flag === 'publish-all') {
				if (cluster[k + 1] === '=') {
					setBool(flag, parseBool(`-${c}, --${flag}`, cluster.slice(k + 2)));
					break;
				}
				setBool(flag, true);
				continue;
			}
			let value = cluster.slice(k + 1);
			if (value.startsWith('=')) value = value.slice(1);
			else if (value === '') {
				if (i + 1 >= args.length) throw new RunSpecError(`flag needs an argument: '${c}' in -${c}`);
				value = args[++i] as string;
			}
			setValue(flag as ValueFlag, value);
			break;
		}
	}
	if (spec.help) return spec;
	const image = args[i];
	if (image === undefined) throw new RunSpecError("'dnet run' requires at least 1 argument");
	spec.image = image;
	spec.command = args.slice(i + 1);
	return spec;
}
