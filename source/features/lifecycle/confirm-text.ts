/**
 * What the stop/remove confirmation says, pure: the question with every container named, what goes
 * with them, and the links that break (the recipients that link to a container stopped or removed).
 * Never cut: the panel wraps it, and the layout gives it the rows it takes.
 */
import {wrapText} from '../../model/wrap.js';
import {sanitize} from '../../model/sanitize.js';
import type {ContainerSummary} from '../../model/container.js';
import {linkedFrom} from '../list/selectors.js';
import type {Confirm} from './state.js';

const names = (list: string[]): string => list.map(sanitize).join(', ');

/** The links that break, one line each: `web links to db as db: …`. */
function breaking(confirm: Confirm, containers: ContainerSummary[]): string[] {
	const leaving = new Set(confirm.targets.map((t) => t.name));
	const out: string[] = [];
	for (const t of confirm.targets) {
		for (const l of linkedFrom(containers, t.name)) {
			// A recipient that goes too loses nothing that matters.
			if (leaving.has(l.source)) continue;
			const link = `${sanitize(l.source)} links to ${sanitize(t.name)} as ${sanitize(l.alias)}`;
			out.push(
				confirm.kind === 'stop'
					? `${link}: the link stops working until ${sanitize(t.name)} runs again.`
					: `${link}: the link breaks, and ${sanitize(l.source)} cannot start again while no container is named ${sanitize(t.name)}.`,
			);
		}
	}
	return out;
}

/** The paragraphs of the question (the first is the question itself). */
export function confirmParagraphs(confirm: Confirm, containers: ContainerSummary[]): string[] {
	const all = names(confirm.targets.map((t) => t.name));
	let question: string;
	if (confirm.kind === 'stop') {
		const rm =
			confirm.autoRemove === null
				? ' (checking for --rm…)'
				: confirm.autoRemove.length > 0
					? ` ${names(confirm.autoRemove)} ${confirm.autoRemove.length === 1 ? 'was' : 'were'} run with --rm: stopping removes ${confirm.autoRemove.length === 1 ? 'it' : 'them'}.`
					: '';
		question = `Stop ${all}? (docker stop)${rm}`;
	} else {
		const running = confirm.targets.filter((t) => t.running).map((t) => t.name);
		const force = running.length > 0 ? ` ${names(running)} ${running.length === 1 ? 'is' : 'are'} running: killed first (docker rm -f).` : ' (docker rm)';
		const volumes = confirm.removeVolumes ? ' Anonymous volumes are removed too (docker rm -v).' : ' Anonymous volumes are kept (v: remove them too).';
		question = `Remove ${all}?${force}${volumes}`;
	}
	return [question, ...breaking(confirm, containers)];
}

/** The question wrapped to `width` columns. */
export function confirmLines(confirm: Confirm, containers: ContainerSummary[], width: number): string[] {
	return confirmParagraphs(confirm, containers).flatMap((p) => wrapText(p, width));
}

/** Rows the panel takes: the wrapped question, the keys, the border. */
export function confirmPanelRows(confirm: Confirm, containers: ContainerSummary[], width: number): number {
	return confirmLines(confirm, containers, Math.max(10, width - 4)).length + 3;
}
