/**
 * The first frame, drawn by the entry before Ink and React are loaded (ARCHITECTURE.md, "The first
 * frame"): the engine's version and the running containers read at once, the list drawn from them
 * on the alternate screen with the UI's own formatting code, and what the UI's store starts from.
 */
import type {Engine} from '../engine/engine.js';
import type {ContainerSummary, EngineInfo} from '../model/container.js';
import type {Action} from './actions.js';

export interface FirstDraw {
	seed?: Action[];
	drawn?: string;
	/** The whole list, when the first frame was drawn from the running containers only. */
	rest?: Promise<Action | null>;
}

const ENTER_FIRST_FRAME = '\u001b[?1049h\u001b[?25l\u001b[H\u001b[2J';
export const LEAVE_FIRST_FRAME = '\u001b[?25h\u001b[?1049l\u001b[?25h';

/**
 * Reads the engine's version and the running containers and, at once, draws the list from them on
 * the alternate screen, before Ink and React are loaded (ARCHITECTURE.md, "The first frame"): the
 * list shows the running containers first, and the engine builds a list of those in a fraction of
 * the time it takes for all (13 against 60-100 ms at 500 containers, 450 of them stopped). The whole
 * list is read at the same time and reaches the UI's first state (`rest`). The UI starts from the
 * same state and takes the screen over. Keys typed meanwhile wait in the terminal (raw mode: no
 * echo, no line editing) until Ink reads them. Throws what `firstInfo` throws.
 */
export async function drawFirstFrame(engine: Engine, firstInfo: () => Promise<EngineInfo>, look: {color: boolean; ascii: boolean; readOnly: boolean}, late = (): boolean => false): Promise<FirstDraw> {
	const frame = import('./view/first-frame.js');
	const read = (all: boolean): Promise<{containers: ContainerSummary[]; at: number} | null> =>
		engine.listContainers(all).then(
			(containers) => ({containers, at: Date.now()}),
			() => null,
		);
	const [running, whole] = [read(false), read(true)];
	const info = await firstInfo();
	let list = await running;
	// With nothing running the list says how many are stopped: wait for the whole list.
	const runningOnly = list !== null && list.containers.length > 0;
	if (!runningOnly) list = await whole;
	// Without a list the UI says why itself (and retries), as it always did.
	if (list === null) return {};
	const {seededState, firstFrame} = await frame;
	const seed: Action[] = [{type: 'engine/connected', info}, {type: 'containers/loaded', containers: list.containers, at: list.at, ...(runningOnly ? {runningOnly} : {})}];
	const rest = runningOnly ? whole.then((all): Action | null => all && {type: 'containers/loaded', containers: all.containers, at: all.at}) : undefined;
	const size = {columns: process.stdout.columns || 80, rows: process.stdout.rows || 24};
	const text = firstFrame(seededState({endpoint: engine.endpoint, size, readOnly: look.readOnly, seed}), {...look, now: Date.now()});
	if (text === null) return {seed, ...(rest ? {rest} : {})};
	// The UI came up first (a slow ssh host, cli.ts): it draws the list itself.
	if (late()) return {};
	process.stdin.setRawMode(true);
	process.stdout.write(`${ENTER_FIRST_FRAME}${text.split('\n').join('\r\n')}`);
	return {seed, drawn: text, ...(rest ? {rest} : {})};
}
