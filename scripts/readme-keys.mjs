// Rewrites the key table of README.md (between <!-- keys:start --> and <!-- keys:end -->) from
// the keymap table in source/app/input/keymap.ts. `npm run readme:keys`; test/app/readme-keys.test.ts checks it.
import {build} from 'esbuild';
import {readFile, writeFile} from 'node:fs/promises';

const out = await build({entryPoints: ['source/app/input/keymap.ts'], bundle: true, format: 'esm', platform: 'node', write: false});
const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
const {keymapMarkdown} = await import(url);
const readme = await readFile('README.md', 'utf8');
const start = readme.indexOf('<!-- keys:start -->') + '<!-- keys:start -->'.length;
const end = readme.indexOf('<!-- keys:end -->');
if (start < '<!-- keys:start -->'.length || end < start) throw new Error('README.md lacks the keys markers');
await writeFile('README.md', `${readme.slice(0, start)}\n${keymapMarkdown()}\n${readme.slice(end)}`);
