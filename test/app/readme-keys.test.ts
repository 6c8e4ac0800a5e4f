import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {keymapMarkdown} from '../../source/app/input/keymap.js';

describe('README', () => {
	it('lists exactly the keys of the keymap table (regenerate with npm run readme:keys)', () => {
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		const start = readme.indexOf('<!-- keys:start -->');
		const end = readme.indexOf('<!-- keys:end -->');
		expect(start, 'README needs <!-- keys:start --> and <!-- keys:end --> markers').toBeGreaterThan(-1);
		expect(end).toBeGreaterThan(start);
		const table = readme.slice(start + '<!-- keys:start -->'.length, end).trim();
		expect(table).toBe(keymapMarkdown());
	});
});
