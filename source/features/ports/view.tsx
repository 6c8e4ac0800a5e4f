/** The ports view: every binding of every container, sorted by host port, conflicts flagged, probes shown. */
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {BindingRow} from '../../model/bindings.js';
import {sanitize} from '../../model/sanitize.js';
import {hyperlink, webUrl} from '../../model/ports/web-address.js';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {fit, useTheme, type Theme} from '../../app/view/theme.js';
import {visibleBindings} from './reducer.js';
import type {ProbeState} from './state.js';

const W = {ip: 16, hostPort: 9, port: 11, state: 10};

/** A not-probed reason as one phrase, never `not probed: UDP is not probed`. */
const notProbed = (reason: string): string => (/\bnot probed\b/i.test(reason) ? reason : `not probed: ${reason}`);

/** What the last column says about a binding: its probe, else its conflict, else a random-port note. */
export function bindingNote(row: BindingRow, probe: ProbeState | undefined): {text: string; tone: 'ok' | 'warn' | 'error' | 'dim'} {
	if (probe) {
		switch (probe.status) {
			case 'probing':
				return {text: 'probing…', tone: 'dim'};
			case 'not-probed':
				return {text: notProbed(probe.reason), tone: 'dim'};
			case 'open':
				return {text: `open ${probe.target} in ${probe.ms} ms${probe.heldMs === undefined ? '' : ': accepted and held'}`, tone: 'ok'};
			case 'closed':
				// docker-proxy accepts every connection, and closes it when nothing listens in the container.
				return {
					text: `closed ${probe.target}: accepted, then closed by the container side after ${probe.heldMs ?? 0} ms (nothing listening?)`,
					tone: 'warn',
				};
			case 'refused':
				return {text: `refused ${probe.target} in ${probe.ms} ms`, tone: 'error'};
			case 'timeout':
				return {text: `timeout ${probe.target} after ${probe.ms} ms`, tone: 'warn'};
			case 'error':
				return {text: `error ${probe.code ?? ''} ${probe.target}`.trim(), tone: 'error'};
		}
	}
	if (row.conflictsWith.length > 0) return {text: `CONFLICT with ${row.conflictsWith.join(', ')}`, tone: 'error'};
	if (row.requested && row.hostPort === null) return {text: 'random port at start', tone: 'dim'};
	if (row.requested) return {text: 'requested (not running)', tone: 'dim'};
	return {text: '', tone: 'dim'};
}

function toneColor(theme: Theme, tone: 'ok' | 'warn' | 'error' | 'dim'): {color?: string; dimColor?: boolean} {
	if (tone === 'dim') return {dimColor: theme.tone.dim};
	const color = theme.tone[tone];
	return color ? {color} : {};
}

export function PortsScreen({state}: {state: State}) {
	const theme = useTheme();
	const e = theme.glyphs.ellipsis;
	const {ports} = state;
	const rows = useMemo(() => visibleBindings({ports}), [ports]);
	const height = listHeight(state);
	const nameWidth = Math.min(24, Math.max(9, ...rows.map((r) => r.containerName.length)));
	const noteWidth = Math.max(10, state.size.columns - (2 + W.ip + W.hostPort + W.port + nameWidth + W.state + 10));
	const header = `  ${fit('HOST IP', W.ip, '')}  ${fit('HOST PORT', W.hostPort, '')}  ${fit('CONTAINER', W.port, '')}  ${fit('NAME', nameWidth, '')}  ${fit('STATE', W.state, '')}  NOTE`;
	let empty = '';
	if (state.ports.error) empty = state.ports.error;
	else if (!state.ports.loaded) empty = 'Loading bindings…';
	else if (rows.length === 0) empty = state.ports.filter ? `No binding matches "${sanitize(state.ports.filter)}".` : 'No container publishes a port.';
	return (
		<Box flexDirection="column" height={height + 1}>
			<Text bold color={theme.tone.heading} wrap="truncate">
				{header}
			</Text>
			{empty ? <Text dimColor={theme.tone.dim}>{`  ${empty}`}</Text> : null}
			{rows.slice(state.ports.scrollTop, state.ports.scrollTop + height).map((r) => {
				const selected = r.key === state.ports.selectedKey;
				const note = bindingNote(r, state.ports.probes[r.key]);
				const ip = r.hostIp.includes(':') ? `[${r.hostIp}]` : r.hostIp;
				// A running web port is a link where the terminal opens them (ARCHITECTURE.md, "The terminal").
				const url = theme.hyperlinks && !r.requested ? webUrl(r.hostIp, r.hostPort, r.containerPort, r.protocol) : null;
				const port = fit(r.hostPort === null ? '-' : String(r.hostPort), W.hostPort, e);
				const text =
					`${selected ? theme.glyphs.cursor : ' '} ${fit(ip, W.ip, e)}  ${url ? hyperlink(url, port) : port}  ` +
					`${fit(`${r.containerPort}/${r.protocol}`, W.port, e)}  ${fit(sanitize(r.containerName), nameWidth, e)}  ${fit(sanitize(r.state), W.state, e)}  `;
				return (
					<Text key={r.key} inverse={selected} wrap="truncate" dimColor={!selected && theme.tone.dim && r.state !== 'running'}>
						{text}
						<Text {...toneColor(theme, note.tone)}>{fit(note.text, noteWidth, e).trimEnd()}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
