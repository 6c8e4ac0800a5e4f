import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createAppStore, type AppStore} from '../../source/app/app-store.js';
import {App} from '../../source/app/view/app.js';
import {FrameWriter} from '../../source/app/view/output/frame-writer.js';
import {makeTheme, ThemeContext} from '../../source/app/view/theme.js';
import {FakeEngine, summary} from '../support/fake-engine.js';
import {feed, text, vt} from '../support/vt.js';
import {waitFor} from '../support/wait-for.js';

const LINK = '\u001b]8;;http://127.0.0.1:8080/\u001b\\';

describe('web ports as links (OSC 8)', () => {
	let stop: (() => void) | undefined;
	afterEach(() => stop?.());

	const open = async (hyperlinks: boolean): Promise<string> => {
		const engine = new FakeEngine([
			summary('web', {ports: [{ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp'}]}),
			summary('db', {ports: [{ip: '127.0.0.1', privatePort: 5432, publicPort: 5432, type: 'tcp'}]}),
		]);
		const store: AppStore = createAppStore(engine, {columns: 120, rows: 20});
		const app = render(
			<ThemeContext.Provider value={makeTheme({color: false, ascii: false, hyperlinks})}>
				<App store={store} />
			</ThemeContext.Provider>,
		);
		stop = () => {
			app.unmount();
			store.stop();
		};
		await waitFor(() => expect(app.lastFrame()).toContain('web'));
		app.stdin.write('P');
		await waitFor(() => expect(app.lastFrame()).toContain('5432/tcp'));
		await waitFor(() => expect(app.lastFrame()).toContain('80/tcp'));
		return app.lastFrame() ?? '';
	};

	it('links a published web port where the terminal opens links, and only there', async () => {
		const linked = await open(true);
		expect(linked).toContain(`${LINK}8080`);
		expect(linked.split(']8;;http').length - 1).toBe(1);
		stop?.();
		expect(await open(false)).not.toContain('\u001b]8;');
	});

	it('keeps the columns where they were: the link takes no room on screen', async () => {
		const columnsOf = async (frame: string): Promise<string[]> => {
			const screen = vt(120, 20);
			await feed(screen, new FrameWriter({columns: 120, rows: 20, level: 3}).next(frame));
			return text(screen);
		};
		const linked = await columnsOf(await open(true));
		stop?.();
		expect(linked).toEqual(await columnsOf(await open(false)));
	});
});
