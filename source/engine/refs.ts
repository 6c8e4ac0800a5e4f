/**
 * The one place where a reference to a container, a network or an image (a name or an id, typed by
 * a user or read from the engine) is checked and escaped before it goes into an Engine API path.
 *
 * The docker CLI trims surrounding spaces, refuses an empty reference (`invalid container name or
 * ID: value is empty`), and the engine reads a leading `/` of a container name as the name (`/web`
 * is `web`). Everything else is escaped, so that `web%32` or `web?x` reaches the engine as those
 * characters (and is not found) instead of becoming another URL (`web2`, a query). The engine
 * cleans URL paths before routing them: a reference made of `.`/`..` or empty segments (`.`, `..`,
 * `/`, `a/../web`) would reach another endpoint or another container, so it is answered here,
 * `No such …`, without asking the engine (the docker CLI shows a decoding error or `page not found`
 * there).
 */
import {sanitize} from '../model/sanitize.js';
import {EngineError} from './engine.js';

/** What a reference names. */
export type RefKind = 'container' | 'network' | 'image' | 'service';

const notFound = (kind: RefKind, shown: string): EngineError =>
	new EngineError(
		'not-found',
		kind === 'network' ? `network ${shown} not found` : kind === 'service' ? `service ${shown} not found` : kind === 'image' ? `No such image: ${shown}` : `No such container: ${shown}`,
	);

/**
 * The reference as the engine should read it: trimmed and, for a container, without its leading
 * slashes. Pure; throws an `EngineError` (no status code: the engine was not asked) when docker
 * refuses it or when no object can have that name.
 */
export function normalizeRef(kind: RefKind, value: string): string {
	const trimmed = value.trim();
	if (trimmed === '') throw new EngineError('bad-request', `invalid ${kind} name or ID: value is empty`);
	const ref = kind === 'container' ? trimmed.replace(/^\/+/, '') : trimmed;
	const segments = ref.split('/');
	if (segments.some((s) => s === '' || s === '.' || s === '..')) throw notFound(kind, sanitize(ref === '' ? trimmed : ref));
	return ref;
}

/** The reference, normalized, escaped for one segment of an Engine API path. */
export function refPath(kind: RefKind, value: string): string {
	return encodeURIComponent(normalizeRef(kind, value));
}
