/** `l`: link the selected container (the recipient) to a source: pick it, set the alias, see what changes. */
import {Box, Text} from 'ink';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {ChoiceList} from '../../app/view/choice-list.js';
import {useTheme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import {NetPanel, netPanelRows} from '../net-ops/panel.js';
import {linkSources, pickerAliasProblem} from './selectors.js';

/** The label of a candidate source: stopped ones say why they matter. */
export function sourceLabel(name: string, running: boolean, recipient: string, recipientRunning: boolean): string {
	if (running) return sanitize(name);
	return `${sanitize(name)}  (stopped: ${recipientRunning ? 'start it first' : `start it before ${sanitize(recipient)}`})`;
}

export function LinkPickerScreen({state}: {state: State}) {
	const theme = useTheme();
	const p = state.net.picker;
	const height = listHeight(state) + 1;
	if (!p) return null;
	const r = sanitize(p.recipient.name);
	const recipient = state.containers.find((c) => c.id === p.recipient.id);
	const recipientRunning = recipient?.state === 'running';
	if (p.stage === 'pick') {
		const items = linkSources(state.containers, p.recipient.id).map((s) => ({label: sourceLabel(s.name, s.running, p.recipient.name, recipientRunning), value: s.name}));
		return (
			<Box flexDirection="column" height={height}>
				<Text bold color={theme.tone.accent} wrap="truncate">{`Link ${r} to… (docker run --link SOURCE:ALIAS; ${r} is recreated with the link)`}</Text>
				<Text dimColor={theme.tone.dim} wrap="truncate">  Sources on the default bridge network (Enter picks, Esc closes):</Text>
				<Text dimColor={theme.tone.dim} wrap="truncate">  A stopped source blocks the recipient's start: the engine says Cannot link to a non running container.</Text>
				<ChoiceList items={items} cursor={p.cursor} height={Math.max(3, height - 4)} />
			</Box>
		);
	}
	const s = sanitize(p.source ?? '');
	const aliasProblem = pickerAliasProblem(state, p.alias);
	const key = `${p.source}:${p.alias}`;
	const ready = p.previewKey === key;
	const lines: Array<{text: string; tone?: 'error' | 'warn' | 'dim' | 'ok'}> = [];
	if (!ready) lines.push({text: 'reading both containers…', tone: 'dim'});
	else if (p.previewError) lines.push({text: `refused: ${sanitize(p.previewError)}`, tone: 'error'});
	else if (p.preview) {
		lines.push({text: `What ${r} will see (the same as docker run --link ${s}:${sanitize(p.alias)}):`});
		lines.push({text: '/etc/hosts', tone: 'dim'});
		for (const h of p.preview.hosts) lines.push({text: `  ${sanitize(h.replace('\t', '  '))}`, tone: 'ok'});
		lines.push({text: `env (${p.preview.env.length})`, tone: 'dim'});
		for (const v of p.preview.env) lines.push({text: `  ${sanitize(v)}`, tone: 'ok'});
		for (const n of p.preview.notes) lines.push({text: `note: ${sanitize(n)}`, tone: 'warn'});
	}
	const room = Math.max(1, height - 4 - netPanelRows(state));
	const shown = lines.length > room ? [...lines.slice(0, room - 1), {text: `… ${lines.length - room + 1} more`, tone: 'dim' as const}] : lines;
	const color = (tone?: string): string | undefined => (tone === 'error' ? theme.tone.error : tone === 'warn' ? theme.tone.warn : tone === 'ok' ? theme.tone.ok : undefined);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent} wrap="truncate">{`Link ${r} --${sanitize(p.alias)}--> ${s}`}</Text>
			<Text wrap="truncate">{`  Alias: ${sanitize(p.alias)}${p.alias === p.source ? ' (the source name)' : ''}   e edits it`}</Text>
			<Text color={aliasProblem ? theme.tone.error : undefined} wrap="truncate">
				{aliasProblem ? `  ${sanitize(aliasProblem)} (the engine would silently drop a second link with it)` : `  ${r} is recreated with the link; y applies, n goes back`}
			</Text>
			{shown.map((l, i) => (
				<Text key={i} wrap="truncate" color={color(l.tone)} dimColor={l.tone === 'dim' && theme.tone.dim}>
					{l.text}
				</Text>
			))}
			<NetPanel state={state} />
		</Box>
	);
}
