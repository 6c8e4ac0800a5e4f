import {describe, expect, it} from 'vitest';
import {imageRefError, psImage} from '../../source/model/cli/image-ref.js';

const hex = 'ab'.repeat(32);

describe('psImage (the IMAGE column of docker ps)', () => {
	it.each([
		['', '<no image>'],
		[hex, hex.slice(0, 12)],
		[`sha256:${hex}`, hex.slice(0, 12)],
		['library/busybox:1', 'busybox:1'],
		['library/busybox', 'busybox'],
		['library/a/b', 'library/a/b'],
		[`busybox@sha256:${hex}`, 'busybox'],
		[`busybox:1@sha256:${hex}`, 'busybox:1'],
		['localhost:5000/library/x', 'localhost:5000/library/x'],
		['dnet/webapp', 'dnet/webapp'],
	])('%s -> %s', (image, shown) => {
		expect(psImage(image)).toBe(shown);
	});
});

describe('imageRefError', () => {
	it('words a refusal as the CLI does', () => {
		expect(imageRefError('ceo/BB')).toBe('invalid reference format: repository name (ceo/BB) must be lowercase');
		expect(imageRefError('Up')).toBe('invalid reference format: repository name (library/Up) must be lowercase');
		expect(imageRefError('img:')).toBe('invalid reference format');
		expect(imageRefError(`i@md5:${hex}`)).toBe('unsupported digest algorithm');
		expect(imageRefError('a'.repeat(248))).toBe('repository name must not be more than 255 characters');
		expect(imageRefError('a'.repeat(247))).toBeNull();
	});
});
