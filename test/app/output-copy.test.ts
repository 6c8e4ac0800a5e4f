import {describe, expect, it} from 'vitest';
import {reducer} from '../../source/app/reducer.js';
import {initialState, type State} from '../../source/app/state.js';
import {osc52} from '../../source/app/view/output/clipboard.js';
import {reachable, webUrl} from '../../source/model/ports/web-address.js';
import {summary} from '../support/fake-engine.js';

const withList = (): State => {
	let s = initialState('unix:///run/docker.sock', {columns: 120, rows: 30}, false);
	s = reducer(s, {type: 'containers/loaded', containers: [summary('web', {ports: [{ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp'}]}), summary('db')], at: 0});
	return s;
};
const keys = (s: State, ...k: string[]): State => reducer(s, {type: 'keys', keys: k});

describe('copy (y)', () => {
	it('queues the selected container\'s name on the list, and the footer says so', () => {
		const s = keys(withList(), 'y');
		const copy = s.effects.find((e) => e.kind === 'copy');
		expect(copy).toMatchObject({kind: 'copy', text: 'db'});
		expect(s.notice?.text).toBe('copied the name: db');
	});

	it('queues an address one can connect to in the details', () => {
		const s = keys(withList(), 'j', 'enter', 'y');
		expect(s.effects.filter((e) => e.kind === 'copy')).toMatchObject([{text: '127.0.0.1:8080'}]);
		expect(s.notice?.text).toBe('copied the address: 127.0.0.1:8080');
	});

	it('reads addresses as a client would connect to them', () => {
		expect(reachable('0.0.0.0', 80)).toBe('127.0.0.1:80');
		expect(reachable('::', 80)).toBe('[::1]:80');
		expect(reachable('192.168.1.4', 8443)).toBe('192.168.1.4:8443');
		expect(reachable('::1', 5000)).toBe('[::1]:5000');
		expect(webUrl('0.0.0.0', 8080, 80, 'tcp')).toBe('http://127.0.0.1:8080/');
		expect(webUrl('127.0.0.1', 8443, 443, 'tcp')).toBe('https://127.0.0.1:8443/');
		expect(webUrl('127.0.0.1', 5432, 5432, 'tcp')).toBeNull();
		expect(webUrl('127.0.0.1', 8080, 80, 'udp')).toBeNull();
		expect(webUrl('127.0.0.1', null, 80, 'tcp')).toBeNull();
	});

	it('Ctrl+Z queues a suspend, on any screen', () => {
		expect(keys(withList(), 'ctrl+z').effects.some((e) => e.kind === 'suspend')).toBe(true);
		expect(keys(withList(), '?', 'ctrl+z').effects.some((e) => e.kind === 'suspend')).toBe(true);
	});

	it('Ctrl+Z suspends over an open filter, the palette and a question too, and keeps what was typed', () => {
		const filtered = keys(withList(), '/', 'w', 'e', 'ctrl+z');
		expect(filtered.effects.some((e) => e.kind === 'suspend')).toBe(true);
		expect(filtered.field?.text).toBe('we');
		expect(keys(withList(), ':', 'ctrl+z').effects.some((e) => e.kind === 'suspend')).toBe(true);
		const asked = keys(withList(), 'S', 'ctrl+z');
		expect(asked.confirm).not.toBeNull();
		expect(asked.effects.some((e) => e.kind === 'suspend')).toBe(true);
	});
});

describe('the clipboard sequence', () => {
	it('is OSC 52 for a terminal and tmux, in screen\'s passthrough pieces inside screen', () => {
		expect(osc52('127.0.0.1:8080', 'plain')).toBe(`\u001b]52;c;${Buffer.from('127.0.0.1:8080').toString('base64')}\u0007`);
		const long = 'x'.repeat(2000);
		const wrapped = osc52(long, 'screen');
		const pieces = wrapped.split('\u001b\\').filter((p) => p !== '');
		expect(pieces.length).toBeGreaterThan(1);
		for (const p of pieces) {
			expect(p.startsWith('\u001bP')).toBe(true);
			expect(p.length).toBeLessThanOrEqual(2 + 76 * 9);
		}
		expect(pieces.map((p) => p.slice(2)).join('')).toBe(osc52(long, 'plain'));
	});
});
