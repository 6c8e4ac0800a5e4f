/** `:ports all`: one table of every context's published ports, a context that does not answer said so. */
import {Box, Text} from 'ink';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {useTheme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import type {ContextsState} from './state.js';

type Line = {text: string; tone?: 'error' | 'dim'};

function lines(c: ContextsState): Line[] {
	const width = Math.max(7, ...c.hosts.map((h) => h.context.length));
	const out: Line[] = [];
	for (const h of c.hosts) {
		if (h.status === 'reading') out.push({text: `${h.context.padEnd(width)}  reading ${h.endpoint}…`, tone: 'dim'});
		else if (h.status === 'error') out.push({text: `${h.context.padEnd(width)}  not answering: ${h.error}`, tone: 'error'});
		else if (h.rows.length === 0) out.push({text: `${h.context.padEnd(width)}  no published port`, tone: 'dim'});
		for (const r of h.rows) {
			out.push({text: `${h.context.padEnd(width)}  ${r.hostIp.padEnd(15)} ${String(r.hostPort).padEnd(9)} ${`${r.containerPort}/${r.protocol}`.padEnd(14)} ${r.container}  ${r.state}`});
		}
	}
	return out;
}

export function AllPortsView({state, contexts}: {state: State; contexts: ContextsState}) {
	const theme = useTheme();
	const height = listHeight(state) + 1;
	const all = lines(contexts);
	const width = Math.max(7, ...contexts.hosts.map((h) => h.context.length));
	const scroll = Math.min(contexts.scroll, Math.max(0, all.length - (height - 2)));
	const count = contexts.hosts.reduce((n, h) => n + h.rows.length, 0);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent} wrap="truncate">
				{`Published ports of every context (${count}; ${contexts.hosts.filter((h) => h.status === 'reading').length} still reading)`}
			</Text>
			<Text bold wrap="truncate">{`${'CONTEXT'.padEnd(width)}  ${'HOST IP'.padEnd(15)} ${'HOST PORT'.padEnd(9)} ${'CONTAINER PORT'.padEnd(14)} CONTAINER  STATE`}</Text>
			{all.slice(scroll, scroll + height - 2).map((l, i) => (
				<Text key={i} color={l.tone === 'error' ? theme.tone.error : undefined} dimColor={l.tone === 'dim' && theme.tone.dim} wrap="truncate">
					{sanitize(l.text)}
				</Text>
			))}
		</Box>
	);
}
