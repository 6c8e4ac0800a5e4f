import {describe, expect, it} from 'vitest';
import {inspectName, withoutLeadingSlash} from '../../source/model/container.js';
import {errorText} from '../../source/model/error-text.js';
import {parseLinkArg} from '../../source/model/links.js';

describe('container names', () => {
	it('inspectName adds the slash docker inspect shows, once', () => {
		expect(inspectName('web')).toBe('/web');
		expect(inspectName('/web')).toBe('/web');
	});

	it('withoutLeadingSlash takes the slash off what a user typed', () => {
		expect(withoutLeadingSlash('/web')).toBe('web');
		expect(withoutLeadingSlash('web')).toBe('web');
		expect(parseLinkArg('/db:pg')).toEqual({source: 'db', alias: 'pg'});
	});
});

describe('errorText', () => {
	it('gives an error message, or the value as a string', () => {
		expect(errorText(new TypeError('boom'))).toBe('boom');
		expect(errorText('plain')).toBe('plain');
		expect(errorText(42)).toBe('42');
	});
});
