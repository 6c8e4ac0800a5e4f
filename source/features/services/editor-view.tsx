/** The service port editor (`p` on a service): rows, the review, the update's progress and outcome. */
import {Box, Text} from 'ink';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {fit, useTheme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import {wrapText} from '../../model/wrap.js';
import {portChanges, serviceUpdateLines} from '../../model/swarm/format.js';
import {longSpec} from '../../model/swarm/publish.js';
import {FieldEditor} from '../editor/port-rows.js';
import {rowError, rowsPorts} from './editor.js';

const W = {spec: 40, pub: 10, target: 8, proto: 9};

function rowText(spec: string, e: string): string {
	const err = rowError(spec);
	if (err !== null) return `${fit(sanitize(spec), W.spec, e)}  ${sanitize(err)}`;
	return rowsPorts([spec])
		.map((p, i) => `${fit(i === 0 ? sanitize(spec) : '', W.spec, e)}  ${fit(p.publishedPort === 0 ? 'random' : String(p.publishedPort), W.pub, e)}  ${fit(String(p.targetPort), W.target, e)}  ${fit(p.protocol, W.proto, e)}  ${p.publishMode}`)
		.join(' | ');
}

export function ServiceEditorScreen({state}: {state: State}) {
	const theme = useTheme();
	const ed = state.svcEditor;
	const width = state.size.columns;
	const height = listHeight(state) + 1;
	if (!ed) return null;
	const e = theme.glyphs.ellipsis;
	const title = `Published ports of service ${sanitize(ed.name)}`;
	if (ed.stage === 'review') {
		const after = rowsPorts(ed.rows);
		const {gone, added, kept} = portChanges(ed.original, after);
		const lines = serviceUpdateLines(ed.name, ed.original, after);
		return (
			<Box flexDirection="column" height={height}>
				<Text bold color={theme.tone.accent}>{title}</Text>
				<Text bold>{fit(`Apply to ${sanitize(ed.name)}? A service update: the engine rolls it out over the tasks (a failed one is rolled back).`, width, e).trimEnd()}</Text>
				{gone.length + added.length === 0 ? <Text dimColor={theme.tone.dim}>  nothing changes</Text> : null}
				{kept.map((p, i) => <Text key={`k${i}`}>{`    ${longSpec(p)}`}</Text>)}
				{gone.map((p, i) => <Text key={`g${i}`} color={theme.tone.error}>{`  - ${longSpec(p)}`}</Text>)}
				{added.map((p, i) => <Text key={`a${i}`} color={theme.tone.ok}>{`  + ${longSpec(p)}`}</Text>)}
				{lines.map((l, i) => <Text key={`l${i}`} wrap="truncate">{`  ${sanitize(l)}`}</Text>)}
				{ed.conflictError ? <Text color={theme.tone.warn}>{`  could not check host ports: ${sanitize(ed.conflictError)}`}</Text> : null}
				{ed.conflicts === null ? <Text dimColor={theme.tone.dim}>  checking host ports…</Text> : ed.conflicts.length === 0 ? <Text color={theme.tone.ok}>  host ports: no conflict</Text> : null}
				{(ed.conflicts ?? []).map((c, i) => (
					<Text key={`c${i}`} color={c.holderRunning ? theme.tone.error : theme.tone.warn}>
						{`  ${c.holderRunning ? 'CONFLICT' : 'warning'}: ${sanitize(c.message)}${c.suggestion !== null ? `; next free port: ${c.suggestion} (u uses it)` : ''}`}
					</Text>
				))}
				<Text dimColor={theme.tone.dim}>  y apply  Esc back to the rows</Text>
			</Box>
		);
	}
	const field = state.field?.target.kind === 'servicePort' ? state.field : null;
	const cursor = (i: number): string => (i === ed.cursor ? theme.glyphs.cursor : ' ');
	const p = ed.progress;
	const status =
		ed.stage === 'applying'
			? {text: `updating ${ed.name}${e} ${p ? `${p.state}${p.message ? `: ${p.message}` : ''} (${p.running}/${p.desired} running)` : 'submitted'}`, color: theme.tone.warn}
			: ed.result
				? {text: ed.result.text, color: ed.result.tone === 'error' ? theme.tone.error : theme.tone.ok}
				: null;
	const statusLines = status ? wrapText(sanitize(status.text), Math.max(10, width - 2)) : [];
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent} wrap="truncate">{title}</Text>
			<Text bold color={theme.tone.heading} wrap="truncate">{`  ${fit('--publish (short or long syntax)', W.spec, '')}  ${fit('PUBLISHED', W.pub, '')}  ${fit('TARGET', W.target, '')}  ${fit('PROTOCOL', W.proto, '')}  MODE`}</Text>
			{ed.rows.length === 0 ? <Text dimColor={theme.tone.dim}>  no published port (a adds one)</Text> : null}
			{ed.rows.map((spec, i) => {
				const shown = field?.target.kind === 'servicePort' && field.target.index === i ? field.text : spec;
				return (
					<Text key={i} inverse={i === ed.cursor && !field} wrap="truncate">
						{`${cursor(i)} ${rowText(shown, e)}`}
					</Text>
				);
			})}
			<Text inverse={ed.cursor === ed.rows.length} bold wrap="truncate">{`${cursor(ed.rows.length)} [ Apply ]`}</Text>
			{field ? <FieldEditor state={state} field={field} label="publish" width={width} /> : null}
			{statusLines.map((l, i) => (
				<Text key={`s${i}`} color={status?.color}>{`  ${l}`}</Text>
			))}
		</Box>
	);
}
