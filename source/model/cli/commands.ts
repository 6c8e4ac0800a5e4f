/**
 * The commands `dnet` knows (cli.ts registers them; bin.ts sends their command lines to the
 * commands' one-file build: ARCHITECTURE.md, "Start-up").
 */
export const COMMAND_NAMES = ['ps', 'port', 'run', 'publish', 'unpublish', 'links', 'link', 'unlink', 'context', 'services', 'service', 'doctor'] as const;

export type CommandName = (typeof COMMAND_NAMES)[number];

/** Global options that take a value (`-H unix:///x`, `--context=prod`, `-cprod`). */
const WITH_VALUE = new Set(['-H', '--host', '-c', '--context']);
const JOINED = /^(--host=|--context=|-H.|-c.)/;

/**
 * The command a command line runs, read as commander reads the global options before it (cli.ts:
 * positional options); null for the full-screen UI, `--help`, `--version`, and anything else this
 * does not recognise (the full build handles every command line).
 */
export function commandOf(argv: readonly string[]): CommandName | null {
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (WITH_VALUE.has(arg)) i += 1;
		else if (arg === '--read-only' || JOINED.test(arg)) continue;
		else return (COMMAND_NAMES as readonly string[]).includes(arg) ? (arg as CommandName) : null;
	}
	return null;
}
