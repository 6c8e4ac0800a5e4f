/**
 * What the review of a port change shows, pure: every binding that changes, including the ones
 * that go without a row saying so (an explicit `-p` replaces what `-P` gave that port, and every
 * random host port is drawn again when the container is recreated), and the equivalent command.
 */
import {bindingDiff} from '../../model/binding-diff.js';
import {portConfigOf, requestedLines} from '../../model/port-rows.js';
import {formatPortList} from '../../model/ports/index.js';
import {renderDockerRun} from '../../model/run-spec.js';
import type {EditorState} from './state.js';

const keyOf = (line: string): string => line.split(' -> ')[0] ?? line;

/**
 * Review lines: `  kept`, `- gone`, `+ new`, `~ random port that will change`, then the -P change.
 * Before is what the engine bound (or, stopped, what was asked for); after is what the rows ask.
 */
export function changeLines(editor: EditorState): string[] {
	const o = editor.original;
	if (!o) return [];
	const config = portConfigOf(editor.rows, editor.publishAll);
	const fixed: typeof config.PortBindings = {};
	const random = new Set<string>();
	for (const [key, list] of Object.entries(config.PortBindings)) {
		for (const b of list) {
			if (b.HostPort === '') random.add(key);
			else (fixed[key] ??= []).push(b);
		}
	}
	// -P: every exposed port without a binding of its own gets a random host port.
	if (editor.publishAll) for (const key of new Set([...o.exposed, ...Object.keys(config.ExposedPorts)])) if (!config.PortBindings[key]) random.add(key);
	const before = o.running ? formatPortList(o.live) : requestedLines(o.bindings);
	const after = requestedLines(fixed);
	const lines: string[] = [];
	for (const line of bindingDiff(before, after)) {
		const key = keyOf(line.slice(2));
		if (line.startsWith('- ') && random.has(key)) {
			// Stopped: a random port stays random; running: the port it has now is drawn again.
			lines.push(line.endsWith(':random') ? `  ${line.slice(2)}` : `~ ${line.slice(2)} (random port: a new one is drawn)`);
		} else lines.push(line);
	}
	for (const key of random) if (!before.some((l) => keyOf(l) === key)) lines.push(`+ ${key} -> random port`);
	if (o.publishAll !== editor.publishAll) lines.push(`${editor.publishAll ? '+' : '-'} -P (every exposed port on a random host port)`);
	else if (editor.publishAll) lines.push('  -P (every exposed port on a random host port)');
	return lines;
}

/**
 * The command that would make the container with the new ports (its other settings are kept):
 * `docker run -d` for a running container, `docker create` for one that is not running (the
 * recreate does not start it), with its networks and aliases.
 */
export function editorRunLine(editor: EditorState): string {
	const o = editor.original;
	const networks = (o?.networks ?? [])
		.filter((n) => n.name !== 'bridge')
		.map((n) => ({name: n.name, aliases: n.aliases.filter((a) => a !== editor.id.slice(0, 12) && a !== editor.name)}));
	return renderDockerRun(
		{
			name: editor.name,
			image: o?.image ?? '',
			command: [],
			publish: editor.rows,
			publishAll: editor.publishAll,
			expose: [],
			links: (o?.links ?? []).map((l) => (l.alias === l.source ? l.source : `${l.source}:${l.alias}`)),
			autoRemove: o?.autoRemove ?? false,
			dryRun: false,
		},
		{verb: o?.running === false ? 'create' : 'run', networks},
	);
}
