/** The question before a stop or a remove: names the containers and says exactly what goes with them. */
import {Box, Text} from 'ink';
import {sanitize} from '../../model/sanitize.js';
import {footerHints} from '../../app/input/keymap.js';
import {fit, useTheme} from '../../app/view/theme.js';
import type {Confirm} from './state.js';

/** The question's text, one line: what will happen, like the docker command it stands for. */
export function confirmText(confirm: Confirm): string {
	const names = confirm.targets.map((t) => sanitize(t.name));
	const list = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
	if (confirm.kind === 'stop') {
		const rm =
			confirm.autoRemove === null
				? ' (checking for --rm…)'
				: confirm.autoRemove.length > 0
					? ` ${confirm.autoRemove.map(sanitize).join(', ')} ${confirm.autoRemove.length === 1 ? 'was' : 'were'} run with --rm: stopping removes ${confirm.autoRemove.length === 1 ? 'it' : 'them'}.`
					: '';
		return `Stop ${list}? (docker stop)${rm}`;
	}
	const running = confirm.targets.filter((t) => t.running).map((t) => sanitize(t.name));
	const force = running.length > 0 ? ` ${running.join(', ')} ${running.length === 1 ? 'is' : 'are'} running: killed first (docker rm -f).` : ' (docker rm)';
	const volumes = confirm.removeVolumes
		? ' Anonymous volumes are removed too (docker rm -v).'
		: ' Anonymous volumes are kept (v: remove them too).';
	return `Remove ${list}?${force}${volumes}`;
}

export function ConfirmPanel({confirm, width}: {confirm: Confirm; width: number}) {
	const theme = useTheme();
	const inner = Math.max(10, width - 4);
	const hints = footerHints(['confirm'])
		.map((h) => `${h.keys} ${h.hint}`)
		.join('  ');
	return (
		<Box borderStyle={theme.ascii ? 'classic' : 'round'} borderColor={theme.tone.warn} flexDirection="column" width={width} paddingX={1}>
			<Text bold>{fit(confirmText(confirm), inner, theme.glyphs.ellipsis).trimEnd()}</Text>
			<Text color={theme.tone.key}>{fit(`${hints}${confirm.kind === 'remove' ? '  v volumes' : ''}`, inner, theme.glyphs.ellipsis).trimEnd()}</Text>
		</Box>
	);
}
