/**
 * `docker service ls` text (docker CLI 28, `service/formatter.go`: PORTS and REPLICAS) and the
 * ports change of `docker service update --publish-rm … --publish-add …` (`service/update.go`
 * `updatePorts`), with the command line that makes a given change.
 */
import {quoteArg} from './quote.js';
import {longSpec, portKey, portSpec} from './publish.js';
import type {ServiceInfo, ServicePort, SwarmState} from './types.js';

interface PortRange {
	pStart: number;
	pEnd: number;
	tStart: number;
	tEnd: number;
	protocol: string;
}

function rangeText(r: PortRange): string {
	const pub = r.pEnd > r.pStart ? `${r.pStart}-${r.pEnd}` : String(r.pStart);
	const tgt = r.tEnd > r.tStart ? `${r.tStart}-${r.tEnd}` : String(r.tStart);
	return `*:${pub}->${tgt}/${r.protocol}`;
}

/** Go's uint32 subtraction. */
const u32 = (a: number, b: number): number => (a - b) >>> 0;

/**
 * The PORTS column of `docker service ls`: the ingress ports of `Endpoint.Ports`, sorted by
 * protocol then published port, consecutive ones grouped (`*:8080-8081->80-81/tcp`); host-mode
 * ports are not shown there.
 */
export function formatServicePorts(ports: readonly ServicePort[]): string {
	const sorted = [...ports].sort((a, b) => (a.protocol === b.protocol ? a.publishedPort - b.publishedPort : a.protocol < b.protocol ? -1 : 1));
	let pr: PortRange = {pStart: 0, pEnd: 0, tStart: 0, tEnd: 0, protocol: ''};
	const out: string[] = [];
	for (const p of sorted) {
		if (p.publishMode !== 'ingress') continue;
		const isRange = pr.tEnd !== pr.tStart;
		const overlaps = p.targetPort <= pr.tEnd;
		if (p.protocol !== pr.protocol || u32(p.publishedPort, pr.pEnd) > 1 || u32(p.targetPort, pr.tEnd) > 1 || (isRange && overlaps)) {
			if (pr.pStart > 0) out.push(rangeText(pr));
			pr = {pStart: p.publishedPort, pEnd: p.publishedPort, tStart: p.targetPort, tEnd: p.targetPort, protocol: p.protocol};
			continue;
		}
		pr.pEnd = p.publishedPort;
		pr.tEnd = p.targetPort;
	}
	if (pr.pStart > 0) out.push(rangeText(pr));
	return out.join(', ');
}

/** The MODE column: `replicated`, `global`, `replicated job`, `global job`. */
export function formatMode(s: ServiceInfo): string {
	return s.mode;
}

/** The REPLICAS column: `2/3`, `1/1 (max 1 per node)`, jobs `0/1 (1/1 completed)`. */
export function formatReplicas(s: ServiceInfo): string {
	const running = s.running ?? 0;
	const desired = s.desired ?? (s.mode === 'replicated' ? (s.replicas ?? 0) : 0);
	let text = `${running}/${desired}`;
	if (s.mode === 'replicated' && s.maxPerNode > 0) text += ` (max ${s.maxPerNode} per node)`;
	if (s.mode === 'replicated job') text += ` (${s.completed ?? 0}/${s.replicas ?? 0} completed)`;
	return text;
}

const sameProtocol = (a: string, b: string): boolean => a === b;
const sameMode = (a: string, b: string): boolean => a === b;

/** Go's `sort.Sort(byPortConfig)`: by the text `published:target/protocol/mode`. */
export function sortPorts(ports: ServicePort[]): ServicePort[] {
	return [...ports].sort((a, b) => (portKey(a) < portKey(b) ? -1 : portKey(a) > portKey(b) ? 1 : 0));
}

/**
 * The CLI's `updatePorts`: drops every current port whose target, protocol and mode a
 * `--publish-rm` value names (whatever its published port), adds the `--publish-add` ports that
 * are not already there (same published, target, protocol, mode), and sorts.
 */
export function applyPortUpdate(current: readonly ServicePort[], remove: readonly ServicePort[], add: readonly ServicePort[]): ServicePort[] {
	const set = new Map<string, ServicePort>();
	for (const p of current) if (!set.has(portKey(p))) set.set(portKey(p), p);
	const out: ServicePort[] = [];
	for (const p of set.values()) {
		const removed = remove.some((r) => sameProtocol(p.protocol, r.protocol) && p.targetPort === r.targetPort && sameMode(p.publishMode, r.publishMode));
		if (!removed) out.push(p);
	}
	for (const p of add) if (!set.has(portKey(p))) out.push(p);
	return sortPorts(out);
}

/** What changes from `before` to `after`, by port: gone, new, kept. */
export function portChanges(before: readonly ServicePort[], after: readonly ServicePort[]): {gone: ServicePort[]; added: ServicePort[]; kept: ServicePort[]} {
	const a = new Set(after.map(portKey));
	const b = new Set(before.map(portKey));
	return {
		gone: before.filter((p) => !a.has(portKey(p))),
		added: after.filter((p) => !b.has(portKey(p))),
		kept: before.filter((p) => a.has(portKey(p))),
	};
}

/**
 * The `docker service update` command line(s) that take the service's ports from `before` to
 * `after`. `--publish-rm` takes a target (and protocol, mode); it drops every port of that target,
 * and a port re-added in the same command is skipped (it was there), so a kept port that shares a
 * removed one's target needs a second command.
 */
export function serviceUpdateLines(service: string, before: readonly ServicePort[], after: readonly ServicePort[]): string[] {
	const {gone, added, kept} = portChanges(before, after);
	if (gone.length === 0 && added.length === 0) return [];
	const rmKeys = new Map<string, ServicePort>();
	for (const p of gone) {
		const rm: ServicePort = {...p, publishedPort: 0};
		rmKeys.set(portKey(rm), rm);
	}
	const rms = [...rmKeys.values()];
	const hit = (p: ServicePort): boolean => rms.some((r) => r.targetPort === p.targetPort && r.protocol === p.protocol && r.publishMode === p.publishMode);
	const readd = kept.filter(hit);
	const args = [
		...rms.map((r) => `--publish-rm ${quoteArg(r.publishMode === 'ingress' ? portSpec(r) : longSpec(r))}`),
		...added.map((p) => `--publish-add ${quoteArg(portSpec(p))}`),
	];
	const lines = [`docker service update ${args.join(' ')} ${quoteArg(service)}`];
	if (readd.length > 0) lines.push(`docker service update ${readd.map((p) => `--publish-add ${quoteArg(portSpec(p))}`).join(' ')} ${quoteArg(service)}`);
	return lines;
}

/** One line for a swarm state that cannot list services, with how to become a manager. */
export function notManagerLine(swarm: SwarmState): string {
	if (swarm.localState === 'active') return 'This engine is a swarm worker: services are listed on a manager (docker node promote, or connect dnet to a manager).';
	if (swarm.localState === 'locked') return 'This swarm manager is locked: unlock it with docker swarm unlock.';
	return 'This engine is not a swarm manager: docker swarm init makes it one (or docker swarm join to join a swarm).';
}
