/**
 * The details view as plain lines (pure, no React), so the reducer can bound scrolling and tests
 * can read it without a terminal.
 */
import {inspectName, type ContainerDetails, type ContainerSummary, type PortMap} from '../../model/container.js';
import {sanitize} from '../../model/sanitize.js';
import {linkedFrom} from '../list/selectors.js';

export type LineTone = 'heading' | 'label' | 'dim' | 'warn' | 'ok' | 'normal';

export interface DetailLine {
	/** Left column (a field name), empty for continuation lines. */
	label: string;
	text: string;
	tone: LineTone;
}

const line = (label: string, text: string, tone: LineTone = 'normal'): DetailLine => ({
	label: sanitize(label),
	text: sanitize(text),
	tone,
});

function portKeyOrder(a: string, b: string): number {
	const [pa = '', protoA = ''] = a.split('/');
	const [pb = '', protoB = ''] = b.split('/');
	return Number(pa) - Number(pb) || protoA.localeCompare(protoB);
}

/** `docker port` style lines: `5000/tcp -> 0.0.0.0:32768`. */
export function bindingLines(ports: PortMap, exposed: string[]): string[] {
	const out: string[] = [];
	const keys = [...new Set([...Object.keys(ports), ...exposed])].sort(portKeyOrder);
	for (const key of keys) {
		const bindings = ports[key];
		if (!bindings || bindings.length === 0) {
			out.push(`${key} (exposed, not published)`);
			continue;
		}
		for (const b of bindings) {
			const ip = b.hostIp.includes(':') ? `[${b.hostIp}]` : b.hostIp || '0.0.0.0';
			out.push(`${key} -> ${ip}:${b.hostPort || '(random)'}`);
		}
	}
	return out;
}

/** Every line of the details view for `d`, with links in both directions from the list. */
export function detailsLines(d: ContainerDetails, containers: ContainerSummary[]): DetailLine[] {
	const lines: DetailLine[] = [
		line('Name', inspectName(d.name)),
		line('ID', d.id),
		line('Image', d.image),
		line('Command', d.command || '(none)'),
		line(
			'State',
			d.state.status + (d.state.running ? ` since ${d.state.startedAt}` : d.state.status === 'exited' ? ` (${d.state.exitCode}) at ${d.state.finishedAt}` : ''),
			d.state.running ? 'ok' : 'dim',
		),
	];
	if (d.state.error) lines.push(line('Error', d.state.error, 'warn'));
	lines.push(line('--rm', d.autoRemove ? 'yes (AutoRemove: removed when it stops)' : 'no'));
	if (d.restartPolicy && d.restartPolicy !== 'no') lines.push(line('Restart', d.restartPolicy));

	lines.push(line('', ''), line('Ports', '', 'heading'));
	if (d.publishAllPorts) lines.push(line('-P', 'every exposed port on a random host port'));
	const live = d.state.running ? bindingLines(d.ports, d.exposedPorts) : [];
	const asked = bindingLines(d.portBindings, d.exposedPorts);
	const shown = d.state.running ? live : asked;
	if (shown.length === 0) lines.push(line('', 'none', 'dim'));
	for (const text of shown) lines.push(line('', text));
	if (!d.state.running && Object.keys(d.portBindings).length > 0) lines.push(line('', '(requested; bound when running)', 'dim'));

	lines.push(line('', ''), line('Links', '', 'heading'));
	const from = linkedFrom(containers, d.name);
	if (d.links.length === 0 && from.length === 0) lines.push(line('', 'none', 'dim'));
	for (const l of d.links) lines.push(line('links to', `${l.alias} -> ${l.source}`));
	for (const l of from) lines.push(line('linked from', `${l.source} (as ${l.alias})`));

	lines.push(line('', ''), line('Networks', '', 'heading'));
	if (d.networks.length === 0) lines.push(line('', 'none', 'dim'));
	for (const n of d.networks) {
		const addresses = [n.ipAddress, n.ipv6Address].filter(Boolean).join(', ') || 'no address';
		const aliases = n.aliases.length > 0 ? `  aliases: ${n.aliases.join(', ')}` : '';
		lines.push(line(n.name, `${addresses}${n.gateway ? `  gw ${n.gateway}` : ''}${aliases}`));
	}
	return lines;
}
