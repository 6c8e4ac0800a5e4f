/** Top line: engine endpoint and version, connection state, container counts, active filter. */
import {Box, Text} from 'ink';
import type {Counts} from '../../features/list/selectors.js';
import type {ConnectionState} from '../state.js';
import {sanitize} from '../../model/sanitize.js';
import {fit, useTheme} from './theme.js';

interface Props {
	endpoint: string;
	version: string | null;
	connection: ConnectionState;
	counts: Counts;
	showAll: boolean;
	filter: string;
	width: number;
	readOnly: boolean;
	sort: string;
	marked: number;
	/** In the ports view: how many bindings are shown, instead of the container counts' "showing". */
	bindings?: number | undefined;
}

export function StatusBar({endpoint, version, connection, counts, showAll, filter, width, readOnly, sort, marked, bindings}: Props) {
	const theme = useTheme();
	const {sep, dot} = theme.glyphs;
	let state: string;
	let stateColor: string | undefined;
	switch (connection.status) {
		case 'connected':
			state = `${dot} connected`;
			stateColor = theme.tone.ok;
			break;
		case 'connecting':
			state = `${dot} connecting${connection.attempt > 0 ? ` (attempt ${connection.attempt + 1})` : ''}`;
			stateColor = theme.tone.warn;
			break;
		case 'disconnected':
			state = `${dot} disconnected, retrying in ${Math.ceil(connection.retryInMs / 1000)}s`;
			stateColor = theme.tone.error;
			break;
	}
	const what =
		`${counts.running} running, ${counts.total} total ${sep} ` +
		(bindings === undefined ? `showing ${counts.shown} ${showAll ? '(all)' : '(running)'}` : `${bindings} binding${bindings === 1 ? '' : 's'}`) +
		`${filter ? ` matching "${sanitize(filter)}"` : ''}${sort !== 'name' ? `, by ${sort}` : ''}${marked > 0 ? ` ${sep} ${marked} marked` : ''}` +
		`${readOnly ? ` ${sep} READ-ONLY` : ''}`;
	const head = `dnet ${sep} `;
	// Cut by hand (not Ink's truncate) so that the ASCII theme never draws a Unicode ellipsis.
	const tail = fit(` ${sep} ${what} ${sep} ${sanitize(endpoint)}${version ? ` (Docker ${sanitize(version)})` : ''}`, Math.max(0, width - head.length - state.length), theme.glyphs.ellipsis).trimEnd();
	return (
		<Box width={width}>
			<Text bold color={theme.tone.accent}>
				dnet
			</Text>
			<Text>{` ${sep} `}</Text>
			<Text color={stateColor}>{fit(state, Math.max(0, width - head.length), theme.glyphs.ellipsis).trimEnd()}</Text>
			<Text>{tail}</Text>
		</Box>
	);
}
