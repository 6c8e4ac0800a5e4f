/** The text field and the confirmation of the links and networks features. */
import {Box, Text} from 'ink';
import {fieldProblem} from '../../app/input/fields.js';
import {footerHints} from '../../app/input/keymap.js';
import type {State} from '../../app/state.js';
import type {FieldKind, FieldState} from '../../app/input/text-field.js';
import {TextField} from '../../app/view/text-field.js';
import {fit, useTheme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import {wrapText} from '../../model/wrap.js';
import type {NetConfirm} from './state.js';

/** The field kinds of the links and networks features. */
type NetFieldKind = Extract<FieldKind, 'linkAlias' | 'rename' | 'networkName' | 'subnet' | 'connectAlias' | 'moveNetwork'>;

const LABELS: Record<NetFieldKind, {label: string; placeholder: string}> = {
	linkAlias: {label: 'alias', placeholder: 'the name the recipient uses for the source'},
	rename: {label: 'new name', placeholder: '[a-zA-Z0-9][a-zA-Z0-9_.-]*'},
	networkName: {label: 'network name', placeholder: 'e.g. app-net'},
	subnet: {label: 'subnet', placeholder: 'e.g. 10.252.1.0/24 (empty: the engine picks one)'},
	connectAlias: {label: 'aliases', placeholder: 'names on this network, comma separated (empty: none)'},
	moveNetwork: {label: 'network', placeholder: 'a user-defined network (created when missing)'},
};

/** The open field of these features, with what is wrong with the text under it (2 rows). */
const isNetField = (field: FieldState | null): field is FieldState & {target: {kind: NetFieldKind}} => field !== null && field.target.kind in LABELS;

export function NetField({state, field}: {state: State; field: FieldState & {target: {kind: NetFieldKind}}}) {
	const theme = useTheme();
	const labels = LABELS[field.target.kind];
	const problem = fieldProblem(state, field);
	return (
		<Box flexDirection="column" width={state.size.columns}>
			<TextField prompt={`${labels.label}> `} scope="field" placeholder={labels.placeholder} field={field} width={state.size.columns} />
			{problem ? <Text color={theme.tone.error} wrap="truncate">{`  ${sanitize(problem)}`}</Text> : <Text> </Text>}
		</Box>
	);
}

/** Rows the confirmation takes: border (2), title, lines, keys. */
/** The question wrapped to the box: the title, then each consequence as `- …` (continued lines indented). */
function confirmText(c: NetConfirm, width: number): Array<{text: string; title: boolean}> {
	const inner = Math.max(10, width - 4);
	return [
		...wrapText(sanitize(c.title), inner).map((text) => ({text, title: true})),
		...c.lines.flatMap((l) => wrapText(sanitize(l), inner - 2).map((text, i) => ({text: `${i === 0 ? '-' : ' '} ${text}`, title: false}))),
	];
}

/** Rows the confirmation takes: its wrapped text, the keys, the border. */
export const confirmRows = (c: NetConfirm, width: number): number => confirmText(c, width).length + 3;

export function NetConfirmBox({confirm, width}: {confirm: NetConfirm; width: number}) {
	const theme = useTheme();
	const inner = Math.max(10, width - 4);
	const e = theme.glyphs.ellipsis;
	const hints = footerHints(['netConfirm'])
		.map((h) => `${h.keys} ${h.hint}`)
		.join('  ');
	return (
		<Box borderStyle={theme.ascii ? 'classic' : 'round'} borderColor={theme.tone.warn} flexDirection="column" width={width} paddingX={1}>
			{confirmText(confirm, width).map((l, i) => (
				<Text key={i} bold={l.title}>
					{l.text}
				</Text>
			))}
			<Text color={theme.tone.key}>{fit(hints, inner, e).trimEnd()}</Text>
		</Box>
	);
}

/** The field or the confirmation, whichever is open, at the bottom of a screen; and the rows it takes. */
export function netPanelRows(state: State): number {
	if (isNetField(state.field)) return 2;
	return state.net.confirm ? confirmRows(state.net.confirm, state.size.columns) : 0;
}

export function NetPanel({state}: {state: State}) {
	if (isNetField(state.field)) return <NetField state={state} field={state.field} />;
	if (state.net.confirm) return <NetConfirmBox confirm={state.net.confirm} width={state.size.columns} />;
	return null;
}
