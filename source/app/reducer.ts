/**
 * The root reducer: every state change of dnet, pure. Keys are routed one at a time through the
 * mode model (ARCHITECTURE.md): the mode says which scopes' keys are live, whether printable keys
 * are text for the open field, and which feature's handler runs a command.
 */
import {handlers as backup, backupDone, backupsFound, checkBackups} from '../features/backup/reducer.js';
import {handlers as details, detailsFailed, detailsLoaded, followDetails, refreshDetails} from '../features/details/reducer.js';
import {contextsFailed, contextsLoaded, contextSwitched, contextUsed, handlers as contexts, hostPortsRead, hostsListed} from '../features/contexts/reducer.js';
import {handlers as doctor, doctorDone, doctorEvent} from '../features/doctor/reducer.js';
import {handlers as editor, askBeforeQuit, conflictsFound, editorFailed, editorLoaded, recreateDone} from '../features/editor/reducer.js';
import {handlers as form, askFormBeforeQuit, chooseImage, formDone, imagesListed} from '../features/form/reducer.js';
import {handlers as help, helpLayout} from '../features/help/reducer.js';
import {handlers as lifecycle, confirmAutoRemove, jobDone} from '../features/lifecycle/reducer.js';
import {handlers as linkGraph} from '../features/link-graph/reducer.js';
import {handlers as linkPicker, pickSource, previewArrived} from '../features/link-picker/reducer.js';
import {pinAges, readAges} from '../features/list/ages.js';
import {handlers as list, setFilter, settleCursor} from '../features/list/reducer.js';
import {handlers as choose} from '../features/net-ops/choose.js';
import {handlers as netOps, networksLoaded, opDone, reloadNetworks, reviewed} from '../features/net-ops/ops.js';
import {chooseContainer, handlers as networks} from '../features/networks/reducer.js';
import {handlers as palette} from '../features/palette/reducer.js';
import {handlers as ports, portsLoaded, reloadPorts, setPortsFilter, settlePorts} from '../features/ports/reducer.js';
import {handlers as rename} from '../features/rename/reducer.js';
import {svcConflictsFound, svcDone, svcEditorHandlers, svcProgress} from '../features/services/editor.js';
import {handlers as services, reloadServices, servicesFailed, servicesLoaded} from '../features/services/reducer.js';
import {handlers as terminal} from '../features/terminal/reducer.js';
import type {ContainerSummary} from '../model/container.js';
import {fieldText} from '../model/sanitize.js';
import type {Action} from './actions.js';
import {MODE_IDS, MUTATING, type CommandId, type KeyName, type Scope} from './input/commands.js';
import {handlers as fields} from './input/fields.js';
import {NAVIGATION} from './input/navigation.js';
import type {Handler, HandlerTable} from './handlers.js';
import {resolveKey} from './input/keymap.js';
import {mode, scopesOf, takesText} from './input/mode.js';
import type {State} from './state.js';
import {editField, setFieldText, type FieldState} from './input/text-field.js';

function assertNever(x: never): never {
	throw new Error(`unhandled: ${JSON.stringify(x)}`);
}

const quit: Handler = (state) => ({...state, quitting: true});

/** `quit` (Ctrl+C in every mode) quits at once; on a screen, `q` asks first when an edit is unsaved. */
const quitting: HandlerTable = {
	...Object.fromEntries(MODE_IDS.map((scope) => [scope, {quit}])),
	global: {quit: (s) => askBeforeQuit(s) ?? askFormBeforeQuit(s) ?? quit(s), exit: quit},
};

/** `!` opens the last notice whole; any of Esc, Enter, Space closes it. */
const messages: HandlerTable = {
	global: {showMessage: (s) => (s.notice ? {...s, message: s.notice, notice: null} : s)},
	message: {back: (s) => ({...s, message: null})},
};

/** Every feature's handlers: one table per feature, at most one handler per scope and command (a test checks). */
export const HANDLER_TABLES: readonly HandlerTable[] = [quitting, messages, fields, list, details, help, lifecycle, ports, editor, form, backup, palette, linkPicker, linkGraph, rename, networks, netOps, choose, doctor, contexts, services, svcEditorHandlers, terminal];

function handlerFor(scope: Scope, id: CommandId): Handler | undefined {
	for (const table of HANDLER_TABLES) {
		const handler = table[scope]?.[id];
		if (handler) return handler;
	}
	return undefined;
}

/** Runs command `id` in `scope` (the scope its key was bound in). */
function run(previous: State, scope: Scope, id: CommandId): State {
	if (previous.readOnly && MUTATING.has(id)) {
		return {...previous, notice: {tone: 'info', text: 'read-only: dnet was started with --read-only, nothing can be changed'}};
	}
	const handler = handlerFor(scope, id);
	if (!handler) return previous;
	// A notice lasts until the next command; what the last link or network change did, until the
	// next command that is not a move.
	let state = previous.notice && id !== 'showMessage' ? {...previous, notice: null} : previous;
	if (state.net.result && !(NAVIGATION as readonly string[]).includes(id)) state = {...state, net: {...state.net, result: null}};
	return handler(state);
}

/** A command dispatched as such (tests, the palette): the first scope of the mode that binds it. */
function command(state: State, id: CommandId): State {
	for (const scope of scopesOf(mode(state))) if (handlerFor(scope, id)) return run(state, scope, id);
	return state;
}

/** The open field after an edit; a `/` filter (the list's or the ports view's) applies as it is typed. */
function withField(state: State, field: FieldState): State {
	const next = {...state, field};
	if (field.target.kind !== 'filter') return next;
	if (field.target.of === 'ports') return field.text === state.ports.filter ? next : setPortsFilter(next, field.text);
	return field.text === state.filter ? next : setFilter(next, field.text);
}

/**
 * One key: a binding of the mode's scopes, else (in a text mode) an edit of the field. A terminal
 * sends Alt+key as Esc then the key, and so does Esc typed quickly before a key: an Alt key that
 * means nothing here is taken as the two keys.
 */
function key(state: State, name: KeyName): State {
	const m = mode(state);
	const binding = resolveKey(name, scopesOf(m));
	if (binding) return run(state, binding.scope, binding.id);
	if (takesText(m) && state.field) {
		const edited = editField(state.field, name);
		if (edited) return edited === state.field ? state : withField(state, edited);
	}
	if (name.startsWith('alt+')) return [ESC, name.slice(4)].reduce(key, state);
	return state;
}

const ESC: KeyName = 'esc';

/** What follows from any change: ports settle under the filter and size; lists reload. */
function settle(next: State, previous: State): State {
	let s = next;
	if (s.size !== previous.size || s.ports.rows !== previous.ports.rows) s = settlePorts(s, previous);
	if (s.containers !== previous.containers) s = reloadServices(reloadNetworks(reloadPorts(s, previous), previous));
	return s;
}

function reduce(state: State, action: Action): State {
	switch (action.type) {
		case 'keys':
			return action.keys.reduce(key, state);
		case 'command':
			return command(state, action.id);
		case 'field/set':
			return state.field ? withField(state, setFieldText(state.field, fieldText(action.text))) : state;
		case 'filter/set': {
			const text = fieldText(action.text);
			const next = setFilter(state, text);
			return next.field?.target.kind === 'filter' && next.field.target.of === 'list' ? {...next, field: setFieldText(next.field, text)} : next;
		}
		case 'select':
			return settleCursor({...state, selectedId: action.id, follow: null}, state);
		case 'resize':
			return settleCursor({...state, size: {columns: action.columns, rows: action.rows}}, state);
		case 'engine/connecting':
			return {...state, connection: {status: 'connecting', attempt: action.attempt}};
		case 'engine/connected':
			return refreshDetails(checkBackups({...state, info: action.info, connection: {status: 'connected'}}));
		case 'engine/disconnected':
			return {
				...state,
				connection: {
					status: 'disconnected',
					message: action.message,
					...(action.hint ? {hint: action.hint} : {}),
					retryInMs: action.retryInMs,
					attempt: action.attempt,
					...(action.at === undefined ? {} : {retryAt: action.at + action.retryInMs}),
				},
			};
		case 'engine/event':
			return doctorEvent(refreshDetails(state, action.containerId), action.containerId, action.action);
		case 'containers/loaded':
			return listed(
				{...state, runningOnly: action.runningOnly === true},
				action.containers,
				action.at === undefined ? {} : {lastSync: action.at, ages: readAges(state.ages, action.containers, action.at)},
			);
		case 'containers/patched': {
			// A row read again as it was (the `kill` before a `die`, a network event) changes nothing:
			// no frame is drawn for it, so the next event's frame does not wait behind one.
			if (action.removed.length === 0 && action.containers.every((c) => unchanged(state.containers, c))) return state;
			// Only the rows read again are read for their times; the others keep theirs.
			const replaced = new Set([...action.removed, ...action.containers.map((c) => c.id)]);
			const ages = {...state.ages};
			for (const id of replaced) delete ages[id];
			// The list is kept sorted: each row read again goes in its place (no sort of the whole list).
			const containers = state.containers.filter((c) => !replaced.has(c.id));
			for (const c of action.containers) containers.splice(sortedIndex(containers, c), 0, c);
			return listed(state, containers, {lastSync: action.at, ages: Object.assign(ages, readAges(state.ages, action.containers, action.at))}, true);
		}
		case 'containers/times':
			return {...state, ages: pinAges(state.ages, action.times)};
		case 'details/loaded':
			return detailsLoaded(state, action.id, action.data);
		case 'details/failed':
			return detailsFailed(state, action.id, action.message, action.gone);
		case 'help/layout':
			return helpLayout(state, action.maxScroll);
		case 'job/done':
			return jobDone(state, action.id, action.errors, action.details);
		case 'confirm/autoRemove':
			return confirmAutoRemove(state, action.names);
		case 'ports/loaded':
			return portsLoaded(state, action.rows);
		case 'ports/failed':
			return {...state, ports: {...state.ports, error: action.message}};
		case 'probe/done':
			return {...state, ports: {...state.ports, probes: {...state.ports.probes, [action.key]: action.result}}};
		case 'editor/loaded':
			return editorLoaded(state, action.id, action.details, action.fingerprint);
		case 'editor/failed':
			return editorFailed(state, action.id, action.message);
		case 'editor/conflicts':
			return conflictsFound(state, action.id, action.conflicts, action.error);
		case 'recreate/done':
			return recreateDone(state, action.id, action.ok, action.text, action.full);
		case 'form/images':
			return imagesListed(state, action.images, action.error);
		case 'form/image':
			return chooseImage(state, action.image);
		case 'form/done':
			return formDone(state, action.id, action.name, action.error, action.errorFull, action.warnings);
		case 'backup/found':
			return backupsFound(state, action.backups);
		case 'backup/done':
			return backupDone(state, action.ok, action.text);
		case 'net/pickSource':
			return pickSource(state, action.source);
		case 'net/chooseContainer':
			return chooseContainer(state, action.container);
		case 'net/preview':
			return previewArrived(state, action.key, action.preview, action.error);
		case 'net/networks':
			return networksLoaded(state, action.networks, action.error);
		case 'net/opDone':
			return opDone(state, action.id, action.ok, action.text, action.lines, action.full);
		case 'net/reviewed':
			return reviewed(state, action.recipient, action.fingerprint);
		case 'doctor/done':
			return doctorDone(state, action.request, action.diagnosis, action.error);
		case 'contexts/loaded':
			return contextsLoaded(state, action.rows);
		case 'contexts/failed':
			return contextsFailed(state, action.message);
		case 'contexts/switched':
			return contextSwitched(state, action.context, action.label);
		case 'contexts/used':
			return contextUsed(state, action.name);
		case 'contexts/hosts':
			return hostsListed(state, action.hosts);
		case 'contexts/hostPorts':
			return hostPortsRead(state, action.host);
		case 'services/loaded':
			return servicesLoaded(state, action.load, action.networkNames);
		case 'services/failed':
			return servicesFailed(state, action.message);
		case 'swarm/event':
			return reloadServices(state);
		case 'svcEditor/conflicts':
			return svcConflictsFound(state, action.id, action.conflicts, action.error);
		case 'svcEditor/progress':
			return svcProgress(state, action.id, action.progress);
		case 'svcEditor/done':
			return svcDone(state, action.id, action.ok, action.text);
		default:
			return assertNever(action);
	}
}

let collator: Intl.Collator | null = null;
/** The list's order: by name, then id (`localeCompare`'s order, through one collator: a list of 10,000 sorts in milliseconds). */
function byName(a: ContainerSummary, b: ContainerSummary): number {
	collator ??= new Intl.Collator();
	return collator.compare(a.name, b.name) || collator.compare(a.id, b.id);
}

/** Where `c` goes in a list sorted by `byName`. */
function sortedIndex(list: readonly ContainerSummary[], c: ContainerSummary): number {
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (byName(list[mid] as ContainerSummary, c) <= 0) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** True when the list holds `row` exactly as it is (same id, same fields). */
function unchanged(list: readonly ContainerSummary[], row: ContainerSummary): boolean {
	const held = list.find((c) => c.id === row.id);
	return held !== undefined && JSON.stringify(held) === JSON.stringify(row);
}

/** The list as read (whole or patched): sorted, marks of gone containers dropped, the cursor settled. */
function listed(state: State, list: ContainerSummary[], synced: Partial<Pick<State, 'lastSync' | 'ages'>>, sorted = false): State {
	const containers = sorted ? list : [...list].sort(byName);
	const ids = state.marked.length === 0 ? null : new Set(containers.map((c) => c.id));
	const marked = ids === null ? state.marked : state.marked.filter((id) => ids.has(id));
	return followDetails(settleCursor({...state, containers, loaded: true, ...synced, marked: marked.length === state.marked.length ? state.marked : marked}, state));
}

export function reducer(state: State, action: Action): State {
	const next = reduce(state, action);
	return next === state ? state : settle(next, state);
}
