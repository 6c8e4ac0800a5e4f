/**
 * The mode model (ARCHITECTURE.md): one pure function of the state says what has the keyboard.
 * It alone decides the key scopes, whether typed text goes into a field, and which feature
 * handles a command. A panel or field open over a screen takes the keyboard from it.
 */
import type {ModeId, Scope} from './commands.js';
import type {State} from '../state.js';

/** The modes that are whole screens: their scope plus the global keys apply. */
const SCREENS: ReadonlySet<ModeId> = new Set<ModeId>(['list', 'details', 'help', 'ports', 'editor', 'new', 'linkPicker', 'links', 'rename', 'networks', 'doctor', 'contexts', 'services', 'service', 'serviceEditor']);

/** The modes in which printable keys are text for the open field. */
const TEXT: ReadonlySet<ModeId> = new Set<ModeId>(['filter', 'palette', 'field']);

/** What has the keyboard now. */
export function mode(state: State): ModeId {
	if (state.confirm) return 'confirm';
	if (state.backupOffer) return 'backup';
	if (state.message) return 'message';
	const field = state.field;
	if (field) return field.target.kind === 'filter' ? 'filter' : field.target.kind === 'palette' ? 'palette' : 'field';
	if (state.net.confirm) return 'netConfirm';
	if ((state.screen === 'linkPicker' && state.net.picker?.stage === 'pick') || (state.screen === 'networks' && state.net.choosing !== null)) return 'choose';
	if (state.screen === 'editor' && state.editor?.stage === 'applying') return 'busy';
	if (state.screen === 'new' && state.form?.stage === 'creating') return 'busy';
	const stage = state.screen === 'editor' ? state.editor?.stage : undefined;
	if (stage === 'review' || stage === 'discard') return stage;
	if (state.screen === 'new' && state.form?.picking !== null && state.form?.picking !== undefined) return 'picker';
	if (state.screen === 'new' && state.form?.stage === 'discard') return 'discard';
	return state.screen;
}

/** True for the modes that are whole screens. */
export const isScreenMode = (m: ModeId): boolean => SCREENS.has(m);

/** True for the modes in which printable keys are typed into a field. */
export const takesText = (m: ModeId): boolean => TEXT.has(m);

/** The key scopes live in a mode, most specific first. */
export function scopesOf(m: ModeId): Scope[] {
	return isScreenMode(m) ? [m, 'global'] : [m];
}
