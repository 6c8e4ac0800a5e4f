/** The lines of the help screen, from the keymap table, pure: the view draws them, the reducer finds a mode's section. */
import type {ModeId} from '../../app/input/commands.js';
import {SCOPE_ORDER, SCOPE_TITLES, bindings, displayKey} from '../../app/input/keymap.js';
import {EDITING_KEYS} from '../../app/input/text-field.js';

export interface HelpLine {
	heading: boolean;
	keys: string;
	text: string;
}

export function helpLines(ascii: boolean, readOnly: boolean): HelpLine[] {
	const lines: HelpLine[] = [];
	for (const scope of SCOPE_ORDER) {
		const inScope = bindings(readOnly).filter((b) => b.scope === scope);
		if (inScope.length === 0) continue;
		lines.push({heading: true, keys: '', text: SCOPE_TITLES[scope]});
		for (const b of inScope) {
			lines.push({heading: false, keys: b.keys.map((k) => displayKey(k, ascii)).join(', '), text: b.description});
		}
		// Text is edited with the same keys in every field.
		if (scope === 'field') for (const k of EDITING_KEYS) lines.push({heading: false, keys: k.keys, text: k.description});
	}
	return lines;
}

/** The first line of the section of `mode`'s keys: the top for the list (its keys follow the global ones), 0 when it has none. */
export function sectionOf(mode: ModeId, readOnly: boolean): number {
	if (mode === 'list') return 0;
	return Math.max(0, helpLines(false, readOnly).findIndex((l) => l.heading && l.text === SCOPE_TITLES[mode]));
}
