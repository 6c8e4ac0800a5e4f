import {describe, expect, it} from 'vitest';
import {COMMAND_IDS, MODE_IDS, MUTATING, type CommandId, type ModeId, type Scope} from '../../source/app/input/commands.js';
import {keyNames} from '../../source/app/input/key-names.js';
import {KEYMAP, SCOPE_ORDER, SCOPE_TITLES, bindings, fittedHints, footerHints, resolveKey} from '../../source/app/input/keymap.js';
import {mode, scopesOf, takesText} from '../../source/app/input/mode.js';
import {HANDLER_TABLES} from '../../source/app/reducer.js';
import {initialState, type State} from '../../source/app/state.js';
import {editField, openField, typedChar} from '../../source/app/input/text-field.js';
import {summary} from '../support/fake-engine.js';

/** Every key the table names, plus every printable ASCII character and the editing keys. */
const UNIVERSE = [
	...new Set([
		...KEYMAP.flatMap((b) => b.keys),
		...Array.from({length: 95}, (_, i) => String.fromCharCode(32 + i)).map((c) => (c === ' ' ? 'space' : c)),
		'backspace',
		'delete',
		'left',
		'right',
		'home',
		'end',
		'ctrl+a',
		'ctrl+e',
		'ctrl+u',
		'ctrl+k',
		'ctrl+w',
		'alt+b',
		'alt+f',
	]),
];

const handled = (scope: Scope, id: CommandId): boolean => HANDLER_TABLES.some((t) => t[scope]?.[id] !== undefined);

/** A state in each mode, to prove `mode` can produce every one of them. */
function inMode(m: ModeId): State {
	const base: State = {...initialState('x', {columns: 120, rows: 40}), containers: [summary('web')], loaded: true, selectedId: 'id-web'};
	const editor = {id: 'id-web', name: 'web', origin: 'list' as const, original: null, fingerprint: null, error: null, rows: [], publishAll: false, cursor: 0, stage: 'edit' as const, discardThen: 'close' as const, applyError: null, conflicts: null, conflictError: null};
	const form = {image: '', name: '', command: '', rows: [], publishAll: false, autoRemove: false, net: {hostname: '', network: '', networkAlias: '', ip: '', ip6: '', dns: '', addHost: ''}, links: [], cursor: 0, images: [], imagesError: null, picking: null, stage: 'edit' as const, discardThen: 'close' as const, error: null, errorFull: null};
	const picker = {recipient: {id: 'id-web', name: 'web'}, stage: 'review' as const, cursor: 0, source: 'db', alias: 'db', preview: null, previewError: null, previewKey: null};
	switch (m) {
		case 'list':
		case 'details':
		case 'help':
		case 'ports':
		case 'links':
		case 'rename':
		case 'networks':
			return {...base, screen: m};
		case 'editor':
			return {...base, screen: 'editor', editor};
		case 'review':
		case 'discard':
			return {...base, screen: 'editor', editor: {...editor, stage: m}};
		case 'new':
			return {...base, screen: 'new', form};
		case 'picker':
			return {...base, screen: 'new', form: {...form, picking: 0}};
		case 'linkPicker':
			return {...base, screen: 'linkPicker', net: {...base.net, picker}};
		case 'choose':
			return {...base, screen: 'linkPicker', net: {...base.net, picker: {...picker, stage: 'pick'}}};
		case 'filter':
			return {...base, field: openField({kind: 'filter', of: 'list'}, '')};
		case 'palette':
			return {...base, field: openField({kind: 'palette'}, '')};
		case 'field':
			return {...base, screen: 'rename', field: openField({kind: 'rename'}, 'web')};
		case 'confirm':
			return {...base, confirm: {kind: 'stop', targets: [], autoRemove: null, removeVolumes: false}};
		case 'backup':
			return {...base, backupOffer: {backups: [], running: null}};
		case 'message':
			return {...base, message: {tone: 'error', text: 'start old-web: port is already allocated'}};
		case 'busy':
			return {...base, screen: 'editor', editor: {...editor, stage: 'applying'}};
		case 'doctor':
			return {...base, screen: 'doctor', doctor: {name: 'web', port: null, diagnosis: null, error: null, scroll: 0, returnTo: 'list', request: 1, running: false, stale: false}};
		case 'services':
		case 'service':
			return {...base, screen: m};
		case 'serviceEditor':
			return {
				...base,
				screen: 'serviceEditor',
				svcEditor: {id: 's', name: 's', returnTo: 'services', original: [], rows: [], cursor: 0, stage: 'edit', conflicts: null, conflictError: null, progress: null, result: null},
			};
		case 'contexts':
			return {...base, screen: 'contexts', contexts: {view: 'contexts', hosts: [], scroll: 0, rows: [], cursor: 0, loading: false, switching: null, error: null}};
		case 'netConfirm':
			return {...base, screen: 'links', net: {...base.net, confirm: {title: 't', lines: [], op: {kind: 'removeNetwork', name: 'n'}}}};
	}
}

describe('keymap and modes', () => {
	it('gives every binding keys and a description', () => {
		for (const b of KEYMAP) {
			expect(b.keys.length, b.id).toBeGreaterThan(0);
			expect(b.description.length, b.id).toBeGreaterThan(3);
		}
	});

	it('binds every command somewhere', () => {
		const bound = new Set(KEYMAP.map((b) => b.id));
		for (const id of COMMAND_IDS) expect(bound.has(id), id).toBe(true);
	});

	it('gives every mode keys, a help title and a place in the help', () => {
		for (const m of MODE_IDS) {
			expect(KEYMAP.some((b) => b.scope === m), `${m} has no keys`).toBe(true);
			expect(SCOPE_TITLES[m], `${m} has no title`).toBeTruthy();
			expect(SCOPE_ORDER, `${m} is not in the help`).toContain(m);
			expect(mode(inMode(m)), `no state is in mode ${m}`).toBe(m);
		}
	});

	it('resolves every key of every mode to exactly one command, to text, or to nothing', () => {
		for (const m of MODE_IDS) {
			const scopes = scopesOf(m);
			const state = inMode(m);
			for (const key of UNIVERSE) {
				const ids = new Set(KEYMAP.filter((b) => scopes.includes(b.scope) && b.keys.includes(key)).map((b) => b.id));
				expect(ids.size, `${key} in ${m}: ${[...ids].join(' and ')}`).toBeLessThanOrEqual(1);
				const bound = resolveKey(key, scopes);
				if (bound) {
					expect(handled(bound.scope, bound.id), `${key} in ${m}: ${bound.scope}.${bound.id} has no handler`).toBe(true);
				} else if (takesText(m) && typedChar(key) !== null) {
					// A printable key that is not a command in a text mode is text.
					expect(editField(state.field ?? openField({kind: 'filter', of: 'list'}, ''), key), `${key} in ${m} is neither a command nor text`).not.toBeNull();
				}
			}
		}
	});

	it('never lets a command take a printable key from a text field', () => {
		for (const m of MODE_IDS.filter(takesText)) {
			for (let c = 33; c < 127; c++) expect(resolveKey(String.fromCharCode(c), scopesOf(m)), `${String.fromCharCode(c)} in ${m}`).toBeUndefined();
			expect(resolveKey('space', scopesOf(m))).toBeUndefined();
		}
	});

	it('has a handler for every binding and a binding for every handler, each defined once', () => {
		for (const b of KEYMAP) expect(handled(b.scope, b.id), `${b.scope}.${b.id}`).toBe(true);
		const seen = new Set<string>();
		for (const table of HANDLER_TABLES) {
			for (const [scope, commands] of Object.entries(table)) {
				for (const id of Object.keys(commands ?? {})) {
					const key = `${scope}.${id}`;
					if (id === 'quit' && !KEYMAP.some((b) => b.scope === scope && b.id === 'quit')) continue;
					expect(seen.has(key), `${key} defined twice`).toBe(false);
					seen.add(key);
					expect(
						KEYMAP.some((b) => b.scope === scope && b.id === id),
						`${key} has a handler but no key`,
					).toBe(true);
				}
			}
		}
	});

	it('hides mutating commands under --read-only, and only those', () => {
		const ro = bindings(true);
		expect(ro.some((b) => b.id === 'stop' || b.id === 'remove' || b.id === 'start' || b.id === 'restart')).toBe(false);
		expect(ro.length).toBe(KEYMAP.filter((b) => !MUTATING.has(b.id)).length);
		for (const b of KEYMAP) expect(Boolean(b.mutates), b.id).toBe(MUTATING.has(b.id));
		expect(footerHints(['list'], true).map((h) => h.hint)).not.toContain('stop');
		expect(footerHints(['list'], false).map((h) => h.hint)).toContain('stop');
	});

	it('resolves keys by scope, most specific first', () => {
		expect(resolveKey('j', ['list', 'global'])?.id).toBe('down');
		expect(resolveKey('q', ['list', 'global'])?.id).toBe('quit');
		expect(resolveKey('esc', ['details', 'global'])?.id).toBe('back');
		expect(resolveKey('q', ['filter'])).toBeUndefined();
		expect(resolveKey('ctrl+c', ['filter'])?.id).toBe('quit');
	});

	it('names the keys of raw input pieces, several keys in one piece as several keys', () => {
		expect(keyNames('jjk')).toEqual(['j', 'j', 'k']);
		expect(keyNames('\u001b[A')).toEqual(['up']);
		expect(keyNames('\u0003')).toEqual(['ctrl+c']);
		expect(keyNames('\r')).toEqual(['enter']);
		expect(keyNames('\u001b')).toEqual(['esc']);
		expect(keyNames('\u001b[6~')).toEqual(['pagedown']);
		expect(keyNames('gj\r')).toEqual(['g', 'j', 'enter']);
		expect(keyNames('a\u0003')).toEqual(['a', 'ctrl+c']);
		expect(keyNames(' ')).toEqual(['space']);
		expect(keyNames('\u007f\u007f\u007f')).toEqual(['backspace', 'backspace', 'backspace']);
		expect(keyNames('\u001b[3~')).toEqual(['delete']);
		expect(keyNames('\u001bb')).toEqual(['alt+b']);
		expect(keyNames('\u001b[H')).toEqual(['home']);
		expect(keyNames('\u001b[1~')).toEqual(['home']);
		expect(keyNames('\u001bOF')).toEqual(['end']);
		expect(keyNames('\u001b[1;5D')).toEqual(['ctrl+left']);
		expect(keyNames('\u001b[99x')).toEqual([]);
		expect(keyNames('\u001b\u001b')).toEqual(['esc', 'esc']);
	});
});

describe('the footer when its keys do not all fit', () => {
	const width = (hints: Array<{keys: string; hint: string}>): number => hints.reduce((n, h, i) => n + (i > 0 ? 2 : 0) + h.keys.length + 1 + h.hint.length, 0);

	it('keeps the way out and the help (q quit, ? help), dropping the mode\'s last keys', () => {
		const scopes = scopesOf('list');
		const state = initialState('unix:///run/docker.sock', {columns: 120, rows: 30}, false);
		const all = footerHints(scopes, false, state);
		const room = width(all) - 10;
		const shown = fittedHints(scopes, room, false, state);
		expect(width(shown)).toBeLessThanOrEqual(room);
		expect(shown.slice(-2).map((h) => `${h.keys} ${h.hint}`)).toEqual(['q quit', '? help']);
		expect(shown[0]).toEqual(all[0]);
		expect(shown.length).toBeLessThan(all.length);
	});

	it('shows every key when they fit', () => {
		const state = initialState('unix:///run/docker.sock', {columns: 120, rows: 30}, false);
		const all = footerHints(scopesOf('list'), false, state);
		expect(fittedHints(scopesOf('list'), width(all), false, state)).toEqual(all);
	});
});
