import {describe, expect, it} from 'vitest';
import {COMMAND_IDS, MUTATING, type Scope} from '../../source/store/commands.js';
import {KEYMAP, activeScopes, bindings, footerHints, keyNames, resolveKey} from '../../source/ui/keymap.js';

describe('keymap', () => {
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

	it('never binds one key to two commands on one screen', () => {
		const confirm = {kind: 'stop' as const, targets: [], autoRemove: null, removeVolumes: false};
		const screens: Array<{screen: 'list' | 'details' | 'help'; filterEditing: boolean; confirm: typeof confirm | null}> = [
			{screen: 'list', filterEditing: false, confirm: null},
			{screen: 'details', filterEditing: false, confirm: null},
			{screen: 'help', filterEditing: false, confirm: null},
			{screen: 'list', filterEditing: true, confirm: null},
			{screen: 'list', filterEditing: false, confirm},
		];
		for (const s of screens) {
			const scopes: Scope[] = activeScopes(s);
			const seen = new Map<string, string>();
			for (const b of KEYMAP.filter((x) => scopes.includes(x.scope))) {
				for (const k of b.keys) {
					const before = seen.get(k);
					expect(before === undefined || before === b.id, `${k} in ${scopes.join('+')}: ${before} and ${b.id}`).toBe(true);
					seen.set(k, b.id);
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
		expect(resolveKey('j', ['list', 'global'])).toBe('down');
		expect(resolveKey('q', ['list', 'global'])).toBe('quit');
		expect(resolveKey('esc', ['details', 'global'])).toBe('back');
		expect(resolveKey('q', ['filter'])).toBeUndefined();
		expect(resolveKey('ctrl+c', ['filter'])).toBe('quit');
	});

	it('names Ink key events, splitting chunks of several characters', () => {
		expect(keyNames('jjk', {})).toEqual(['j', 'j', 'k']);
		expect(keyNames('', {upArrow: true})).toEqual(['up']);
		expect(keyNames('c', {ctrl: true})).toEqual(['ctrl+c']);
		expect(keyNames('', {return: true})).toEqual(['enter']);
		expect(keyNames('', {escape: true})).toEqual(['esc']);
		expect(keyNames('', {pageDown: true})).toEqual(['pagedown']);
		expect(keyNames('gj\r', {})).toEqual(['g', 'j', 'enter']);
		expect(keyNames('a\u0003', {})).toEqual(['a', 'ctrl+c']);
		expect(keyNames(' ', {})).toEqual(['space']);
	});
});
