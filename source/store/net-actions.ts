/** Actions of the links and networks features (part of `Action`). */
import type {LinkPreview} from '../engine/links.js';
import type {NetworkInfo} from '../model/network.js';

export type NetAction =
	| {type: 'net/pickSource'; source: string}
	| {type: 'net/preview'; key: string; preview: LinkPreview | null; error: string | null}
	| {type: 'net/chooseContainer'; container: string}
	| {type: 'net/networks'; networks: NetworkInfo[] | null; error: string | null}
	| {type: 'net/opDone'; seq: number; ok: boolean; text: string; lines: string[]};

export type NetActionType = NetAction['type'];
