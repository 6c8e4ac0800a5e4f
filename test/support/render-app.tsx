/**
 * The whole app (store, live link, every screen) rendered by ink-testing-library over an Engine,
 * for the tests that drive it by keys and read its frames.
 */
import {render} from 'ink-testing-library';
import {createAppStore, type AppStore} from '../../source/app/app-store.js';
import {App} from '../../source/app/view/app.js';
import {makeTheme, ThemeContext} from '../../source/app/view/theme.js';
import type {Engine} from '../../source/engine/engine.js';

export interface RenderedApp {
	store: AppStore;
	frame: () => string;
	press: (keys: string) => void;
	unmount: () => void;
}

export function renderApp(engine: Engine, size: {columns: number; rows: number}): RenderedApp {
	const store = createAppStore(engine, size);
	const instance = render(
		<ThemeContext.Provider value={makeTheme({color: false, ascii: false})}>
			<App store={store} />
		</ThemeContext.Provider>,
	);
	return {
		store,
		frame: () => instance.lastFrame() ?? '',
		press: (keys) => instance.stdin.write(keys),
		unmount: () => {
			instance.unmount();
			store.stop();
		},
	};
}
