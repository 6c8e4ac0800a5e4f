/**
 * `dnet links [CONTAINER] [--json]`: every legacy link as `recipient --alias--> source`, broken
 * ones flagged (source missing, stopped, or not on the default bridge); with CONTAINER, the links
 * it holds and the links to it.
 */
import {EngineError} from '../engine/engine.js';
import {lastValue} from '../model/cli/flags.js';
import {formatEdge, type LinkEdge} from '../model/links.js';
import {allLinks} from '../operations/links.js';
import {engineFailureText} from './cli-errors.js';
import type {Command} from './context.js';
import {parseCommandLine} from './args.js';

const USAGE = 'Usage:  dnet links [CONTAINER] [--json]';

/** The text of `dnet links --help`. */
const LINKS_HELP = `${USAGE}

List legacy links (--link) as "recipient --alias--> source", flagging broken ones (source missing,
stopped, or not on the default bridge network). With CONTAINER, list the links it holds and the
links to it.

Options:
      --json   Print a JSON array of {recipient, alias, source, broken, problems}
`;

/** One element of `dnet links --json`. */
export interface LinkJson {
	recipient: string;
	alias: string;
	source: string;
	broken: boolean;
	/** `source-missing`, `source-stopped`, `source-not-on-bridge`. */
	problems: string[];
}

/** `dnet links`: exit 0, 1 when the engine fails or CONTAINER does not exist, 125 on a bad flag. */
export const linksCommand: Command = async (args, ctx) => {
	const parsed = parseCommandLine(args, ctx, {
		name: 'links',
		usage: USAGE,
		help: LINKS_HELP,
		flags: [{long: 'json', kind: 'bool'}],
		accepts: (n) => n <= 1,
		countMessage: "'dnet links' accepts at most 1 argument",
	});
	if (typeof parsed === 'number') return parsed;
	const json = lastValue(parsed, 'json') === true;
	const positional = parsed.positional;
	const [container] = positional;
	let edges: LinkEdge[];
	try {
		const engine = ctx.engine();
		edges = await allLinks(engine);
		if (container !== undefined) {
			const {name} = await engine.inspectContainer(container);
			edges = edges.filter((e) => e.recipient === name || e.source === name);
		}
	} catch (error) {
		if (!(error instanceof EngineError)) throw error;
		ctx.stderr.write(`dnet: ${engineFailureText(error)}\n`);
		return 1;
	}
	if (json) {
		const out: LinkJson[] = edges.map((e) => ({recipient: e.recipient, alias: e.alias, source: e.source, broken: e.problems.length > 0, problems: [...e.problems]}));
		ctx.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
	} else if (edges.length > 0) ctx.stdout.write(`${edges.map(formatEdge).join('\n')}\n`);
	return 0;
};
