import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {reducer} from '../../source/app/reducer.js';
import {initialState, type State} from '../../source/app/state.js';
import {editField, openField, type FieldState} from '../../source/app/input/text-field.js';
import {keyNames} from '../../source/app/input/key-names.js';
import {summary} from '../support/fake-engine.js';

const field = (text: string, cursor = text.length): FieldState => ({...openField({kind: 'filter', of: 'list'}, text), cursor});
const edit = (f: FieldState, ...keys: string[]): FieldState => keys.reduce((x, k) => editField(x, k) ?? x, f);
const shown = (f: FieldState): string => `${f.text.slice(0, f.cursor)}|${f.text.slice(f.cursor)}`;

describe('the text field (readline keys)', () => {
	it('inserts at the cursor and moves by characters, words and line ends', () => {
		expect(shown(edit(field('web'), 'left', 'left', 'X'))).toBe('wX|eb');
		expect(shown(edit(field('web'), 'home', '/'))).toBe('/|web');
		expect(shown(edit(field('web', 0), 'end', '2'))).toBe('web2|');
		expect(shown(edit(field('127.0.0.1:8080:5000'), 'alt+b'))).toBe('127.0.0.1:8080:|5000');
		expect(shown(edit(field('127.0.0.1:8080:5000'), 'alt+b', 'alt+b', 'alt+f'))).toBe('127.0.0.1:8080|:5000');
		expect(shown(edit(field('abc'), 'ctrl+a', 'ctrl+f', 'ctrl+e', 'ctrl+b'))).toBe('ab|c');
		expect(shown(edit(field('ab'), 'left', 'left', 'left', 'right', 'right', 'right'))).toBe('ab|');
	});

	it('deletes backwards, forwards, words and to either end', () => {
		expect(shown(edit(field('abcdef'), 'backspace', 'backspace', 'backspace'))).toBe('abc|');
		expect(shown(edit(field('abcdef', 2), 'delete'))).toBe('ab|def');
		expect(shown(edit(field('abc', 3), 'delete'))).toBe('abc|');
		expect(shown(edit(field('docker run web'), 'ctrl+w'))).toBe('docker run |');
		expect(shown(edit(field('127.0.0.1:8080'), 'alt+backspace'))).toBe('127.0.0.1:|');
		expect(shown(edit(field('abc def', 0), 'alt+d'))).toBe('| def');
		expect(shown(edit(field('abcdef', 2), 'ctrl+u'))).toBe('|cdef');
		expect(shown(edit(field('abcdef', 2), 'ctrl+k'))).toBe('ab|');
		expect(shown(edit(field('', 0), 'backspace', 'delete'))).toBe('|');
	});

	it('is not the field of keys it does not edit', () => {
		expect(editField(field('a'), 'up')).toBeNull();
		expect(editField(field('a'), 'enter')).toBeNull();
		expect(editField(field('a'), 'ctrl+c')).toBeNull();
	});

	it('types any printable text exactly, whatever the keys it contains', () => {
		fc.assert(
			fc.property(fc.string({unit: fc.constantFrom(...'abcxyz0189 /:?qjkPGN.-_[]@'.split('')), maxLength: 80}), (text) => {
				expect(edit(field(''), ...keyNames(text)).text).toBe(text);
			}),
		);
	});

	it('keeps the cursor inside the text whatever is pressed', () => {
		const keys = fc.constantFrom('a', 'left', 'right', 'home', 'end', 'backspace', 'delete', 'ctrl+w', 'ctrl+u', 'ctrl+k', 'alt+b', 'alt+f', 'alt+d');
		fc.assert(
			fc.property(fc.string({maxLength: 20}), fc.array(keys, {maxLength: 40}), (text, pressed) => {
				const f = edit(field(text.replace(/[^ -~]/g, '')), ...pressed);
				expect(f.cursor).toBeGreaterThanOrEqual(0);
				expect(f.cursor).toBeLessThanOrEqual(f.text.length);
			}),
		);
	});
});

describe('keys through the reducer', () => {
	const listed = (): State =>
		reducer(initialState('x', {columns: 120, rows: 30}), {type: 'containers/loaded', containers: ['web', 'db', 'abcdef'].map((n) => summary(n))});
	const keys = (s: State, raw: string): State => reducer(s, {type: 'keys', keys: keyNames(raw)});

	it('routes one read of text and keys in order: /db, Enter, then p opens the editor on db', () => {
		const s = keys(listed(), '/db\rp');
		expect(s.filter).toBe('db');
		expect(s.field).toBeNull();
		expect(s.screen).toBe('editor');
		expect(s.editor?.name).toBe('db');
	});

	it('takes three Backspaces of one read as three', () => {
		const s = keys(keys(listed(), '/abcdef'), '\u007f\u007f\u007f');
		expect(s.field?.text).toBe('abc');
		expect(s.filter).toBe('abc');
	});

	it('never runs a command for a printable key while a field is open (q, ?, : are text)', () => {
		const s = keys(listed(), '/q?:P');
		expect(s.quitting).toBe(false);
		expect(s.field?.text).toBe('q?:P');
	});

	it('reads Esc then a key sent together as the two keys (the terminal sends Alt+key so)', () => {
		const s = keys(keys(listed(), '/web\r'), '\u001bL');
		expect(s.filter).toBe('');
		expect(s.screen).toBe('links');
	});
});
