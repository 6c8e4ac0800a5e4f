/**
 * The prologue every command shares: its flags parsed by the one pflag-compatible parser
 * (`model/flags.ts`), and failures printed in the docker CLI's shape and exit statuses: a flag
 * error is its line, the usage and a `--help` hint (125); a wrong count of arguments is the same
 * with `dnet: ` before it (1); `--help` prints the help (0).
 */
import {FlagError, parseFlags, type FlagDef, type ParsedFlags} from '../model/cli/flags.js';
import type {CommandContext} from './context.js';

/** `<message>`, the usage line and a `--help` hint (docker's shape of a usage error). */
export function usageFailure(command: string, usage: string, message: string): string {
	return `${message}\n\n${usage}\n\nRun 'dnet ${command} --help' for more information\n`;
}

/** How a command takes its flags and positional arguments. */
export interface PositionalSpec {
	name: string;
	usage: string;
	help: string;
	/** The command's own flags (none when absent); `--help` is always there. */
	flags?: readonly FlagDef[];
	/** False when the flags end at the first argument (as `docker run`). */
	interspersed?: boolean;
	/** True when this many positional arguments are acceptable. */
	accepts(count: number): boolean;
	/** What to say otherwise (`'dnet link' requires exactly 2 arguments`). */
	countMessage: string;
}

/**
 * Parses the command line; returns the parsed flags and arguments, or the exit status when the
 * command is already done (a failure or the help printed).
 */
export function parseCommandLine(args: readonly string[], ctx: CommandContext, spec: PositionalSpec): ParsedFlags | number {
	let parsed: ParsedFlags;
	try {
		parsed = parseFlags(args, spec.flags ?? [], {interspersed: spec.interspersed ?? true});
	} catch (error) {
		if (!(error instanceof FlagError)) throw error;
		ctx.stderr.write(usageFailure(spec.name, spec.usage, error.message));
		return 125;
	}
	if (parsed.help) {
		ctx.stdout.write(spec.help);
		return 0;
	}
	if (!spec.accepts(parsed.positional.length)) {
		ctx.stderr.write(usageFailure(spec.name, spec.usage, `dnet: ${spec.countMessage}`));
		return 1;
	}
	return parsed;
}

/** `parseCommandLine` for a command without flags of its own: the positional arguments, or the exit status. */
export function positionalArgs(args: readonly string[], ctx: CommandContext, spec: PositionalSpec): string[] | number {
	const parsed = parseCommandLine(args, ctx, spec);
	return typeof parsed === 'number' ? parsed : parsed.positional;
}
