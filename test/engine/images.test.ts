/** `Engine.listImages` against the real private engine: the same images and tags as `docker images`. */
import {afterAll, describe, expect, it} from 'vitest';
import {dockerOk, privateEngine} from '../support/engine.js';

const engine = privateEngine();
afterAll(() => engine.close());

describe('listImages', () => {
	it('lists the repo:tag names docker images shows', async () => {
		const cli = (await dockerOk(['images', '--format', '{{.Repository}}:{{.Tag}}']))
			.split('\n')
			.map((l) => l.trim())
			.filter((l) => l !== '' && !l.includes('<none>'));
		const images = await engine.listImages();
		const tags = images.flatMap((i) => i.tags);
		expect(tags.sort()).toEqual(cli.sort());
		for (const i of images) expect(i.id).toMatch(/^sha256:[0-9a-f]{64}$/);
	});
});
