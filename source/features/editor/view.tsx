/** `p`: the port mappings of one container, edited as rows of `-p` specs, reviewed, then applied. */
import {Box, Text} from 'ink';
import type React from 'react';
import {sanitize} from '../../model/sanitize.js';
import {wrapText} from '../../model/wrap.js';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {fit, useTheme} from '../../app/view/theme.js';
import {FieldEditor, portHeader, portRowText} from './port-rows.js';
import {changeLines, editorRunLine} from './review.js';
import type {EditorState} from './state.js';

function Review({editor, width}: {editor: EditorState; width: number}) {
	const theme = useTheme();
	const e = theme.glyphs.ellipsis;
	const lines = changeLines(editor);
	let conflicts: React.ReactNode;
	if (editor.conflictError) conflicts = <Text color={theme.tone.warn}>{`  could not check host ports: ${sanitize(editor.conflictError)}`}</Text>;
	else if (editor.conflicts === null) conflicts = <Text dimColor={theme.tone.dim}>  checking host ports…</Text>;
	else if (editor.conflicts.length === 0) conflicts = <Text color={theme.tone.ok}>  host ports: no conflict</Text>;
	else {
		conflicts = editor.conflicts.map((c, i) => (
			<Text key={i} color={c.holderRunning ? theme.tone.error : theme.tone.warn}>
				{c.holderRunning
					? `  CONFLICT: ${sanitize(c.message)}${c.suggestion !== null ? `; next free port: ${c.suggestion} (u uses it)` : ''}`
					: `  warning: ${sanitize(c.message)}`}
			</Text>
		));
	}
	return (
		<Box flexDirection="column" width={width}>
			<Text bold>{fit(`Apply to ${sanitize(editor.name)}? It is recreated with these ports; everything else is kept.`, width, e).trimEnd()}</Text>
			{lines.length === 0 ? <Text dimColor={theme.tone.dim}>  (no port published)</Text> : null}
			{lines.map((l, i) => (
				<Text key={i} color={l.startsWith('+') ? theme.tone.ok : l.startsWith('-') ? theme.tone.error : undefined} wrap="truncate">
					{`  ${l}`}
				</Text>
			))}
			<Text>{fit(`  ${sanitize(editorRunLine(editor))}`, width, e).trimEnd()}</Text>
			{conflicts}
		</Box>
	);
}

export function PortEditorScreen({state}: {state: State}) {
	const theme = useTheme();
	const editor = state.editor;
	const width = state.size.columns;
	const height = listHeight(state) + 1;
	if (!editor) return null;
	const e = theme.glyphs.ellipsis;
	const o = editor.original;
	const title = `Ports of ${sanitize(editor.name)}${o ? ` (${sanitize(o.image)}, ${o.running ? 'running' : 'not running'})` : ''}`;
	if (!o) {
		return (
			<Box flexDirection="column" height={height}>
				<Text bold color={theme.tone.accent}>{title}</Text>
				<Text color={editor.error ? theme.tone.error : undefined}>{editor.error ? sanitize(editor.error) : 'Loading…'}</Text>
			</Box>
		);
	}
	if (editor.stage === 'review') {
		return (
			<Box flexDirection="column" height={height}>
				<Text bold color={theme.tone.accent}>{title}</Text>
				<Review editor={editor} width={width} />
			</Box>
		);
	}
	// The port field; the command line (`:`) has the bottom line.
	const field = state.field?.target.kind === 'port' ? state.field : null;
	const fieldRows = field ? 2 : 0;
	const status =
		editor.stage === 'applying'
			? {text: `recreating ${editor.name}${e} (the editor closes when it is done)`, color: theme.tone.warn}
			: editor.applyError
				? {text: `the change was not applied (edits kept; w tries again): ${editor.applyError}`, color: theme.tone.error}
				: null;
	const statusLines = status ? wrapText(sanitize(status.text), Math.max(10, width - 2)) : [];
	const room = Math.max(1, height - 6 - fieldRows - statusLines.length);
	const top = Math.max(0, Math.min(editor.cursor - room + 1, editor.rows.length - room));
	const exposed = o.exposed.length > 0 ? o.exposed.join(', ') : 'none';
	const cursor = (i: number): string => (i === editor.cursor ? theme.glyphs.cursor : ' ');
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent} wrap="truncate">{title}</Text>
			<Text bold color={theme.tone.heading} wrap="truncate">{`  ${portHeader()}`}</Text>
			{editor.rows.length === 0 ? <Text dimColor={theme.tone.dim}>  no port mapping (a adds one)</Text> : null}
			{editor.rows.slice(top, top + room).map((spec, k) => {
				const i = top + k;
				// The row being edited shows what is typed.
				const shown = field?.target.kind === 'port' && field.target.index === i ? field.text : spec;
				return (
					<Text key={i} inverse={i === editor.cursor && !field} wrap="truncate">
						{`${cursor(i)} ${portRowText(shown, e)}`}
					</Text>
				);
			})}
			<Text wrap="truncate">{`  [${editor.publishAll ? 'x' : ' '}] -P publish every exposed port (${sanitize(exposed)}) on a random host port`}</Text>
			<Text inverse={editor.cursor === editor.rows.length} bold wrap="truncate">{`${cursor(editor.rows.length)} [ Apply ]`}</Text>
			{field ? <FieldEditor state={state} field={field} label="port" width={width} /> : null}
			{statusLines.map((l, i) => (
				<Text key={`s${i}`} color={status?.color}>{`  ${l}`}</Text>
			))}
			{editor.stage === 'discard' ? (
				<Text color={theme.tone.warn} bold>{`Discard the changes to ${sanitize(editor.name)}${editor.discardThen === 'quit' ? ' and quit' : ''}? y discard  n keep editing`}</Text>
			) : null}
		</Box>
	);
}
