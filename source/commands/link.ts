/**
 * `dnet link RECIPIENT SOURCE[:ALIAS]`: adds a legacy link by recreating the recipient, after
 * printing what it will see (the env vars and the /etc/hosts lines the engine will produce).
 */
import {EngineError} from '../engine/engine.js';
import {addLink, LinkError, type LinkPreview} from '../operations/links.js';
import {PortConflictError, RecreateError} from '../operations/recreate/index.js';
import {aliasProblem, parseLinkArg} from '../model/links.js';
import {engineFailureText} from './cli-errors.js';
import type {Command, CommandContext} from './context.js';
import {positionalArgs} from './args.js';

const USAGE = 'Usage:  dnet link RECIPIENT SOURCE[:ALIAS]';

/** The text of `dnet link --help`. */
const LINK_HELP = `${USAGE}

Link RECIPIENT to SOURCE as docker run --link SOURCE:ALIAS would (ALIAS defaults to SOURCE's name):
prints the env vars and /etc/hosts lines RECIPIENT will get, then recreates RECIPIENT with the link
and the rest of its configuration unchanged. On any failure the original container is put back.
`;

/** The preview as printed: a header, the env vars, the hosts lines, notes. */
function formatPreview(p: LinkPreview): string {
	const lines = [`${p.recipient} --${p.alias}--> ${p.source}`, 'env:', ...p.env.map((v) => `  ${v}`), '/etc/hosts:', ...p.hosts.map((h) => `  ${h}`)];
	for (const n of p.notes) lines.push(`note: ${n}`);
	return `${lines.join('\n')}\n`;
}

/** Writes a failure of a link operation; returns 1 (rethrows what is not a known failure). */
export function linkFailure(ctx: CommandContext, error: unknown): number {
	if (error instanceof LinkError || error instanceof RecreateError || error instanceof PortConflictError) ctx.stderr.write(`dnet: ${error.message}\n`);
	else if (error instanceof EngineError) ctx.stderr.write(`dnet: ${engineFailureText(error)}\n`);
	else throw error;
	return 1;
}

/** `dnet link`: exit 0; 125 for a malformed SOURCE[:ALIAS] or flag; 1 when refused or failed. */
export const linkCommand: Command = async (args, ctx) => {
	const positional = positionalArgs(args, ctx, {
		name: 'link',
		usage: USAGE,
		help: LINK_HELP,
		accepts: (n) => n === 2,
		countMessage: "'dnet link' requires exactly 2 arguments",
	});
	if (typeof positional === 'number') return positional;
	const [recipient = '', spec = ''] = positional;
	const link = parseLinkArg(spec);
	const syntax = link === null ? `bad format for links: ${spec}` : aliasProblem(link.alias, []);
	if (link === null || syntax !== null) {
		ctx.stderr.write(`dnet: invalid argument "${spec}": ${syntax}\n`);
		return 125;
	}
	try {
		const {preview, result} = await addLink(ctx.engine(), recipient, link.source, link.alias);
		ctx.stdout.write(formatPreview(preview));
		for (const w of result.warnings) ctx.stderr.write(`dnet: warning: ${w}\n`);
		if (result.relinked.length > 0) ctx.stdout.write(`relinked: ${result.relinked.join(', ')}\n`);
		ctx.stdout.write(`${result.name} recreated: ${result.newId}\n`);
		return 0;
	} catch (error) {
		return linkFailure(ctx, error);
	}
};
