/**
 * Effects of the port editor, the new-container form and the backup offer: load the container,
 * check host-port conflicts (and find the next free port), run the recreate transaction, list
 * images, create and start a container, find and restore backups. None of them blocks the UI.
 */
import {EngineError, type Engine} from '../engine/engine.js';
import {
	asRawContainer,
	discardBackup,
	findBackups,
	findPortConflicts,
	PortConflictError,
	recreate,
	RecreateError,
	restoreBackup,
	type RawContainer,
} from '../engine/recreate/index.js';
import {portConfigOf} from '../model/port-rows.js';
import {parsePortSpec, toStandardNotation, type EngineBinding} from '../model/ports/index.js';
import {buildCreateBody} from '../model/run-spec.js';
import type {ConflictNote, FormState, RecreateRequest} from './editor-state.js';
import {formRunSpec} from './form-spec.js';
import type {Dispatch} from './store.js';
import type {State} from './state.js';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
/** How far above a taken host port to look for a free one. */
const SUGGEST_RANGE = 50;

async function loadEditor(engine: Engine, id: string, dispatch: Dispatch): Promise<void> {
	try {
		dispatch({type: 'editor/loaded', id, details: await engine.inspectContainer(id)});
	} catch (error) {
		dispatch({type: 'editor/failed', id, message: message(error)});
	}
}

/** The row whose spec asks for this binding. */
function rowOf(rows: string[], key: string, hostIp: string, hostPort: number): number | null {
	for (let i = 0; i < rows.length; i++) {
		try {
			const hit = parsePortSpec(toStandardNotation(rows[i] ?? '')).some(
				(m) => m.port === key && m.binding.HostIp === hostIp && m.binding.HostPort === String(hostPort),
			);
			if (hit) return i;
		} catch {
			// invalid rows never reach review
		}
	}
	return null;
}

/** The next host port above `from` that neither another container nor (locally) a process holds. */
async function nextFreePort(
	engine: Engine,
	old: RawContainer,
	key: string,
	hostIp: string,
	from: number,
	avoid: Set<number>,
): Promise<number | null> {
	for (let port = from + 1; port <= Math.min(65535, from + SUGGEST_RANGE); port++) {
		if (avoid.has(port)) continue;
		const conflicts = await findPortConflicts(engine, old, {[key]: [{HostIp: hostIp, HostPort: String(port)}]});
		if (conflicts.length === 0) return port;
	}
	return null;
}

async function checkConflicts(engine: Engine, state: State, dispatch: Dispatch): Promise<void> {
	const editor = state.editor;
	if (!editor) return;
	try {
		const old = asRawContainer(await engine.inspectContainerRaw(editor.id));
		const bindings = portConfigOf(editor.rows, editor.publishAll).PortBindings;
		const found = await findPortConflicts(engine, old, bindings);
		const avoid = new Set<number>();
		for (const list of Object.values(bindings)) for (const b of list) if (b.HostPort !== '') avoid.add(Number(b.HostPort));
		const conflicts: ConflictNote[] = [];
		for (const c of found) {
			const suggestion = await nextFreePort(engine, old, c.containerPort, c.hostIp, c.hostPort, avoid);
			if (suggestion !== null) avoid.add(suggestion);
			conflicts.push({message: c.message, row: rowOf(editor.rows, c.containerPort, c.hostIp, c.hostPort), hostPort: c.hostPort, suggestion});
		}
		dispatch({type: 'editor/conflicts', id: editor.id, conflicts, error: null});
	} catch (error) {
		dispatch({type: 'editor/conflicts', id: editor.id, conflicts: [], error: message(error)});
	}
}

async function runRecreate(engine: Engine, r: RecreateRequest, dispatch: Dispatch): Promise<void> {
	try {
		const result = await recreate(engine, r.id, (spec) => {
			const exposed: Record<string, Record<string, never>> = {...(spec.config.ExposedPorts ?? {})};
			for (const k of r.exposed) exposed[k] = {};
			spec.config.ExposedPorts = exposed;
			spec.hostConfig.PortBindings = structuredClone(r.bindings) as Record<string, EngineBinding[]>;
			spec.hostConfig.PublishAllPorts = r.publishAll;
		});
		const warn = result.warnings.length > 0 ? ` (warning: ${result.warnings.join('; ')})` : '';
		dispatch({type: 'recreate/done', seq: r.seq, ok: true, text: `recreated ${result.name}: ${result.newId.slice(0, 12)}${warn}`});
	} catch (error) {
		const text =
			error instanceof PortConflictError
				? `cannot recreate ${r.name}: ${error.message} (nothing was changed)`
				: error instanceof RecreateError
					? error.message
					: `cannot recreate ${r.name}: ${message(error)}`;
		dispatch({type: 'recreate/done', seq: r.seq, ok: false, text});
	}
}

async function listImages(engine: Engine, dispatch: Dispatch): Promise<void> {
	if (!engine.listImages) {
		dispatch({type: 'form/images', images: [], error: 'this engine cannot list images: type a name'});
		return;
	}
	try {
		const images = (await engine.listImages()).flatMap((i) => i.tags);
		dispatch({type: 'form/images', images: [...new Set(images)], error: null});
	} catch (error) {
		dispatch({type: 'form/images', images: null, error: message(error)});
	}
}

/** Creates and starts like `dnet run`; a container that cannot start is removed. */
async function createAndStart(engine: Engine, form: FormState, dispatch: Dispatch): Promise<void> {
	const spec = formRunSpec(form);
	const seq = form.createSeq;
	let id: string;
	try {
		id = await engine.createContainer(spec.name, {...buildCreateBody(spec)});
	} catch (error) {
		dispatch({type: 'form/done', seq, id: null, name: spec.name ?? '', error: message(error)});
		return;
	}
	try {
		await engine.startContainer(id);
	} catch (error) {
		let cleanup = '';
		try {
			await engine.removeContainer(id, {force: true, volumes: true});
		} catch (again) {
			if (!(again instanceof EngineError && again.kind === 'not-found')) cleanup = ` (could not remove ${id.slice(0, 12)}: ${message(again)})`;
		}
		dispatch({type: 'form/done', seq, id: null, name: spec.name ?? '', error: `${message(error)}${cleanup}`});
		return;
	}
	let name = spec.name ?? '';
	if (name === '') {
		try {
			name = (await engine.inspectContainer(id)).name.replace(/^\//, '');
		} catch {
			name = id.slice(0, 12);
		}
	}
	dispatch({type: 'form/done', seq, id, name, error: null});
}

async function offerBackups(engine: Engine, dispatch: Dispatch): Promise<void> {
	try {
		const backups = await findBackups(engine);
		if (backups.length > 0) dispatch({type: 'backup/found', backups});
	} catch {
		// Not fatal: the next start looks again.
	}
}

async function settleBackup(engine: Engine, state: State, dispatch: Dispatch): Promise<void> {
	const offer = state.backupOffer;
	const backup = offer?.backups[0];
	if (!offer || !backup) return;
	try {
		if (offer.running === 'restore') {
			await restoreBackup(engine, backup);
			dispatch({type: 'backup/done', ok: true, text: `restored ${backup.originalName} from ${backup.name}`});
		} else {
			await discardBackup(engine, backup);
			dispatch({type: 'backup/done', ok: true, text: `removed the backup ${backup.name}; ${backup.originalName} keeps the change`});
		}
	} catch (error) {
		dispatch({type: 'backup/done', ok: false, text: `${backup.name}: ${message(error)}`});
	}
}

/** The transition hook of these effects; keeps whether backups were looked for already. */
export function createEditorEffects(engine: Engine, dispatch: Dispatch): (previous: State, next: State) => void {
	let lookedForBackups = false;
	return (previous, next) => {
		if (next.editor && next.editor.id !== previous.editor?.id) void loadEditor(engine, next.editor.id, dispatch);
		const e = next.editor;
		if (e?.stage === 'review' && e.conflicts === null && (previous.editor?.stage !== 'review' || previous.editor.rows !== e.rows)) {
			void checkConflicts(engine, next, dispatch);
		}
		if (next.recreateSeq !== previous.recreateSeq) {
			for (const r of next.recreates) if (r.seq > previous.recreateSeq) void runRecreate(engine, r, dispatch);
		}
		if (next.form && !previous.form) void listImages(engine, dispatch);
		if (next.form && next.form.createSeq !== (previous.form?.createSeq ?? 0) && next.form.stage === 'creating') {
			void createAndStart(engine, next.form, dispatch);
		}
		if (!lookedForBackups && next.connection.status === 'connected' && !next.readOnly) {
			lookedForBackups = true;
			void offerBackups(engine, dispatch);
		}
		if (next.backupOffer?.running && next.backupOffer.running !== previous.backupOffer?.running) void settleBackup(engine, next, dispatch);
	};
}
