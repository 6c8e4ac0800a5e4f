// Bundles source/cli.ts into dist/cli.js with esbuild: one file starts faster than many modules, and
// the published package needs no runtime dependencies at all (everything it runs is in dist/).
// Ink and React are split into a lazily imported chunk so that `dnet ps` / `dnet port` never load them.
import {build} from 'esbuild';
import {chmod, readFile, rm, writeFile} from 'node:fs/promises';
import {sep} from 'node:path';

/**
 * dockerode pulls in ssh2 (for ssh:// engines) and gRPC + protobuf (for BuildKit sessions) at load
 * time: most of its start-up cost, for features `dnet ps` and `dnet port` never use.
 * - docker-modem's ssh module (and with it ssh2) is not bundled: dnet reaches ssh:// engines through
 *   the system ssh and `docker system dial-stdio` (ARCHITECTURE.md, "Remote engines").
 * - gRPC and protobuf (BuildKit sessions, which dnet never opens) are not bundled at all: a stub
 *   that refuses on use stands in for them.
 * - Ink's React devtools bridge (its DEV=true mode only, which needs react-devtools-core and ws) is
 *   replaced by a module that fails as a missing react-devtools-core does: Ink then says so.
 */
const STUBBED = ['@grpc/grpc-js', '@grpc/proto-loader', 'protobufjs'];
const lazyModules = {
	name: 'lazy-modules',
	setup(b) {
		const filter = new RegExp(`^(${STUBBED.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`);
		b.onResolve({filter}, (args) => ({path: args.path, namespace: 'dnet-stub'}));
		b.onLoad({filter: /.*/, namespace: 'dnet-stub'}, (args) => ({
			loader: 'js',
			contents: `const refuse = () => { throw new Error(${JSON.stringify(`${args.path} is not part of dnet`)}); };
module.exports = new Proxy(function () {}, {get: (_t, key) => (key === '__esModule' || key === 'default' ? undefined : refuse()), apply: refuse, construct: refuse});`,
		}));
		b.onResolve({filter: /^\.\/devtools\.js$/}, (args) =>
			/ink[\\/]build[\\/]reconciler\.js$/.test(args.importer) ? {path: 'ink-devtools', namespace: 'dnet-no-devtools'} : undefined,
		);
		b.onLoad({filter: /.*/, namespace: 'dnet-no-devtools'}, () => ({
			loader: 'js',
			contents: `const error = new Error('react-devtools-core is not part of dnet'); error.code = 'ERR_MODULE_NOT_FOUND'; throw error;`,
		}));
		// docker-modem reads `require('ssh2').Client` as it loads; dnet's ssh:// goes through the system
		// ssh (engine/endpoint/ssh-agent.ts), so the modem's own ssh agent is never used: a stub.
		b.onResolve({filter: /^\.\/ssh$/}, (args) =>
			/docker-modem[\\/]lib[\\/]modem\.js$/.test(args.importer) ? {path: 'docker-modem ssh (ssh2)', namespace: 'dnet-stub'} : undefined,
		);
	},
};

/**
 * The commands' build (dist/cmd.js) is one file without the full-screen UI, whose imports are
 * replaced by a module that refuses: dist/cli.js never sends a command line that starts the UI there.
 */
const noUi = {
	name: 'no-ui',
	setup(b) {
		b.onResolve({filter: /\/(view\/tui|view\/first-frame)\.js$/}, (args) => ({path: args.path, namespace: 'dnet-no-ui'}));
		b.onLoad({filter: /.*/, namespace: 'dnet-no-ui'}, () => ({
			loader: 'js',
			contents: `throw new Error('the full-screen UI is not part of the commands build (dist/ui.js has it)');`,
		}));
	},
};

/**
 * dockerode (with docker-modem) is a CommonJS bundle of its own, dist/dockerode.cjs, required when the
 * engine code first runs: the commands' one file stays small (a command that only reads never parses
 * it), and no class of dnet's is in it (both builds load the same copy).
 */
const dockerodeApart = {
	name: 'dockerode-apart',
	setup(b) {
		b.onResolve({filter: /^dockerode$/}, (args) => (args.kind === 'entry-point' ? undefined : {path: 'dockerode', namespace: 'dnet-dockerode'}));
		b.onLoad({filter: /.*/, namespace: 'dnet-dockerode'}, () => ({loader: 'js', contents: `module.exports = __dnetNodeRequire('./dockerode.cjs');`}));
	},
};

/**
 * In the full build the commands are one lazily imported chunk, not one each: every dynamic entry
 * splits the code they share into more chunks, and the first frame's path had 22 modules to load
 * (11 now). cli.ts's `(await import('./commands/x.js')).name` all resolve to one module re-exporting
 * those names.
 */
const cliSource = await readFile('source/cli.ts', 'utf8');
const commandImports = [...cliSource.matchAll(/import\('(\.\/commands\/[^']+)'\)\)\.(\w+)/g)].map((m) => ({path: m[1], name: m[2]}));
if (commandImports.length !== cliSource.split("import('./commands/").length - 1) throw new Error("build: cli.ts imports a command in a form scripts/build.mjs does not read: (await import('./commands/x.js')).name");
const oneCommandChunk = {
	name: 'one-command-chunk',
	setup(b) {
		b.onResolve({filter: /^\.\/commands\//}, (args) =>
			args.kind === 'dynamic-import' && args.importer.endsWith(`source${sep}cli.ts`) ? {path: 'commands', namespace: 'dnet-commands'} : undefined,
		);
		b.onLoad({filter: /.*/, namespace: 'dnet-commands'}, () => ({
			loader: 'ts',
			resolveDir: 'source',
			contents: commandImports.map(({path, name}) => `export {${name}} from '${path}';`).join('\n'),
		}));
	},
};

await rm('dist', {recursive: true, force: true});
// Both builds of cli.ts, and the executable that picks one (source/bin.ts; ARCHITECTURE.md, "Start-up").
const common = {
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	// Smaller chunks parse faster at start-up; the source maps keep traces readable.
	minify: true,
	sourcemap: true,
	define: {'process.env.NODE_ENV': '"production"'},
	banner: {
		js: [
			"import {createRequire as __dnetCreateRequire} from 'node:module';",
			"import {fileURLToPath as __dnetFileURLToPath} from 'node:url';",
			"import {dirname as __dnetDirname} from 'node:path';",
			'const require = __dnetCreateRequire(import.meta.url);',
			'const __dnetNodeRequire = require;',
			'const __filename = __dnetFileURLToPath(import.meta.url);',
			'const __dirname = __dnetDirname(__filename);',
		].join(' '),
	},
	metafile: true,
	logLevel: 'warning',
};
const full = await build({...common, entryPoints: {ui: 'source/cli.ts'}, outdir: 'dist', splitting: true, plugins: [lazyModules, dockerodeApart, oneCommandChunk]});
const dockerode = await build({...common, entryPoints: {dockerode: 'dockerode'}, outExtension: {'.js': '.cjs'}, format: 'cjs', outdir: 'dist', banner: {}, plugins: [lazyModules]});
const commands = await build({...common, entryPoints: {cmd: 'source/cli.ts'}, outdir: 'dist', plugins: [lazyModules, noUi, dockerodeApart]});
const bin = await build({...common, entryPoints: {cli: 'source/bin.ts'}, outdir: 'dist', external: ['./ui.js', './cmd.js'], banner: {}});
await chmod('dist/cli.js', 0o755);
// What went into which file: test/build/bundle.test.ts checks the start-up paths with it.
const outputs = {...full.metafile.outputs, ...commands.metafile.outputs, ...bin.metafile.outputs, ...dockerode.metafile.outputs};
await writeFile('dist/meta.json', JSON.stringify({inputs: {...full.metafile.inputs, ...commands.metafile.inputs}, outputs}));
