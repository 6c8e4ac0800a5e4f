/** Pure reads of the new-container form: its items, the `RunSpec` it stands for, what is wrong with it. */
import {withoutLeadingSlash, type ContainerSummary} from '../../model/container.js';
import {errorText} from '../../model/error-text.js';
import {firstInvalid, splitCommand} from '../../model/port-rows.js';
import {validateContainerName, validateLink, type RunSpec} from '../../model/run-spec.js';
import {isUp} from '../list/selectors.js';
import {NET_KEYS, netProblem, netSpec} from './net.js';
import type {FormItem, FormState} from './state.js';

/** Running containers a new container can link to, by name. */
export function linkCandidates(containers: ContainerSummary[]): string[] {
	return containers
		.filter(isUp)
		.map((c) => c.name)
		.sort((a, b) => a.localeCompare(b));
}

/** The form's items top to bottom; the cursor indexes this list. */
export function formItems(form: FormState, containers: ContainerSummary[]): FormItem[] {
	return [
		{kind: 'image'},
		{kind: 'name'},
		{kind: 'command'},
		...form.rows.map((_, index) => ({kind: 'port' as const, index})),
		{kind: 'publishAll'},
		{kind: 'autoRemove'},
		...linkCandidates(containers).map((source) => ({kind: 'link' as const, source})),
		...NET_KEYS.map((key) => ({kind: 'net' as const, key})),
		{kind: 'create'},
	];
}

/** The `docker run -d` the form stands for. */
export function formRunSpec(form: FormState): RunSpec {
	return {
		name: form.name.trim() === '' ? null : form.name.trim(),
		image: form.image.trim(),
		command: splitCommand(form.command),
		publish: form.rows,
		publishAll: form.publishAll,
		expose: [],
		links: form.links.map((l) => (l.alias === l.source ? l.source : `${l.source}:${l.alias}`)),
		autoRemove: form.autoRemove,
		dryRun: false,
		...netSpec(form.net),
	};
}

/** The name's problem: the engine's rule, or the name is taken (the engine's words). */
export function nameProblem(name: string, containers: ContainerSummary[]): string | null {
	const n = name.trim();
	if (n === '') return null;
	try {
		validateContainerName(n);
	} catch (error) {
		return errorText(error);
	}
	const holder = containers.find((c) => c.name === withoutLeadingSlash(n));
	if (holder) {
		return `Conflict. The container name "/${holder.name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`;
	}
	return null;
}

/** The first thing that stops the form from being sent, or null. */
export function formProblem(form: FormState, containers: ContainerSummary[]): string | null {
	if (form.image.trim() === '') return 'image: pick a local image (i) or type one (Enter)';
	const name = nameProblem(form.name, containers);
	if (name) return name;
	const bad = firstInvalid(form.rows);
	if (bad) return `port row ${bad.index + 1}: ${bad.message}`;
	for (const l of formRunSpec(form).links) {
		try {
			validateLink(l);
		} catch (error) {
			return errorText(error);
		}
	}
	return netProblem(form.net, formRunSpec(form).links);
}
