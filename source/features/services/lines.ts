/** The text of a service's page (Enter in the services view), pure: the view draws it, the reducer scrolls it. */
import type {State} from '../../app/state.js';
import {formatReplicas, formatServicePorts} from '../../model/swarm/format.js';
import type {NodeInfo, ServiceInfo, SwarmSnapshot} from '../../model/swarm/types.js';

export interface Line {
	text: string;
	tone?: 'heading' | 'ok' | 'warn' | 'error' | 'dim';
}

const pad = (s: string, n: number): string => s.padEnd(n);

function updateLine(s: ServiceInfo): Line {
	const u = s.update;
	if (!u) return {text: 'update: none yet', tone: 'dim'};
	const tone = u.state === 'completed' ? 'ok' : u.state.startsWith('rollback') || u.state === 'paused' ? 'warn' : undefined;
	return {text: `update: ${u.state}${u.message ? ` (${u.message})` : ''}`, ...(tone ? {tone} : {})};
}

/** Where a node answers: `vm 127.0.0.1`. */
const nodeText = (n: NodeInfo | undefined, id: string): string => (n ? `${n.hostname} ${n.addr}`.trim() : id.slice(0, 12));

/** Every line of one service's page. */
export function pageLines(s: ServiceInfo, snap: SwarmSnapshot, networkNames: Record<string, string>): Line[] {
	const lines: Line[] = [];
	lines.push({text: `${s.name}  ${s.mode} ${formatReplicas(s)}  image ${s.image}`, tone: 'heading'});
	lines.push(updateLine(s));
	lines.push({text: `ports (docker service ls): ${formatServicePorts(s.ports) || '-'}`});
	lines.push({text: ''});
	lines.push({text: 'PORTS', tone: 'heading'});
	if (s.ports.length === 0 && s.specPorts.length === 0) lines.push({text: '  none published (p adds one)', tone: 'dim'});
	else lines.push({text: `  ${pad('PUBLISHED', 10)} ${pad('TARGET', 7)} ${pad('PROTOCOL', 9)} MODE`, tone: 'dim'});
	for (const p of s.ports.length > 0 ? s.ports : s.specPorts) {
		const where = p.publishMode === 'ingress' ? 'ingress: every node (routing mesh)' : 'host: on the nodes of its tasks';
		lines.push({text: `  ${pad(p.publishedPort === 0 ? '(random)' : String(p.publishedPort), 10)} ${pad(String(p.targetPort), 7)} ${pad(p.protocol, 9)} ${where}`});
	}
	lines.push({text: ''});
	const tasks = snap.tasks.filter((t) => t.serviceId === s.id && t.desiredState !== 'shutdown').sort((a, b) => a.slot - b.slot || (a.nodeId < b.nodeId ? -1 : 1));
	lines.push({text: `TASKS (${tasks.length})`, tone: 'heading'});
	for (const t of tasks) {
		const node = snap.nodes.find((n) => n.id === t.nodeId);
		const name = s.mode === 'global' ? `${s.name}.${(node?.hostname ?? t.nodeId).slice(0, 12)}` : `${s.name}.${t.slot}`;
		const host = t.hostPorts.map((p) => `${node?.addr ?? '?'}:${p.publishedPort}->${p.targetPort}/${p.protocol}`).join(', ');
		const err = t.error ? `  ${t.error}` : '';
		const tone = t.state === 'running' ? undefined : t.state === 'failed' || t.state === 'rejected' ? 'error' : 'dim';
		lines.push({text: `  ${pad(name, 20)} node ${pad(nodeText(node, t.nodeId), 24)} ${pad(t.state, 9)}${host ? ` host ports ${host}` : ''}${err}`, ...(tone ? {tone} : {})});
	}
	lines.push({text: ''});
	lines.push({text: 'NETWORKS: how other services reach it', tone: 'heading'});
	if (s.vips.length === 0) lines.push({text: `  no virtual IP (${s.endpointMode === 'dnsrr' ? `DNS round robin: ${s.name} resolves to its tasks` : 'no network'})`, tone: 'dim'});
	for (const v of s.vips) {
		const net = networkNames[v.networkId] ?? v.networkId.slice(0, 12);
		const dns = net === 'ingress' ? 'routing mesh only (no DNS)' : `DNS ${s.name} -> ${v.addr.split('/')[0] ?? v.addr}; tasks.${s.name} -> each task`;
		lines.push({text: `  ${pad(net, 20)} VIP ${pad(v.addr, 18)} ${dns}`});
	}
	return lines;
}

/** The shown service's lines, or a line saying it is gone. */
export function serviceLines(state: Pick<State, 'services'>): Line[] {
	const load = state.services.load;
	if (!load?.manager) return [];
	const s = load.snapshot.services.find((x) => x.id === state.services.shown);
	if (!s) return [{text: 'The service was removed.', tone: 'warn'}];
	return pageLines(s, load.snapshot, state.services.networkNames);
}

/**
 * The services on one network, as the networks view shows them: `web 10.0.1.2 (DNS web, tasks.web)`,
 * how a container or a task on that network reaches each (empty when none, or not a manager).
 */
export function servicesOnNetwork(state: Pick<State, 'services'>, networkId: string): string {
	const load = state.services.load;
	if (!load?.manager) return '';
	return load.snapshot.services
		.flatMap((s) => s.vips.filter((v) => v.networkId === networkId).map((v) => `${s.name} ${v.addr.split('/')[0] ?? v.addr} (DNS ${s.name}, tasks.${s.name})`))
		.join('; ');
}
