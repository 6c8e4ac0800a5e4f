/** `N`, `:networks`: networks with driver, subnet, gateway, and the containers on them with IPs and aliases. */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {ChoiceList} from '../../app/view/choice-list.js';
import {fit, useTheme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import {NetPanel, netPanelRows} from '../net-ops/panel.js';
import {servicesOnNetwork} from '../services/lines.js';
import {connectCandidates, networkRows, type NetworkRow} from './selectors.js';

interface NetWidths {
	name: number;
	driver: number;
	scope: number;
	subnet: number;
	gateway: number;
}

/**
 * Widths for the networks view in `total` columns: each column its longest text. Too wide, SCOPE goes
 * first, then a long name is cut (to 10), then DRIVER goes: SUBNET and GATEWAY, addresses, are never cut.
 */
export function networkWidths(rows: NetworkRow[], total: number): NetWidths {
	const longest = (texts: string[], header: string, cap = Number.POSITIVE_INFINITY): number => Math.min(cap, texts.reduce((m, t) => Math.max(m, t.length), header.length));
	const networks = rows.flatMap((r) => (r.kind === 'network' ? [r.network] : []));
	const w: NetWidths = {
		name: longest(rows.map((r) => (r.kind === 'network' ? r.network.name : `  ${r.member.name}`)), 'NETWORK / CONTAINER', 24),
		driver: longest(networks.map((n) => n.driver), 'DRIVER', 10),
		scope: longest(networks.map((n) => n.scope), 'SCOPE', 8),
		subnet: longest(networks.map((n) => n.pools[0]?.subnet ?? '-'), 'SUBNET'),
		gateway: longest(networks.map((n) => n.pools[0]?.gateway || '-'), 'GATEWAY'),
	};
	const used = (): number => [w.name, w.driver, w.scope, w.subnet, w.gateway].reduce((sum, n) => sum + (n > 0 ? n + 2 : 0), 0);
	const steps: Array<[keyof NetWidths, number]> = [['scope', 0], ['name', 10], ['driver', 0]];
	for (const [key, to] of steps) {
		const over = used() - total;
		if (over <= 0) break;
		w[key] = to === 0 ? 0 : Math.max(to, w[key] - over);
	}
	return w;
}

const cell = (text: string, width: number, e: string): string => (width > 0 ? `${fit(text, width, e)}  ` : '');

export function networkRowText(row: NetworkRow, w: NetWidths, e: string, services = ''): string {
	if (row.kind === 'network') {
		const n = row.network;
		const pool = n.pools[0];
		// Swarm services on the network: their VIP and DNS name (issue 15).
		const extra = [n.predefined ? 'predefined' : '', n.internal ? 'internal' : '', `${n.containers.length} container${n.containers.length === 1 ? '' : 's'}`, services ? `services: ${sanitize(services)}` : ''].filter(Boolean).join(', ');
		return `${cell(sanitize(n.name), w.name, e)}${cell(n.driver, w.driver, e)}${cell(n.scope, w.scope, e)}${cell(pool?.subnet ?? '-', w.subnet, e)}${cell(pool?.gateway || '-', w.gateway, e)}${extra}`;
	}
	const m = row.member;
	const aliases = m.aliases.length > 0 ? `  aliases: ${m.aliases.map(sanitize).join(', ')}` : '';
	return `  ${fit(sanitize(m.name), w.name - 2, e)}  ${m.ipv4 || '-'}${m.ipv6 ? `  ${m.ipv6}` : ''}${aliases}`;
}

export function NetworksScreen({state}: {state: State}) {
	const theme = useTheme();
	const e = theme.glyphs.ellipsis;
	const rows = useMemo(() => networkRows(state.net.networks), [state.net.networks]);
	const widths = useMemo(() => networkWidths(rows, state.size.columns), [rows, state.size.columns]);
	const height = listHeight(state) + 1;
	const draft = state.net.draft;
	if (state.net.choosing !== null && draft?.kind === 'connect') {
		const items = connectCandidates(state, draft.network).map((n) => ({label: sanitize(n), value: n}));
		return (
			<Box flexDirection="column" height={height}>
				<Text bold color={theme.tone.accent} wrap="truncate">{`Connect a container to ${sanitize(draft.network)} (Enter picks, Esc closes)`}</Text>
				{items.length === 0 ? <Text dimColor={theme.tone.dim}>  Every container is on it already.</Text> : null}
				<ChoiceList items={items} cursor={state.net.choosing} height={Math.max(3, height - 2)} />
			</Box>
		);
	}
	const result = state.net.result ?? [];
	const room = Math.max(1, height - 2 - netPanelRows(state));
	const cursor = Math.min(state.net.networkCursor, Math.max(0, rows.length - 1));
	const top = Math.max(0, Math.min(cursor - room + 1, rows.length - room));
	const header = `  ${cell('NETWORK / CONTAINER', widths.name, '')}${cell('DRIVER', widths.driver, '')}${cell('SCOPE', widths.scope, '')}${cell('SUBNET', widths.subnet, '')}GATEWAY`;
	let empty = '';
	if (state.net.networksError) empty = sanitize(state.net.networksError);
	else if (state.net.networks === null) empty = 'Loading networks…';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.heading} wrap="truncate">
				{header}
			</Text>
			{empty ? <Text color={state.net.networksError ? theme.tone.error : undefined}>{`  ${empty}`}</Text> : null}
			{rows.slice(top, top + room).map((row, k) => {
				const i = top + k;
				const selected = i === cursor;
				return (
					<Text key={row.kind === 'network' ? row.network.id : `${row.network.id}/${row.member.id}`} inverse={selected} bold={row.kind === 'network' && !selected} wrap="truncate">
						{`${selected ? theme.glyphs.cursor : ' '} ${networkRowText(row, widths, e, row.kind === 'network' ? servicesOnNetwork(state, row.network.id) : '')}`}
					</Text>
				);
			})}
			<Box flexGrow={1} />
			{result.length > 0 && netPanelRows(state) === 0 ? <Text wrap="truncate" color={theme.tone.ok}>{`  ${sanitize(result.join('; '))}`}</Text> : null}
			<NetPanel state={state} />
		</Box>
	);
}
