/**
 * The status bar's middle text, one function for the UI's status bar and the first frame drawn
 * before Ink (ARCHITECTURE.md, "The first frame"): the counts, what the list shows, and the modes.
 */
import type {Counts} from '../../features/list/selectors.js';
import {sanitize} from '../../model/sanitize.js';

export interface StatusWhat {
	counts: Counts;
	showAll: boolean;
	/** `1-38 of 500` when the list is longer than the screen (app/layout.ts). */
	position: string | null;
	filter: string;
	sort: string;
	marked: number;
	readOnly: boolean;
	/** In the ports view: how many bindings are shown, instead of the container counts' "showing". */
	bindings?: number | undefined;
	sep: string;
}

/** `50 running, 500 total · showing 1-38 of 50 (running)`; the total is left out while unknown. */
export function statusWhat({counts, showAll, position, filter, sort, marked, readOnly, bindings, sep}: StatusWhat): string {
	const total = counts.total === null ? '' : `, ${counts.total} total`;
	// While only the running containers are known, `a` shows them and says the others are coming.
	const scope = showAll ? (counts.total === null ? '(all, loading…)' : '(all)') : '(running)';
	return (
		`${counts.running} running${total} ${sep} ` +
		(bindings === undefined ? `showing ${position ?? counts.shown} ${scope}` : `${bindings} binding${bindings === 1 ? '' : 's'}`) +
		`${filter ? ` matching "${sanitize(filter)}"` : ''}${sort !== 'name' ? `, by ${sort}` : ''}${marked > 0 ? ` ${sep} ${marked} marked` : ''}` +
		`${readOnly ? ` ${sep} READ-ONLY` : ''}`
	);
}
