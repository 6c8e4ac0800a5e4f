/** What the review of a port change shows: the +/- lines and the equivalent `docker run`. Pure. */
import {bindingDiff} from '../../model/binding-diff.js';
import {portConfigOf, requestedLines} from '../../model/port-rows.js';
import {renderDockerRun} from '../../model/run-spec.js';
import type {EditorState} from './state.js';

/** Review lines: `- old`, `+ new`, the -P change. */
export function changeLines(editor: EditorState): string[] {
	const o = editor.original;
	if (!o) return [];
	const before = requestedLines(o.bindings);
	const after = requestedLines(portConfigOf(editor.rows, editor.publishAll).PortBindings);
	const lines = bindingDiff(before, after);
	if (o.publishAll !== editor.publishAll) lines.push(`${editor.publishAll ? '+' : '-'} -P (every exposed port on a random host port)`);
	else if (editor.publishAll) lines.push('  -P (every exposed port on a random host port)');
	return lines;
}

/** The `docker run` that would make the container with the new ports (its other settings are kept). */
export function editorRunLine(editor: EditorState): string {
	const o = editor.original;
	return renderDockerRun({
		name: editor.name,
		image: o?.image ?? '',
		command: [],
		publish: editor.rows,
		publishAll: editor.publishAll,
		expose: [],
		links: (o?.links ?? []).map((l) => (l.alias === l.source ? l.source : `${l.source}:${l.alias}`)),
		autoRemove: o?.autoRemove ?? false,
		dryRun: false,
	});
}
