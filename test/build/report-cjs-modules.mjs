// Loaded with `node --import`: at exit, prints every CommonJS module that was loaded ("CJS <path>")
// to stderr, plus a marker line so that an empty list is still a report.
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
process.on('exit', () => {
	const lines = Object.keys(require.cache).map((file) => `CJS ${file}`);
	process.stderr.write(`${['CJS (report)', ...lines].join('\n')}\n`);
});
