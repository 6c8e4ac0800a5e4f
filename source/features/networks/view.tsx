/** `N`, `:networks`: networks with driver, subnet, gateway, and the containers on them with IPs and aliases. */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {ChoiceList} from '../../app/view/choice-list.js';
import {fit, useTheme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import {NetPanel, netPanelRows} from '../net-ops/panel.js';
import {connectCandidates, networkRows, type NetworkRow} from './selectors.js';

const W = {name: 24, driver: 8, scope: 6, subnet: 20, gateway: 16};

export function networkRowText(row: NetworkRow, e: string): string {
	if (row.kind === 'network') {
		const n = row.network;
		const pool = n.pools[0];
		const extra = [n.predefined ? 'predefined' : '', n.internal ? 'internal' : '', `${n.containers.length} container${n.containers.length === 1 ? '' : 's'}`].filter(Boolean).join(', ');
		return `${fit(sanitize(n.name), W.name, e)}  ${fit(n.driver, W.driver, e)}  ${fit(n.scope, W.scope, e)}  ${fit(pool?.subnet ?? '-', W.subnet, e)}  ${fit(pool?.gateway || '-', W.gateway, e)}  ${extra}`;
	}
	const m = row.member;
	const aliases = m.aliases.length > 0 ? `  aliases: ${m.aliases.map(sanitize).join(', ')}` : '';
	return `  ${fit(sanitize(m.name), W.name - 2, e)}  ${fit(m.ipv4 || '-', 16, e)}${m.ipv6 ? `  ${m.ipv6}` : ''}${aliases}`;
}

export function NetworksScreen({state}: {state: State}) {
	const theme = useTheme();
	const e = theme.glyphs.ellipsis;
	const rows = useMemo(() => networkRows(state.net.networks), [state.net.networks]);
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
	const header = `  ${fit('NETWORK / CONTAINER', W.name, '')}  ${fit('DRIVER', W.driver, '')}  ${fit('SCOPE', W.scope, '')}  ${fit('SUBNET', W.subnet, '')}  ${fit('GATEWAY', W.gateway, '')}`;
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
						{`${selected ? theme.glyphs.cursor : ' '} ${networkRowText(row, e)}`}
					</Text>
				);
			})}
			<Box flexGrow={1} />
			{result.length > 0 && netPanelRows(state) === 0 ? <Text wrap="truncate" color={theme.tone.ok}>{`  ${sanitize(result.join('; '))}`}</Text> : null}
			<NetPanel state={state} />
		</Box>
	);
}
