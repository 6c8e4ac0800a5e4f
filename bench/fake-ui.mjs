// The real full-screen UI (Ink, the store, the live link, the output layer) on the project's fake
// engine (test/support/fake-engine.ts) with BENCH_N containers, for what a real engine cannot give
// the bench in minutes: keypress-to-frame through 10,000 containers, and memory over 10,000 updates.
// bench/run.mjs bundles this file with esbuild and runs it in its pseudo-terminal.
//
// Updates: on SIGUSR2 it makes BENCH_UPDATES more changes to containers on screen (each a status
// change the live link hears as an event, patches and draws), one at a time, then writes
// `<updates so far> <heapUsed after a GC>` to BENCH_REPORT (run it with --expose-gc).
import {appendFileSync} from 'node:fs';
import {startTui} from '../source/app/view/tui.tsx';
import {FakeEngine, summary} from '../test/support/fake-engine.ts';

const n = Number(process.env.BENCH_N ?? 10_000);
const perSignal = Number(process.env.BENCH_UPDATES ?? 1000);
const report = process.env.BENCH_REPORT;
const containers = Array.from({length: n}, (_, i) => {
	const name = `fake-${String(i).padStart(5, '0')}`;
	const running = i < 50;
	return summary(name, {
		state: running ? 'running' : 'exited',
		status: running ? 'Up 2 hours' : 'Exited (0) 3 hours ago',
		ports: running ? [{privatePort: 5000, type: 'tcp', ip: '127.0.0.1', publicPort: 30000 + i}] : [],
		links: i % 2 === 1 && i < 50 ? [{source: 'fake-00000', alias: 'db'}] : [],
	});
});
const engine = new FakeEngine(containers);
const session = await startTui({engine, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, color: true, ascii: false, readOnly: false});

let done = 0;
process.on('SIGUSR2', () => {
	void (async () => {
		for (let i = 0; i < perSignal; i++) {
			const c = engine.containers[(done % 10) + 1];
			c.status = done % 2 === 0 ? 'Up 3 hours (healthy)' : 'Up 3 hours';
			engine.emit({id: c.id, action: 'health_status'});
			done += 1;
			await new Promise((resolve) => setTimeout(resolve, 1));
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
		globalThis.gc?.();
		if (report) appendFileSync(report, `${done} ${process.memoryUsage().heapUsed}\n`);
	})();
});
await session.done;
session.restore();
process.exit(0);
