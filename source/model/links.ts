/**
 * Legacy links (`--link source:alias`) as pure data: the env vars and `/etc/hosts` lines a
 * recipient gets from the engine, alias rules, and the graph of who links to whom.
 *
 * The env rules follow moby's `daemon/links/links.go`. Two generations exist: the one checked
 * against a real Docker 20.10 engine (`'moby-20'`: the lowest port number is `ALIAS_PORT`, tcp first
 * only on a tie; a range needs three contiguous ports, of any protocol) and the rewrite in current
 * moby (`'moby-28'`: tcp ports sort before all others; two contiguous ports of one protocol make a
 * range).
 */
import {withoutLeadingSlash, type ContainerDetails, type ContainerSummary, type Link} from './container.js';

/** Which generation of moby's link env rules to follow. */
export type LinkEnvStyle = 'moby-20' | 'moby-28';

/** The source container as the link env rules read it. */
export interface LinkSource {
	/** Name without the leading slash. */
	name: string;
	/** The source's IPv4 address on the default bridge. */
	ip: string;
	/** `Config.ExposedPorts` keys (`5432/tcp`, `53/udp`). */
	exposedPorts: string[];
	/** `Config.Env` of the source (`KEY=value`). */
	env: string[];
}

/** What the hosts line needs on top of `LinkSource`. */
export interface LinkHostsSource {
	name: string;
	/** `Config.Hostname` (the short id unless `-h` was given). */
	hostname: string;
	ip: string;
	/** Global IPv6 address on the default bridge, when it has one. */
	ipv6?: string;
}

interface Port {
	num: number;
	proto: string;
}

function parsePorts(keys: string[]): Port[] {
	return keys.flatMap((key) => {
		const [num = '', proto = 'tcp'] = key.split('/');
		const n = Number(num);
		return Number.isInteger(n) && n > 0 ? [{num: n, proto: proto.toLowerCase() || 'tcp'}] : [];
	});
}

/** The alias as env var prefix: upper case, `-` → `_` (other characters are kept as they are). */
export function envPrefix(alias: string): string {
	return alias.toUpperCase().replaceAll('-', '_');
}

/** The API version from which the engine follows the `'moby-28'` rules (an assumption: see the module doc). */
const MOBY_28_API = '1.48';

/** The env style an engine of `apiVersion` uses. */
export function linkEnvStyle(apiVersion: string): LinkEnvStyle {
	const [major = 0, minor = 0] = apiVersion.split('.').map(Number);
	const [tMajor = 0, tMinor = 0] = MOBY_28_API.split('.').map(Number);
	return major > tMajor || (major === tMajor && minor >= tMinor) ? 'moby-28' : 'moby-20';
}

function portVars(a: string, p: Port, ip: string): string[] {
	const prefix = `${a}_PORT_${p.num}_${p.proto.toUpperCase()}`;
	return [`${prefix}=${p.proto}://${ip}:${p.num}`, `${prefix}_ADDR=${ip}`, `${prefix}_PORT=${p.num}`, `${prefix}_PROTO=${p.proto}`];
}

/** moby 20.10: sort by number (tcp first on a tie), ranges of 3+ by number only, then every port. */
function portsMoby20(a: string, ports: Port[], ip: string): string[] {
	const sorted = [...ports].sort((x, y) => x.num - y.num || (x.proto === 'tcp' ? -1 : y.proto === 'tcp' ? 1 : 0));
	const env: string[] = [];
	const first = sorted[0];
	if (first) env.push(`${a}_PORT=${first.proto}://${ip}:${first.num}`);
	const nextContiguous = (value: number, index: number): number => {
		if (index + 1 === sorted.length) return index;
		for (let i = index + 1; i < sorted.length; i++) {
			if ((sorted[i] as Port).num > value + 1) return i - 1;
			value++;
		}
		return sorted.length - 1;
	};
	for (let i = 0; i < sorted.length; ) {
		const p = sorted[i] as Port;
		const j = nextContiguous(p.num, i);
		if (j > i + 1) {
			const q = sorted[j] as Port;
			const at = `${a}_PORT_${p.num}`;
			env.push(
				`${at}_${p.proto.toUpperCase()}_START=${p.proto}://${ip}:${p.num}`,
				`${at}_${p.proto.toUpperCase()}_ADDR=${ip}`,
				`${at}_${p.proto.toUpperCase()}_PROTO=${p.proto}`,
				`${at}_${p.proto.toUpperCase()}_PORT_START=${p.num}`,
				`${at}_${q.proto.toUpperCase()}_END=${q.proto}://${ip}:${q.num}`,
				`${at}_${q.proto.toUpperCase()}_PORT_END=${q.num}`,
			);
			i = j + 1;
		} else i++;
	}
	for (const p of sorted) env.push(...portVars(a, p, ip));
	return env;
}

/** Current moby: tcp before other protocols, then by number; ranges of 2+ of one protocol. */
function portsMoby28(a: string, ports: Port[], ip: string): string[] {
	const rank = (p: Port): number => (p.proto === 'tcp' ? 0 : 1);
	const sorted = [...ports].sort((x, y) => rank(x) - rank(y) || (x.proto < y.proto ? -1 : x.proto > y.proto ? 1 : x.num - y.num));
	const env: string[] = [];
	let start = sorted[0] as Port;
	let end = start;
	sorted.forEach((p, i) => {
		if (i === 0) env.push(`${a}_PORT=${p.proto}://${ip}:${p.num}`);
		env.push(...portVars(a, p, ip));
		if (p.num === end.num + 1 && p.proto === start.proto) {
			end = p;
			if (i < sorted.length - 1) return;
		}
		if (end !== start) {
			const prefix = `${a}_PORT_${start.num}_${start.proto.toUpperCase()}`;
			env.push(
				`${prefix}_START=${start.proto}://${ip}:${start.num}`,
				`${prefix}_PORT_START=${start.num}`,
				`${prefix}_END=${end.proto}://${ip}:${end.num}`,
				`${prefix}_PORT_END=${end.num}`,
			);
		}
		start = p;
		end = p;
	});
	return env;
}

/**
 * The env vars the engine gives `recipientName` for `--link source.name:alias`, in the engine's
 * order, each name once (the recipient's own `Config.Env` wins over these when a name is in both).
 */
export function linkEnv(alias: string, source: LinkSource, recipientName: string, style: LinkEnvStyle = 'moby-20'): string[] {
	const a = envPrefix(alias);
	const ports = parsePorts(source.exposedPorts);
	const env = style === 'moby-20' ? portsMoby20(a, ports, source.ip) : portsMoby28(a, ports, source.ip);
	env.push(`${a}_NAME=/${recipientName}/${alias}`);
	for (const v of source.env) {
		const eq = v.indexOf('=');
		if (eq < 0) continue;
		const name = v.slice(0, eq);
		// The engine skips the variables an image build adds.
		if (name === 'HOME' || name === 'PATH') continue;
		env.push(`${a}_ENV_${name}=${v.slice(eq + 1)}`);
	}
	// moby-20 lists a range's _ADDR and _PROTO twice (same values); the recipient sees each name once.
	const seen = new Set<string>();
	return env.filter((v) => {
		const name = v.slice(0, v.indexOf('='));
		if (seen.has(name)) return false;
		seen.add(name);
		return true;
	});
}

/**
 * The `/etc/hosts` lines the engine writes in the recipient for the link: the alias, the source's
 * hostname, and its name when it differs from the alias; one line per address family.
 */
export function linkHostsLines(alias: string, source: LinkHostsSource): string[] {
	const names = [alias, source.hostname, ...(alias === source.name ? [] : [source.name])].join(' ');
	return [source.ip, source.ipv6].filter((ip): ip is string => Boolean(ip)).map((ip) => `${ip}\t${names}`);
}

/**
 * Checks a link alias: what the engine accepts as a name in `/recipient/alias` (its container-name
 * rule, one character allowed), and not one the recipient already uses (the engine would silently
 * drop the second link). Returns the problem, or null when the alias is fine.
 */
export function aliasProblem(alias: string, existing: Link[]): string | null {
	if (alias === '') return 'the alias is empty';
	if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(alias)) return `invalid alias (${alias}): only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`;
	const taken = existing.find((l) => l.alias === alias);
	if (taken) return `the alias ${alias} is already used for a link to ${taken.source}`;
	return null;
}

/** `SOURCE[:ALIAS]` as `docker run --link` reads it; the alias defaults to the source's name. */
export function parseLinkArg(value: string): Link | null {
	const parts = value.split(':');
	if (parts.length > 2) return null;
	const source = withoutLeadingSlash(parts[0] ?? '');
	const alias = parts[1] ?? source;
	return source && alias ? {source, alias} : null;
}

/** Why a link does not work now. */
export type LinkProblem = 'source-missing' | 'source-stopped' | 'source-not-on-bridge';

/** One link of the graph: `recipient --alias--> source`. */
export interface LinkEdge {
	recipient: string;
	alias: string;
	source: string;
	/** Empty when the link works. */
	problems: LinkProblem[];
}

/**
 * Every link held by the listed containers, sorted by recipient then alias, with what is broken.
 * `details` (by name) adds the links the list API cannot show: those whose source is gone.
 */
export function linkGraph(containers: ContainerSummary[], details: ContainerDetails[] = []): LinkEdge[] {
	const byName = new Map(containers.map((c) => [c.name, c]));
	const held = new Map<string, Link[]>();
	for (const c of containers) held.set(c.name, [...c.links]);
	for (const d of details) {
		const list = held.get(d.name) ?? [];
		for (const l of d.links) if (!list.some((x) => x.alias === l.alias && x.source === l.source)) list.push(l);
		held.set(d.name, list);
	}
	const edges: LinkEdge[] = [];
	for (const [recipient, links] of held) {
		for (const l of links) {
			const source = byName.get(l.source);
			const problems: LinkProblem[] = [];
			if (!source) problems.push('source-missing');
			else {
				if (source.state !== 'running') problems.push('source-stopped');
				if (!source.networks.some((n) => n.name === 'bridge')) problems.push('source-not-on-bridge');
			}
			edges.push({recipient, alias: l.alias, source: l.source, problems});
		}
	}
	return edges.sort((x, y) => x.recipient.localeCompare(y.recipient) || x.alias.localeCompare(y.alias));
}

/** `web --db--> pg` with its problems in brackets. */
export function formatEdge(e: LinkEdge): string {
	const flag = e.problems.length > 0 ? `  [broken: ${e.problems.map((p) => p.replace('source-', 'source ').replaceAll('-', ' ')).join(', ')}]` : '';
	return `${e.recipient} --${e.alias}--> ${e.source}${flag}`;
}
