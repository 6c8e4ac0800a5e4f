/**
 * Top line: engine endpoint and version, connection state, container counts and the rows on screen,
 * active filter. Disconnected, it counts down to the next attempt (a 1 s timer, only then) and says
 * when the rows shown were read.
 */
import {Box, Text} from 'ink';
import {useState} from 'react';
import type {Counts} from '../../features/list/selectors.js';
import {listPosition} from '../layout.js';
import type {ConnectionState} from '../state.js';
import {sanitize} from '../../model/sanitize.js';
import {useClock, useWakeAt} from './clock.js';
import {statusWhat} from './status-text.js';
import {useSelector} from './store-context.js';
import {fit, useTheme} from './theme.js';

/** `14:03:12`, on this machine's clock. */
function clockTime(ms: number): string {
	const d = new Date(ms);
	return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Seconds left before the next attempt, and when that figure next changes (null: it does not). */
function countdown(connection: ConnectionState, now: number): {seconds: number; changesAt: number | null} | null {
	if (connection.status !== 'disconnected') return null;
	if (connection.retryAt === undefined) return {seconds: Math.ceil(connection.retryInMs / 1000), changesAt: null};
	const seconds = Math.max(0, Math.ceil((connection.retryAt - now) / 1000));
	return {seconds, changesAt: seconds > 0 ? connection.retryAt - (seconds - 1) * 1000 : null};
}

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
	const clock = useClock();
	const {sep, dot} = theme.glyphs;
	const lastSync = useSelector((s) => s.lastSync);
	const position = useSelector((s) => listPosition(s, counts.shown));
	const [wokeAt, setWokeAt] = useState(0);
	const retry = countdown(connection, Math.max(wokeAt, clock.now()));
	useWakeAt(retry?.changesAt ?? null, setWokeAt);
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
			state = `${dot} disconnected, retrying in ${retry?.seconds ?? 0}s${lastSync === null ? '' : ` ${sep} rows as of ${clockTime(lastSync)}`}`;
			stateColor = theme.tone.error;
			break;
	}
	const what = statusWhat({counts, showAll, position, filter, sort, marked, readOnly, bindings, sep});
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
