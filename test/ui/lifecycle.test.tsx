import {afterEach, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/engine.js';
import {FakeEngine, detailsOf, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

/** A fake engine that records lifecycle calls and can be told to fail or to hold them. */
class RecordingEngine extends FakeEngine {
	override done: string[] = [];
	failWith: EngineError | null = null;
	hold: Promise<void> | null = null;
	private async act(what: string): Promise<void> {
		if (this.hold) await this.hold;
		if (this.failWith) throw this.failWith;
		this.done.push(what);
	}
	override async stopContainer(id: string): Promise<void> {
		await this.act(`stop ${id}`);
	}
	override async startContainer(id: string): Promise<void> {
		await this.act(`start ${id}`);
	}
	override async restartContainer(id: string): Promise<void> {
		await this.act(`restart ${id}`);
	}
	override async removeContainer(id: string, options: {force?: boolean; volumes?: boolean} = {}): Promise<void> {
		await this.act(`remove ${id} force=${Boolean(options.force)} volumes=${Boolean(options.volumes)}`);
	}
}

function engine(): RecordingEngine {
	const e = new RecordingEngine([summary('web'), summary('tmp'), summary('old', {state: 'exited', status: 'Exited (0) 1 hour ago'})]);
	e.details.set('id-tmp', detailsOf(summary('tmp'), {autoRemove: true}));
	return e;
}

const rowOf = (frame: string, name: string): string => frame.split('\n').find((l) => new RegExp(`^.[ ✓]${name} `).test(l)) ?? '';

describe('lifecycle in the UI', () => {
	it('confirms a stop, says a --rm container goes away, then stops it', async () => {
		const e = engine();
		app = renderApp(e);
		await waitFor(() => expect(rowOf(app!.frame(), 'tmp')).toContain('›'));
		app.press('S');
		await waitFor(() => expect(app!.frame()).toContain('tmp was run with --rm: stopping removes it.'));
		expect(app.frame()).toContain('Stop tmp? (docker stop)');
		expect(e.done).toEqual([]);
		app.press('y');
		await waitFor(() => expect(e.done).toEqual(['stop id-tmp']));
		await waitFor(() => expect(app!.frame()).toContain('stopped: tmp'));
	});

	it('cancels with n or Esc and does nothing', async () => {
		const e = engine();
		app = renderApp(e);
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('d');
		await waitFor(() => expect(app!.frame()).toContain('Remove tmp?'));
		app.press('n');
		await waitFor(() => expect(app!.frame()).not.toContain('Remove tmp?'));
		app.press('S');
		await waitFor(() => expect(app!.frame()).toContain('Stop tmp?'));
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).not.toContain('Stop tmp?'));
		expect(e.done).toEqual([]);
	});

	it('removes a running container with -f, and its anonymous volumes only when asked', async () => {
		const e = engine();
		app = renderApp(e, {columns: 160});
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('d');
		await waitFor(() => expect(app!.frame()).toContain('tmp is running: killed first (docker rm -f). Anonymous volumes are kept'));
		app.press('v');
		await waitFor(() => expect(app!.frame()).toContain('Anonymous volumes are removed too (docker rm -v)'));
		app.press(KEY.enter);
		await waitFor(() => expect(e.done).toEqual(['remove id-tmp force=true volumes=true']));
	});

	it('shows the action on the row while it runs, and the engine error in one line when it fails', async () => {
		const e = engine();
		let release: () => void = () => {};
		e.hold = new Promise<void>((resolve) => {
			release = resolve;
		});
		e.failWith = new EngineError('not-found', 'No such container: id-tmp', undefined, 404);
		app = renderApp(e);
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press('R');
		await waitFor(() => expect(rowOf(app!.frame(), 'tmp')).toContain('restarting…'));
		// The UI keeps working while the engine is busy.
		app.press('j');
		await waitFor(() => expect(rowOf(app!.frame(), 'web')).toContain('›'));
		release();
		await waitFor(() => expect(app!.frame()).toContain('restart tmp: No such container: id-tmp'));
		expect(rowOf(app.frame(), 'tmp')).toContain('Up 2 minutes');
	});

	it('marks several with space and acts on all of them', async () => {
		const e = engine();
		app = renderApp(e);
		await waitFor(() => expect(app!.frame()).toContain('web'));
		app.press(' ');
		app.press(' ');
		await waitFor(() => expect(app!.frame()).toContain('2 marked'));
		expect(rowOf(app.frame(), 'tmp')).toContain('✓');
		app.press('R');
		await waitFor(() => expect([...e.done].sort()).toEqual(['restart id-tmp', 'restart id-web']));
	});

	it('under --read-only hides the actions from footer and help, and refuses them', async () => {
		const e = engine();
		app = renderApp(e, {readOnly: true, rows: 40, columns: 160});
		await waitFor(() => expect(app!.frame()).toContain('READ-ONLY'));
		expect(app.frame()).not.toContain('stop');
		app.press('d');
		await waitFor(() => expect(app!.frame()).toContain('read-only: dnet was started with --read-only'));
		expect(app.frame()).not.toContain('Remove tmp?');
		app.press('?');
		await waitFor(() => expect(app!.frame()).toContain('Filter by name'));
		expect(app.frame()).not.toContain('Stop the container');
		expect(e.done).toEqual([]);
	});
});
