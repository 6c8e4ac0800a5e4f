/** The root component: reads the store, routes keys through the keymap, lays out the screen. */
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import React, {useEffect} from 'react';
import {counts, listHeight, MIN_COLUMNS, MIN_ROWS, tooSmall} from '../store/selectors.js';
import type {Store} from '../store/store.js';
import {ConfirmPanel} from './components/confirm-panel.js';
import {Footer, FilterField} from './components/footer.js';
import {StatusBar} from './components/status-bar.js';
import {activeScopes, keyNames, resolveKey, type InkKey} from './keymap.js';
import {DetailsScreen} from './screens/details-screen.js';
import {HelpScreen} from './screens/help-screen.js';
import {ListScreen} from './screens/list-screen.js';
import {StoreContext, useSelector} from './store-context.js';

/** Routes one Ink input event to commands, reading the latest state for every key of a chunk. */
export function dispatchKeys(store: Store, input: string, key: InkKey): void {
	const names = keyNames(input, key);
	for (let i = 0; i < names.length; i++) {
		const wasEditing = store.getState().filterEditing;
		const id = resolveKey(names[i] ?? '', activeScopes(store.getState()));
		if (id) store.dispatch({type: 'command', id});
		const state = store.getState();
		if (!wasEditing && state.filterEditing && i < names.length - 1) {
			// `/web` typed (or pasted) fast arrives as one chunk: the rest is the filter text.
			const rest = names.slice(i + 1).join('').replace(/[\u0000-\u001f\u007f]/g, '');
			store.dispatch({type: 'filter/set', text: state.filter + rest});
			return;
		}
	}
}

function Screen({store}: {store: Store}) {
	const state = useSelector((s) => s);
	const {exit} = useApp();
	const {stdout} = useStdout();

	useEffect(() => {
		const onResize = (): void => {
			store.dispatch({type: 'resize', columns: stdout.columns || 80, rows: stdout.rows || 24});
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, store]);

	useEffect(() => {
		if (state.quitting) exit();
	}, [state.quitting, exit]);

	useInput((input, key) => dispatchKeys(store, input, key), {isActive: !state.filterEditing});
	useInput(
		(input, key) => {
			// Only Enter, Esc and Ctrl+C mean something here; the text field takes the rest.
			if (key.return || key.escape || (key.ctrl && input === 'c')) dispatchKeys(store, input, key);
		},
		{isActive: state.filterEditing},
	);

	const {columns, rows} = state.size;
	if (tooSmall(state)) {
		return (
			<Box width={columns} height={Math.max(1, rows - 1)} flexDirection="column">
				<Text wrap="wrap">{`dnet needs a terminal of at least ${MIN_COLUMNS}x${MIN_ROWS}; this one is ${columns}x${rows}. Make it larger, or press q to quit.`}</Text>
			</Box>
		);
	}
	const scopes = activeScopes(state);
	const message =
		state.connection.status === 'disconnected'
			? {tone: 'error' as const, text: `${state.connection.message}${state.connection.hint ? ` (${state.connection.hint})` : ''}`}
			: (state.notice ?? undefined);
	let body: React.ReactNode;
	switch (state.screen) {
		case 'list':
			body = <ListScreen state={state} />;
			break;
		case 'details':
			body = <DetailsScreen state={state} />;
			break;
		case 'help':
			body = <HelpScreen height={listHeight(state) + 1} width={columns} readOnly={state.readOnly} />;
			break;
	}
	return (
		<Box flexDirection="column" width={columns} height={rows - 1}>
			<StatusBar
				endpoint={state.endpoint}
				version={state.info?.version ?? null}
				connection={state.connection}
				counts={counts(state)}
				showAll={state.showAll}
				filter={state.filter}
				width={columns}
				readOnly={state.readOnly}
				sort={state.sort}
				marked={state.marked.length}
			/>
			{body}
			{state.confirm ? <ConfirmPanel confirm={state.confirm} width={columns} /> : null}
			{state.filterEditing ? (
				<FilterField value={state.filter} onChange={(text) => store.dispatch({type: 'filter/set', text})} width={columns} />
			) : (
				<Footer scopes={scopes} width={columns} message={message} readOnly={state.readOnly} />
			)}
		</Box>
	);
}

export function App({store}: {store: Store}) {
	return (
		<StoreContext.Provider value={store}>
			<Screen store={store} />
		</StoreContext.Provider>
	);
}
