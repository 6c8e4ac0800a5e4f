/** The offer, on start, to restore a container whose change (recreate) was interrupted. */
import {Box, Text} from 'ink';
import {fit, useTheme} from '../../app/view/theme.js';
import {sanitize} from '../../model/sanitize.js';
import type {RecreateBackup} from '../../operations/recreate/index.js';
import type {BackupOffer} from './state.js';

/** The question, one line. */
export function backupText(b: RecreateBackup): string {
	const name = sanitize(b.originalName);
	const backup = sanitize(b.name);
	if (b.complete) return `A change to ${name} finished but left its backup (${backup}). Restore the old ${name}? y/n (n removes the backup)`;
	return `A change to ${name} was interrupted (backup ${backup}). Restore it? y/n`;
}

export function BackupPanel({offer, width}: {offer: BackupOffer; width: number}) {
	const theme = useTheme();
	const first = offer.backups[0];
	if (!first) return null;
	const inner = Math.max(10, width - 4);
	const more = offer.backups.length > 1 ? `  (${offer.backups.length - 1} more)` : '';
	const status = offer.running === 'restore' ? 'restoring…' : offer.running === 'discard' ? 'removing the backup…' : `y restore  n no  Esc later${more}`;
	return (
		<Box borderStyle={theme.ascii ? 'classic' : 'round'} borderColor={theme.tone.warn} flexDirection="column" width={width} paddingX={1}>
			<Text bold>{fit(backupText(first), inner, theme.glyphs.ellipsis).trimEnd()}</Text>
			<Text color={theme.tone.key}>{fit(status, inner, theme.glyphs.ellipsis).trimEnd()}</Text>
		</Box>
	);
}
