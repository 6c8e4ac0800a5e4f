/** The pure reducer: every state change of dnet, testable without React or an engine. */
import type {ContainerSummary} from '../model/container.js';
import type {Action} from './actions.js';
import {fieldText} from '../model/sanitize.js';
import {MUTATING, type CommandId} from './commands.js';
import {detailsLines} from './details-lines.js';
import {editorAction, editorCommand} from './reducer-editor.js';
import {confirmAutoRemove, jobDone, lifecycleCommand} from './reducer-lifecycle.js';
import {helpCommand, helpLayout} from './reducer-help.js';
import {netAction, netCommand} from './reducer-links.js';
import {paletteCommand} from './reducer-palette.js';
import {portsCommand, portsLoaded, settlePorts} from './reducer-ports.js';
import {listHeight, selectedIndex, visibleContainers} from './selectors.js';
import type {State} from './state.js';


function assertNever(x: never): never {
	throw new Error(`unhandled: ${JSON.stringify(x)}`);
}

const byName = (a: ContainerSummary, b: ContainerSummary): number =>
	a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** Keeps the cursor on a visible row (or nearest to where it was) and inside the scroll window. */
function settleCursor(next: State, previous: State): State {
	const rows = visibleContainers(next);
	if (rows.length === 0) return {...next, selectedId: next.selectedId, scrollTop: 0};
	let index = rows.findIndex((c) => c.id === next.selectedId);
	if (index < 0) {
		// A recreated container (new id, same name) keeps the cursor.
		const name = previous.containers.find((c) => c.id === next.selectedId)?.name;
		if (name !== undefined) index = rows.findIndex((c) => c.name === name);
	}
	if (index < 0) {
		const before = visibleContainers(previous);
		const old = before.findIndex((c) => c.id === previous.selectedId);
		index = Math.min(Math.max(old, 0), rows.length - 1);
	}
	const height = listHeight(next);
	let scrollTop = Math.min(next.scrollTop, Math.max(0, rows.length - height));
	if (index < scrollTop) scrollTop = index;
	if (index >= scrollTop + height) scrollTop = index - height + 1;
	return {...next, selectedId: rows[index]?.id ?? null, scrollTop};
}

function moveTo(state: State, index: (current: number, count: number, page: number) => number): State {
	const rows = visibleContainers(state);
	if (rows.length === 0) return state;
	const current = selectedIndex(rows, state.selectedId);
	const target = Math.min(rows.length - 1, Math.max(0, index(current, rows.length, listHeight(state))));
	return settleCursor({...state, selectedId: rows[target]?.id ?? null}, state);
}

function detailsMaxScroll(state: State): number {
	if (!state.details?.data) return 0;
	const lines = detailsLines(state.details.data, state.containers).length;
	return Math.max(0, lines - listHeight(state));
}

function scrollDetails(state: State, delta: (scroll: number, page: number, max: number) => number): State {
	if (!state.details) return state;
	const max = detailsMaxScroll(state);
	const scroll = Math.min(max, Math.max(0, delta(state.details.scroll, listHeight(state), max)));
	return scroll === state.details.scroll ? state : {...state, details: {...state.details, scroll}};
}

function command(previous: State, id: CommandId): State {
	if (previous.readOnly && MUTATING.has(id)) {
		return {...previous, notice: {tone: 'info', text: 'read-only: dnet was started with --read-only, nothing can be changed'}};
	}
	// A notice lasts until the next key.
	const state = previous.notice ? {...previous, notice: null} : previous;
	const handled = netCommand(state, id) ?? editorCommand(state, id) ?? portsCommand(state, id) ?? paletteCommand(state, id, command) ?? lifecycleCommand(state, id, settleCursor) ?? helpCommand(state, id);
	if (handled) return handled;
	switch (id) {
		case 'quit':
			return {...state, quitting: true};
		case 'help':
			return state.screen === 'help'
				? {...state, screen: state.returnTo}
				: {...state, screen: 'help', returnTo: state.screen, filterEditing: false, palette: null, help: {...state.help, scroll: 0}};
		case 'back':
			if (state.screen === 'help') return {...state, screen: state.returnTo};
			if (state.screen === 'details') return {...state, screen: 'list', details: null};
			return state.filter !== '' ? settleCursor({...state, filter: ''}, state) : state;
		case 'up':
			return state.screen === 'details' ? scrollDetails(state, (s) => s - 1) : moveTo(state, (i) => i - 1);
		case 'down':
			return state.screen === 'details' ? scrollDetails(state, (s) => s + 1) : moveTo(state, (i) => i + 1);
		case 'top':
			return state.screen === 'details' ? scrollDetails(state, () => 0) : moveTo(state, () => 0);
		case 'bottom':
			return state.screen === 'details' ? scrollDetails(state, (_s, _p, max) => max) : moveTo(state, (_i, n) => n - 1);
		case 'pageUp':
			return state.screen === 'details' ? scrollDetails(state, (s, p) => s - p) : moveTo(state, (i, _n, p) => i - p);
		case 'pageDown':
			return state.screen === 'details' ? scrollDetails(state, (s, p) => s + p) : moveTo(state, (i, _n, p) => i + p);
		case 'toggleAll':
			return settleCursor({...state, showAll: !state.showAll}, state);
		case 'filter':
			return {...state, filterEditing: true};
		case 'clearFilter':
			return settleCursor({...state, filter: '', filterEditing: false}, state);
		case 'filterAccept':
			return {...state, filterEditing: false};
		case 'filterCancel':
			return settleCursor({...state, filter: '', filterEditing: false}, state);
		case 'open': {
			const rows = visibleContainers(state);
			const c = rows[selectedIndex(rows, state.selectedId)];
			if (!c) return state;
			return {
				...state,
				screen: 'details',
				details: {id: c.id, name: c.name, data: null, error: null, gone: false, scroll: 0},
			};
		}
		case 'start':
		case 'stop':
		case 'restart':
		case 'remove':
		case 'confirmYes':
		case 'confirmNo':
		case 'toggleVolumes':
		case 'mark':
		case 'markAll':
		case 'cycleSort':
		case 'latest':
		case 'openPorts':
		case 'probe':
		case 'palette':
		case 'paletteRun':
		case 'paletteCancel':
		case 'editPorts':
		case 'newContainer':
		case 'rowAdd':
		case 'rowEdit':
		case 'rowDelete':
		case 'togglePublishAll':
		case 'toggleItem':
		case 'pickImage':
		case 'editorApply':
		case 'editorCancel':
		case 'fieldAccept':
		case 'fieldCancel':
		case 'useSuggestion':
		case 'openLinkPicker':
		case 'editAlias':
		case 'openLinks':
		case 'removeLink':
		case 'moveLink':
		case 'rename':
		case 'openNetworks':
		case 'connectNetwork':
		case 'disconnectNetwork':
		case 'createNetwork':
		case 'removeNetwork':
			return state;
		default:
			return assertNever(id);
	}
}

export function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'command':
			return command(state, action.id);
		case 'filter/set':
			return settlePorts(settleCursor({...state, filter: fieldText(action.text)}, state), state);
		case 'resize':
			return settlePorts(settleCursor({...state, size: {columns: action.columns, rows: action.rows}}, state), state);
		case 'select':
			return settleCursor({...state, selectedId: action.id}, state);
		case 'engine/connecting':
			return {...state, connection: {status: 'connecting', attempt: action.attempt}};
		case 'engine/connected':
			return {...state, info: action.info, connection: {status: 'connected'}};
		case 'engine/disconnected':
			return {
				...state,
				connection: {
					status: 'disconnected',
					message: action.message,
					...(action.hint ? {hint: action.hint} : {}),
					retryInMs: action.retryInMs,
					attempt: action.attempt,
				},
			};
		case 'containers/loaded': {
			const containers = [...action.containers].sort(byName);
			const ids = new Set(containers.map((c) => c.id));
			const marked = state.marked.filter((id) => ids.has(id));
			return settleCursor({...state, containers, loaded: true, marked: marked.length === state.marked.length ? state.marked : marked}, state);
		}
		case 'details/loaded':
			if (state.details?.id !== action.id) return state;
			return {...state, details: {...state.details, data: action.data, error: null, gone: false}};
		case 'details/failed':
			if (state.details?.id !== action.id) return state;
			return {...state, details: {...state.details, error: action.message, gone: action.gone}};
		case 'job/done':
			return jobDone(state, action.seq, action.errors);
		case 'confirm/autoRemove':
			return confirmAutoRemove(state, action.names);
		case 'help/layout':
			return helpLayout(state, action.maxScroll);
		case 'ports/loaded':
			return portsLoaded(state, action.rows);
		case 'ports/failed':
			return {...state, ports: {...state.ports, error: action.message}};
		case 'probe/done':
			return {...state, ports: {...state.ports, probes: {...state.ports.probes, [action.key]: action.result}}};
		case 'palette/set':
			return state.palette === null ? state : {...state, palette: fieldText(action.text)};
		case 'editor/loaded':
		case 'editor/failed':
		case 'editor/conflicts':
		case 'recreate/done':
		case 'field/set':
		case 'form/images':
		case 'form/image':
		case 'form/done':
		case 'backup/found':
		case 'backup/done':
			return editorAction(state, action);
		case 'net/pickSource':
		case 'net/preview':
		case 'net/chooseContainer':
		case 'net/networks':
		case 'net/opDone':
			return netAction(state, action);
		default:
			return assertNever(action);
	}
}
