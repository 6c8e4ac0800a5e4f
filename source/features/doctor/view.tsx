/** The port doctor's screen: the same lines as `dnet doctor`, the verdicts in colour. */
import {Box, Text} from 'ink';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {useTheme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import {screenLines} from './lines.js';

function tone(line: string, theme: ReturnType<typeof useTheme>): string | undefined {
	// a wrapped line's rest keeps no colour of its own
	if (/^ {8}/.test(line) && !/^ {8}fix: /.test(line)) return undefined;
	if (line.startsWith('  ok ')) return theme.tone.ok;
	if (line.startsWith('  FAIL ')) return theme.tone.error;
	if (line.startsWith('  -- ')) return theme.tone.warn;
	if (!line.startsWith(' ')) return theme.tone.accent;
	return undefined;
}

export function DoctorScreen({state}: {state: State}) {
	const theme = useTheme();
	const height = listHeight(state) + 1;
	const d = state.doctor;
	if (!d) return null;
	const what = d.port ? `${d.name} ${d.port.port}/${d.port.proto}` : d.name;
	const lines = screenLines(d, state.size.columns - 1);
	const verdict = d.diagnosis ? `${d.diagnosis.ok ? 'every check passes' : 'a problem was found'}${d.running ? '; checking again' : ''}` : '';
	const shown = lines.slice(d.scroll, d.scroll + height - 1);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent} wrap="truncate">{sanitize(`Port doctor: ${what}${verdict ? ` (${verdict})` : ''}`)}</Text>
			{shown.map((line, i) => (
				<Text key={i} color={tone(line, theme)} wrap="truncate">
					{sanitize(line)}
				</Text>
			))}
		</Box>
	);
}
