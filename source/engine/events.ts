/** The engine's event stream: newline-delimited JSON, read into `EngineEvent`s. */
import type {EngineEvent} from './engine.js';

/**
 * Reads a `GET /events` stream: buffers partial lines, parses each complete one, and reports how the
 * stream ended (`end`, `close`, or the stream's error).
 */
export function readEvents(
	stream: NodeJS.ReadableStream,
	onEvent: (event: EngineEvent) => void,
	onEnd: (how: 'end' | 'close' | {error: unknown}) => void,
): void {
	let buffer = '';
	stream.setEncoding?.('utf8');
	stream.on('data', (chunk: string | Buffer) => {
		buffer += chunk.toString();
		let newline = buffer.indexOf('\n');
		while (newline >= 0) {
			const line = buffer.slice(0, newline).trim();
			buffer = buffer.slice(newline + 1);
			const event = line ? parseEvent(line) : null;
			if (event) onEvent(event);
			newline = buffer.indexOf('\n');
		}
	});
	stream.on('end', () => onEnd('end'));
	stream.on('close', () => onEnd('close'));
	stream.on('error', (error: unknown) => onEnd({error}));
}

/** Parses one line of `GET /events` into an `EngineEvent`, or null when it is not one. */
/** A field of the event as text: strings as they are, numbers in decimal, anything else empty. */
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

export function parseEvent(line: string): EngineEvent | null {
	let raw: unknown;
	try {
		raw = JSON.parse(line);
	} catch {
		return null;
	}
	if (raw === null || typeof raw !== 'object') return null;
	const e = raw as Record<string, unknown>;
	const actor = (e['Actor'] ?? {}) as {ID?: unknown; Attributes?: Record<string, unknown>};
	const attributes: Record<string, string> = {};
	for (const [k, v] of Object.entries(actor.Attributes ?? {})) attributes[k] = typeof v === 'string' ? v : String(v);
	const action = text(e['Action'] ?? e['status']);
	return {
		type: text(e['Type']),
		// Health checks and exec report as "exec_start: sh -c …", keep the verb only.
		action: action.split(':')[0] ?? action,
		id: text(actor.ID ?? e['id']),
		attributes,
		timeNano: Number(e['timeNano'] ?? 0),
	};
}
