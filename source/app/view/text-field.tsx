/**
 * Draws the store's text field: its text with the cursor shown as an inverse cell, scrolled
 * sideways to keep the cursor in view. It takes no input itself: keys reach the field through
 * the reducer (ARCHITECTURE.md, "Text fields").
 */
import {Box, Text} from 'ink';
import type {Scope} from '../input/commands.js';
import {footerHints} from '../input/keymap.js';
import {sanitize} from '../../model/sanitize.js';
import type {FieldState} from '../input/text-field.js';
import {useTheme} from './theme.js';

/** The part of `text` to show in `width` cells with the cursor at `cursor` in view. */
export function fieldWindow(text: string, cursor: number, width: number): {before: string; at: string; after: string} {
	const room = Math.max(1, width - 1);
	const start = Math.max(0, Math.min(cursor - room + 1, text.length - room + 1, cursor));
	const from = Math.max(0, Math.min(start, cursor));
	const shown = text.slice(from, from + room + 1);
	const at = cursor - from;
	return {before: shown.slice(0, at), at: shown[at] ?? ' ', after: shown.slice(at + 1, room)};
}

interface Props {
	/** `/`, `:`, `port> `… */
	prompt: string;
	scope: Scope;
	placeholder: string;
	field: FieldState;
	width: number;
}

/** One line: the prompt, the field, and the keys the field binds (Enter, Esc). */
export function TextField({prompt, scope, placeholder, field, width}: Props) {
	const theme = useTheme();
	const hints = footerHints([scope])
		.map((h) => `  ${h.keys} ${h.hint}`)
		.join('');
	const room = Math.max(8, width - prompt.length - hints.length - 1);
	const text = sanitize(field.text);
	if (text === '') {
		return (
			<Box width={width}>
				<Text bold color={theme.tone.key}>
					{prompt}
				</Text>
				<Text inverse>{placeholder.slice(0, 1) || ' '}</Text>
				<Text dimColor={theme.tone.dim} wrap="truncate">
					{placeholder.slice(1, room)}
				</Text>
				<Text wrap="truncate">{hints}</Text>
			</Box>
		);
	}
	const {before, at, after} = fieldWindow(text, Math.min(field.cursor, text.length), room);
	return (
		<Box width={width}>
			<Text bold color={theme.tone.key}>
				{prompt}
			</Text>
			<Text>{before}</Text>
			<Text inverse>{at}</Text>
			<Text>{after}</Text>
			<Text wrap="truncate">{hints}</Text>
		</Box>
	);
}
