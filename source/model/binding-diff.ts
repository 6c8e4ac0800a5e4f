import type {ContainerDetails} from './container.js';
import {formatPortList} from './ports/index.js';

/**
 * The +/- view of a port change: `docker port`-style lines before and after, as `- removed`,
 * then `+ added` / `  kept` in the order of the new lines.
 */
export function bindingDiff(before: readonly string[], after: readonly string[]): string[] {
	return [...before.filter((l) => !after.includes(l)).map((l) => `- ${l}`), ...after.map((l) => (before.includes(l) ? `  ${l}` : `+ ${l}`))];
}

/**
 * A container's bindings as `docker port` lines: what the engine bound while it runs, what it
 * asked for otherwise (a stopped container binds nothing).
 */
export function portLinesOf(d: ContainerDetails): string[] {
	return formatPortList(d.state.running ? d.ports : d.portBindings);
}
