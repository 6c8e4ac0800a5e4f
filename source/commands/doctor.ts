/**
 * `dnet doctor CONTAINER [PORT[/PROTO]] [--json]`: why a published port does not answer, one
 * verdict per check (issue 16; the rules and words are `model/doctor/`, shared with the TUI).
 * Exit status 0 when every check passes, 1 when a problem is found (or the engine fails), 125 for
 * a usage error.
 */
import {EngineError} from '../engine/engine.js';
import type {Protocol} from '../model/container.js';
import {diagnosisLines} from '../model/doctor/text.js';
import {diagnoseContainer, type PortChoice} from '../operations/doctor.js';
import {FlagError, lastValue, parseFlags} from '../model/cli/flags.js';
import {usageFailure} from './args.js';
import {engineFailureText} from './cli-errors.js';
import type {Command} from './context.js';

const USAGE = 'Usage:  dnet doctor CONTAINER [PORT[/PROTO]] [--json]';

const HELP = `${USAGE}

Diagnose why a published port does not answer: the container's state, the binding, what listens
inside the container, a probe from this machine and the container's links, one verdict per check
(ok, FAIL, -- not checked) with the evidence and the fix.

Options:
      --json   Print the diagnosis as JSON
`;

/** `5000`, `5000/tcp`, `53/udp`; null when it is not a port. */
export function parsePortChoice(text: string): PortChoice | null {
	const m = /^(\d{1,5})(?:\/(tcp|udp|sctp))?$/i.exec(text);
	const port = Number(m?.[1]);
	if (!m || port < 1 || port > 65535) return null;
	return {port, proto: (m[2]?.toLowerCase() ?? 'tcp') as Protocol};
}

export const doctorCommand: Command = async (args, ctx) => {
	const fail = (message: string): number => {
		ctx.stderr.write(`dnet: ${message}\n\n${USAGE}\n\nRun 'dnet doctor --help' for more information\n`);
		return 125;
	};
	// The one pflag-compatible parser, as every command: --json=false, -h, -- and docker's words.
	let parsed;
	try {
		const flags = parseFlags(args, [{long: 'json', kind: 'bool'}], {interspersed: true});
		parsed = {...flags, json: lastValue(flags, 'json') === true};
	} catch (error) {
		if (!(error instanceof FlagError)) throw error;
		ctx.stderr.write(usageFailure('doctor', USAGE, error.message));
		return 125;
	}
	if (parsed.help) {
		ctx.stdout.write(HELP);
		return 0;
	}
	const [container, portText] = parsed.positional;
	if (container === undefined || parsed.positional.length > 2) return fail("'dnet doctor' requires at least 1 and at most 2 arguments");
	const only = portText === undefined ? undefined : parsePortChoice(portText);
	if (only === null) return fail(`invalid port: ${portText ?? ''} (PORT or PORT/PROTO, e.g. 5000/tcp)`);
	try {
		const diagnosis = await diagnoseContainer(ctx.engine(), container, only);
		ctx.stdout.write(parsed.json ? `${JSON.stringify(diagnosis, null, 2)}\n` : `${diagnosisLines(diagnosis).join('\n')}\n`);
		return diagnosis.ok ? 0 : 1;
	} catch (error) {
		if (!(error instanceof EngineError)) throw error;
		ctx.stderr.write(`${engineFailureText(error)}\n`);
		return 1;
	}
};
