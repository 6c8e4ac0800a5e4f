/** Actions of the port editor, the new-container form and the backup offer (part of `Action`). */
import type {RecreateBackup} from '../engine/recreate/index.js';
import type {ContainerDetails} from '../model/container.js';
import type {ConflictNote} from './editor-state.js';

export type EditorAction =
	| {type: 'editor/loaded'; id: string; details: ContainerDetails}
	| {type: 'editor/failed'; id: string; message: string}
	| {type: 'editor/conflicts'; id: string; conflicts: ConflictNote[]; error: string | null}
	| {type: 'recreate/done'; seq: number; ok: boolean; text: string}
	| {type: 'field/set'; text: string}
	| {type: 'form/images'; images: string[] | null; error: string | null}
	| {type: 'form/image'; image: string}
	| {type: 'form/done'; seq: number; id: string | null; name: string; error: string | null}
	| {type: 'backup/found'; backups: RecreateBackup[]}
	| {type: 'backup/done'; ok: boolean; text: string};

/** The `type`s of `EditorAction`, for the reducer's exhaustive switch. */
export type EditorActionType = EditorAction['type'];
