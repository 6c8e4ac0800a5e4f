/** State, actions and effects of the new-container form (`n`). */
import type {Link} from '../../model/container.js';
import type {RunSpec} from '../../model/run-spec.js';
import type {NetKey, NetTexts} from './net.js';

/** One item of the form, top to bottom. */
export type FormItem =
	| {kind: 'image'}
	| {kind: 'name'}
	| {kind: 'command'}
	| {kind: 'port'; index: number}
	| {kind: 'publishAll'}
	| {kind: 'autoRemove'}
	| {kind: 'net'; key: NetKey}
	| {kind: 'link'; source: string}
	| {kind: 'create'};

export interface FormState {
	image: string;
	name: string;
	command: string;
	rows: string[];
	publishAll: boolean;
	autoRemove: boolean;
	/** The networking items as typed (`net.ts`). */
	net: NetTexts;
	/** Selected links: source container and alias. */
	links: Link[];
	cursor: number;
	/** Local `repo:tag` names; null until listed. */
	images: string[] | null;
	imagesError: string | null;
	/** The image list is open, with its cursor; null when closed. */
	picking: number | null;
	stage: 'edit' | 'discard' | 'creating';
	/** What the discard question leads to: close the form, or quit dnet. */
	discardThen: 'close' | 'quit';
	/** The engine's answer to the last create/start, or why the form cannot be sent. */
	error: string | null;
	/** The engine's whole words of that answer, when they differ from `error`. */
	errorFull: string | null;
}

export type FormAction =
	| {type: 'form/images'; images: string[] | null; error: string | null}
	| {type: 'form/image'; image: string}
	| {type: 'form/done'; id: string | null; name: string; error: string | null; errorFull?: string; warnings?: string[]};

export type FormEffect = {kind: 'listImages'} | {kind: 'createContainer'; spec: RunSpec};
