/** The offer, on start, to restore a container whose change (recreate) was interrupted. */
import {Box, Text} from 'ink';
import {fit, useTheme} from '../../app/view/theme.js';
import {wrapText} from '../../model/wrap.js';
import {backupText} from './text.js';
import type {BackupOffer} from './state.js';

export function BackupPanel({offer, width}: {offer: BackupOffer; width: number}) {
	const theme = useTheme();
	const first = offer.backups[0];
	if (!first) return null;
	const inner = Math.max(10, width - 4);
	const more = offer.backups.length > 1 ? `  (${offer.backups.length - 1} more)` : '';
	const status = offer.running === 'restore' ? 'restoring…' : offer.running === 'discard' ? 'removing the backup…' : `y restore  n no  Esc later${more}`;
	return (
		<Box borderStyle={theme.ascii ? 'classic' : 'round'} borderColor={theme.tone.warn} flexDirection="column" width={width} paddingX={1}>
			{wrapText(backupText(first), inner).map((line, i) => (
				<Text key={i} bold>
					{line}
				</Text>
			))}
			<Text color={theme.tone.key}>{fit(status, inner, theme.glyphs.ellipsis).trimEnd()}</Text>
		</Box>
	);
}
