/** Renders the whole App with ink-testing-library: on a fake engine, or any Engine (the hardening tests' real ones). */
import {render} from 'ink-testing-library';
import type {Prober} from '../../source/engine/probe.js';
import {createAppStore, type AppStore} from '../../source/app/app-store.js';
import {App} from '../../source/app/view/app.js';
import {makeTheme, ThemeContext} from '../../source/app/view/theme.js';
import type {Engine} from '../../source/engine/engine.js';
import type {FakeEngine} from '../support/fake-engine.js';

export interface Rendered<E extends Engine = FakeEngine> {
	engine: E;
	store: AppStore;
	frame: () => string;
	press: (keys: string) => void;
	unmount: () => void;
}

export const KEY = {
	up: '\u001b[A',
	down: '\u001b[B',
	enter: '\r',
	esc: '\u001b',
	ctrlC: '\u0003',
	pageDown: '\u001b[6~',
};

export function renderApp<E extends Engine = FakeEngine>(
	engine: E,
	options: {columns?: number; rows?: number; color?: boolean; ascii?: boolean; readOnly?: boolean; prober?: Prober} = {},
): Rendered<E> {
	const store = createAppStore(
		engine,
		{columns: options.columns ?? 100, rows: options.rows ?? 24},
		{readOnly: options.readOnly ?? false, ...(options.prober ? {prober: options.prober} : {})},
	);
	const instance = render(
		<ThemeContext.Provider value={makeTheme({color: options.color ?? false, ascii: options.ascii ?? false})}>
			<App store={store} />
		</ThemeContext.Provider>,
	);
	return {
		engine,
		store,
		frame: () => instance.lastFrame() ?? '',
		press: (keys) => instance.stdin.write(keys),
		unmount: () => {
			instance.unmount();
			store.stop();
		},
	};
}
