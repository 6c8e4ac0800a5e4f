/** What the message panel (`!`) says, pure: the layout counts its rows, the panel draws them. */
import {sanitize} from '../model/sanitize.js';
import {wrapText} from '../model/wrap.js';
import type {Notice} from './state.js';

/** The message wrapped, then the engine's whole words when they differ (the message leads with the cause). */
export function messageLines(message: Notice, width: number): string[] {
	const detail = message.detail !== undefined && message.detail !== message.text ? ['', 'In full:', ...wrapText(sanitize(message.detail), width)] : [];
	return [...wrapText(sanitize(message.text), width), ...detail];
}
