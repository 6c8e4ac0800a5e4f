/**
 * `dnet unlink RECIPIENT ALIAS`: removes a legacy link by recreating the recipient.
 */
import {removeLink} from '../operations/links.js';
import type {Command} from './context.js';
import {linkFailure} from './link.js';
import {positionalArgs} from './args.js';

const USAGE = 'Usage:  dnet unlink RECIPIENT ALIAS';

/** The text of `dnet unlink --help`. */
const UNLINK_HELP = `${USAGE}

Remove RECIPIENT's link named ALIAS. RECIPIENT is recreated with the rest of its configuration
unchanged; on any failure the original container is put back.
`;

/** `dnet unlink`: exit 0; 125 for a bad flag; 1 when there is no such link or the transaction failed. */
export const unlinkCommand: Command = async (args, ctx) => {
	const positional = positionalArgs(args, ctx, {
		name: 'unlink',
		usage: USAGE,
		help: UNLINK_HELP,
		accepts: (n) => n === 2,
		countMessage: "'dnet unlink' requires exactly 2 arguments",
	});
	if (typeof positional === 'number') return positional;
	const [recipient = '', alias = ''] = positional;
	try {
		const {source, result} = await removeLink(ctx.engine(), recipient, alias);
		for (const w of result.warnings) ctx.stderr.write(`dnet: warning: ${w}\n`);
		ctx.stdout.write(`- ${result.name} --${alias}--> ${source}\n${result.name} recreated: ${result.newId}\n`);
		return 0;
	} catch (error) {
		return linkFailure(ctx, error);
	}
};
