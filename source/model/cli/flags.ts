/**
 * One flag parser for every dnet command, with the semantics and words of pflag as the docker CLI
 * uses it (cobra): `-n=2`, `-n 2`, `-n2`, `--last=2`, `--last 2`, `--all=false`, clusters `-aq`,
 * `--` ends the flags, `-` is an argument, options interspersed with arguments or not. Written by
 * hand because no JavaScript parser gives pflag's exact rules and error words (commander, for one,
 * refuses `--all=false` and words its errors its own way), and the commands must fail as docker's do
 * (see "The layers and the feature folders" in ARCHITECTURE.md: model/ is pure).
 */

/** What a flag takes: nothing (a bool, `--x=false` allowed), a string, or a Go int. */
export type FlagKind = 'bool' | 'string' | 'int';

export interface FlagDef {
	/** The long name, without dashes (`last`). */
	long: string;
	/** The one-letter shorthand, if any (`n`). */
	short?: string;
	kind: FlagKind;
}

/** A value given to a flag, in the order given. */
export interface FlagValue {
	long: string;
	value: string | boolean | number;
}

export interface ParsedFlags {
	values: FlagValue[];
	positional: string[];
	/** `--help` (or `-h` when no flag of the command takes `h`) was given and true. */
	help: boolean;
}

/** A command-line error, in pflag's words (`unknown flag: --foo`). */
export class FlagError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FlagError';
	}
}

/** `-n, --last` or `--rm`: how pflag names a flag in its value errors (cobra's `-h` is docker's deprecated alias, unnamed). */
const flagTitle = (def: FlagDef): string => (def.short && def.long !== 'help' ? `-${def.short}, --${def.long}` : `--${def.long}`);

/** Go's strconv.ParseBool. */
export function parseGoBool(value: string): boolean | null {
	if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
	if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
	return null;
}

const INT_SYNTAX = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;
const INT64_MAX = 2n ** 63n - 1n;

/** Go's strconv.ParseInt(value, 0, 64): the number, or the reason (`invalid syntax`, `value out of range`). */
export function parseGoInt(value: string): number | 'invalid syntax' | 'value out of range' {
	if (!INT_SYNTAX.test(value)) return 'invalid syntax';
	const negative = value.startsWith('-');
	let digits = value.replace(/^[+-]/, '').replaceAll('_', '');
	if (/^0[0-7]/.test(digits)) digits = `0o${digits.slice(1)}`;
	const n = BigInt(digits);
	if (negative ? n > INT64_MAX + 1n : n > INT64_MAX) return 'value out of range';
	return Number(negative ? -n : n);
}

function convert(def: FlagDef, raw: string): string | boolean | number {
	const fail = (func: string, why: string) =>
		new FlagError(`invalid argument "${raw}" for "${flagTitle(def)}" flag: strconv.${func}: parsing "${raw}": ${why}`);
	if (def.kind === 'bool') {
		const b = parseGoBool(raw);
		if (b === null) throw fail('ParseBool', 'invalid syntax');
		return b;
	}
	if (def.kind === 'int') {
		const n = parseGoInt(raw);
		if (typeof n !== 'number') throw fail('ParseInt', n);
		return n;
	}
	return raw;
}

const HELP: FlagDef = {long: 'help', short: 'h', kind: 'bool'};

/**
 * Parses `args` against `defs` (plus cobra's `--help`, `-h` unless a flag takes it). With
 * `interspersed: false` (as `docker run`) the flags end at the first argument.
 * @throws FlagError with pflag's message.
 */
export function parseFlags(args: readonly string[], defs: readonly FlagDef[], options: {interspersed: boolean}): ParsedFlags {
	const all = defs.some((d) => d.short === 'h') ? [...defs, {...HELP, short: undefined}] : [...defs, HELP];
	const byLong = new Map(all.map((d) => [d.long, d]));
	const byShort = new Map(all.filter((d) => d.short).map((d) => [d.short as string, d]));
	const result: ParsedFlags = {values: [], positional: [], help: false};
	const set = (def: FlagDef, raw: string | null): void => {
		const value = raw === null ? true : convert(def, raw);
		if (def.long === 'help') result.help = value === true;
		else result.values.push({long: def.long, value});
	};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		if (arg === '--') {
			result.positional.push(...args.slice(i + 1));
			break;
		}
		if (!arg.startsWith('-') || arg === '-') {
			if (!options.interspersed) {
				result.positional.push(...args.slice(i));
				break;
			}
			result.positional.push(arg);
			continue;
		}
		if (arg.startsWith('--')) {
			const body = arg.slice(2);
			if (body.startsWith('-') || body.startsWith('=')) throw new FlagError(`bad flag syntax: ${arg}`);
			const eq = body.indexOf('=');
			const name = eq < 0 ? body : body.slice(0, eq);
			const def = byLong.get(name);
			if (def === undefined) throw new FlagError(`unknown flag: --${name}`);
			if (eq >= 0) set(def, body.slice(eq + 1));
			else if (def.kind === 'bool') set(def, null);
			else if (i + 1 < args.length) set(def, args[++i] as string);
			else throw new FlagError(`flag needs an argument: --${name}`);
			continue;
		}
		let rest = arg.slice(1);
		while (rest.length > 0) {
			const c = rest[0] as string;
			const def = byShort.get(c);
			if (def === undefined) throw new FlagError(`unknown shorthand flag: '${c}' in -${rest}`);
			if (rest.length > 2 && rest[1] === '=') {
				set(def, rest.slice(2));
				break;
			}
			if (def.kind === 'bool') {
				set(def, null);
				rest = rest.slice(1);
				continue;
			}
			if (rest.length > 1) set(def, rest.slice(1));
			else if (i + 1 < args.length) set(def, args[++i] as string);
			else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
			break;
		}
	}
	return result;
}

/** The last value given to a flag, or undefined. */
export function lastValue(parsed: ParsedFlags, long: string): string | boolean | number | undefined {
	for (let i = parsed.values.length - 1; i >= 0; i--) if (parsed.values[i]?.long === long) return parsed.values[i]?.value;
	return undefined;
}

/** Every value given to a flag, in order (repeatable flags: `-p`, `--dns`). */
export function allValues(parsed: ParsedFlags, long: string): string[] {
	return parsed.values.filter((v) => v.long === long).map((v) => String(v.value));
}
