/**
 * `dnet ps [-a] [-l] [-n N] [-q] [--json]`: the containers `docker ps` lists, in its order (newest
 * first), with the same PORTS text, plus the links each one holds. Never loads Ink or React.
 */
import type {ContainerSummary} from '../model/container.js';
import {lastValue} from '../model/cli/flags.js';
import {psImage} from '../model/cli/image-ref.js';
import {formatPortsColumn} from '../model/ports/index.js';
import {parseCommandLine} from './args.js';
import type {Command} from './context.js';
import {formatTable} from './table.js';

/** The documented, stable JSON shape of one container in `dnet ps --json` (version 1). */
export interface PsJson {
	id: string;
	name: string;
	image: string;
	command: string;
	/** Seconds since the epoch. */
	created: number;
	state: string;
	status: string;
	/** The PORTS text of `docker ps`. */
	portsText: string;
	ports: Array<{ip: string | null; privatePort: number; publicPort: number | null; protocol: string}>;
	links: Array<{alias: string; source: string}>;
	networks: Array<{name: string; ipAddress: string; ipv6Address: string | null}>;
}

function toPsJson(c: ContainerSummary): PsJson {
	return {
		id: c.id,
		name: c.name,
		image: c.image,
		command: c.command,
		created: c.created,
		state: c.state,
		status: c.status,
		portsText: formatPortsColumn(c.ports),
		ports: c.ports.map((p) => ({ip: p.ip ?? null, privatePort: p.privatePort, publicPort: p.publicPort ?? null, protocol: p.type})),
		links: c.links.map((l) => ({alias: l.alias, source: l.source})),
		networks: c.networks.map((n) => ({name: n.name, ipAddress: n.ipAddress, ipv6Address: n.ipv6Address ?? null})),
	};
}

interface PsOptions {
	all?: boolean;
	latest?: boolean;
	last?: number;
	quiet?: boolean;
	json?: boolean;
}

/**
 * Picks and orders containers as `docker ps` does: newest first; `-n`/`-l` imply all, and `-l`
 * counts only when `-n` was not given (docker's precedence: `-l -n 3` shows 3).
 */
export function selectForPs(containers: ContainerSummary[], options: PsOptions): ContainerSummary[] {
	// The engine lists newest first to the nanosecond; `created` is in seconds, so a stable sort keeps its order on ties.
	const sorted = [...containers].sort((a, b) => b.created - a.created);
	// As docker: `-n` defaults to -1; `-n 0` (or negative) is no limit, and then only running containers unless `-a`.
	const last = options.last ?? -1;
	const asked = options.latest && last === -1 ? 1 : last;
	const limit = asked > 0 ? asked : undefined;
	const all = options.all || limit !== undefined;
	const shown = all ? sorted : sorted.filter((c) => c.state === 'running' || c.state === 'paused' || c.state === 'restarting');
	return limit !== undefined ? shown.slice(0, limit) : shown;
}

const USAGE = 'Usage:  dnet ps [OPTIONS]';

/** The text of `dnet ps --help`. */
const PS_HELP = `${USAGE}

List containers with their published ports and links

Options:
  -a, --all        Show all containers (default shows just running)
      --json       Print JSON (an array of objects, see the README)
  -n, --last int   Show n last created containers (includes all states) (default -1)
  -l, --latest     Show the latest created container (includes all states)
  -q, --quiet      Only display container IDs
`;

const PS_FLAGS = [
	{long: 'all', short: 'a', kind: 'bool'},
	{long: 'json', kind: 'bool'},
	{long: 'last', short: 'n', kind: 'int'},
	{long: 'latest', short: 'l', kind: 'bool'},
	{long: 'quiet', short: 'q', kind: 'bool'},
] as const;

export const psCommand: Command = async (args, ctx) => {
	const parsed = parseCommandLine(args, ctx, {
		name: 'ps',
		usage: USAGE,
		help: PS_HELP,
		flags: PS_FLAGS,
		accepts: (n) => n === 0,
		countMessage: "'dnet ps' accepts no arguments",
	});
	if (typeof parsed === 'number') return parsed;
	const flag = (long: string) => lastValue(parsed, long);
	const last = flag('last');
	const options: PsOptions = {all: flag('all') === true, latest: flag('latest') === true, quiet: flag('quiet') === true, json: flag('json') === true};
	if (typeof last === 'number') options.last = last;
	const containers = selectForPs(await ctx.engine().listContainers(true), options);
	if (options.json) {
		ctx.stdout.write(`${JSON.stringify(containers.map(toPsJson), null, 2)}\n`);
		return 0;
	}
	if (options.quiet) {
		ctx.stdout.write(containers.map((c) => `${c.id.slice(0, 12)}\n`).join(''));
		return 0;
	}
	const rows = containers.map((c) => [
		c.id.slice(0, 12),
		c.name,
		psImage(c.image),
		c.status,
		formatPortsColumn(c.ports),
		c.links.map((l) => `${l.alias}->${l.source}`).join(', '),
	]);
	ctx.stdout.write(formatTable(['CONTAINER ID', 'NAME', 'IMAGE', 'STATUS', 'PORTS', 'LINKS'], rows));
	return 0;
};
