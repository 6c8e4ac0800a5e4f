/**
 * Arguments of the commands without flags of their own, split and checked as cobra/pflag would,
 * and the usage failure they print (docker's shape).
 */
import {unknownFlagMessage} from './cli-errors.js';
import type {CommandContext} from './context.js';

/** Arguments split as cobra/pflag would for a command without flags of its own. */
export function splitArgs(args: string[]): {positional: string[]; help: boolean} | {error: string} {
	const positional: string[] = [];
	let help = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		if (arg === '--') {
			positional.push(...args.slice(i + 1));
			break;
		}
		if (arg === '--help' || arg === '-h') help = true;
		else if (arg.startsWith('-') && arg !== '-') return {error: unknownFlagMessage(arg)};
		else positional.push(arg);
	}
	return {positional, help};
}

/** `dnet: <message>`, the usage line and a `--help` hint (docker's shape of a usage error). */
export function usageFailure(command: string, usage: string, message: string): string {
	return `dnet: ${message}\n\n${usage}\n\nRun 'dnet ${command} --help' for more information\n`;
}

/** How a command takes its positional arguments. */
export interface PositionalSpec {
	name: string;
	usage: string;
	help: string;
	/** True when this many positional arguments are acceptable. */
	accepts(count: number): boolean;
	/** What to say otherwise (`'dnet link' requires exactly 2 arguments`). */
	countMessage: string;
}

/**
 * The common prologue: a bad flag exits 125, `--help` prints the help and exits 0, a wrong
 * count exits 1, each with docker's shape of message. Returns the positional arguments, or the
 * exit status when the command is already done.
 */
export function positionalArgs(args: string[], ctx: CommandContext, spec: PositionalSpec): string[] | number {
	const parsed = splitArgs(args);
	if ('error' in parsed) {
		ctx.stderr.write(usageFailure(spec.name, spec.usage, parsed.error));
		return 125;
	}
	if (parsed.help) {
		ctx.stdout.write(spec.help);
		return 0;
	}
	if (!spec.accepts(parsed.positional.length)) {
		ctx.stderr.write(usageFailure(spec.name, spec.usage, spec.countMessage));
		return 1;
	}
	return parsed.positional;
}
