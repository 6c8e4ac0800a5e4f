/**
 * A list to pick from (local images, link sources, containers to connect), drawn with
 * ink-select-input's list but driven by the store: the highlighted row is state, moved and picked
 * by commands of the `picker`/`choose` modes, so the list never takes keys of its own
 * (ARCHITECTURE.md, "The mode model"). Only the rows that fit are drawn.
 */
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {useTheme} from './theme.js';

interface Props {
	items: ReadonlyArray<{label: string; value: string}>;
	/** Index of the highlighted item. */
	cursor: number;
	/** Rows it may take. */
	height: number;
}

function Indicator({isSelected = false}: {isSelected?: boolean}) {
	const theme = useTheme();
	return (
		<Box marginRight={1}>
			<Text color={isSelected ? theme.tone.accent : undefined}>{isSelected ? theme.glyphs.cursor : ' '}</Text>
		</Box>
	);
}

function Item({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	const theme = useTheme();
	return (
		<Text color={isSelected ? theme.tone.accent : undefined} inverse={isSelected && !theme.color} wrap="truncate">
			{label}
		</Text>
	);
}

export function ChoiceList({items, cursor, height}: Props) {
	const room = Math.max(1, height);
	const at = Math.min(Math.max(0, cursor), Math.max(0, items.length - 1));
	const top = Math.max(0, Math.min(at - room + 1, items.length - room));
	const shown = items.slice(top, top + room).map((item) => ({...item, key: item.value}));
	// Not focused: it draws, the store moves. Remounted on every move, as its index is its own state.
	return <SelectInput key={`${top}:${at}`} items={shown} initialIndex={at - top} isFocused={false} indicatorComponent={Indicator} itemComponent={Item} />;
}
