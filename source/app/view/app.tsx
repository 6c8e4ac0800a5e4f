/** The root component: reads the store, routes keys through the keymap, lays out the screen. */
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import React, {useEffect} from 'react';
import {counts, listHeight, MIN_COLUMNS, MIN_ROWS, tooSmall} from '../store/selectors.js';
import type {Store} from '../store/store.js';
import type {State} from '../store/state.js';
import {ConfirmPanel} from './components/confirm-panel.js';
import {Footer, FilterField} from './components/footer.js';
import {StatusBar} from './components/status-bar.js';
import {activeScopes, keyNames, resolveKey, type InkKey} from './keymap.js';
import {DetailsScreen} from './screens/details-screen.js';
import {HelpScreen} from './screens/help-screen.js';
import {visibleBindings} from '../store/reducer-ports.js';
import {ListScreen} from './screens/list-screen.js';
import {PortsScreen} from './screens/ports-screen.js';
import {BackupPanel} from './components/backup-panel.js';
import {NewContainerScreen} from './screens/new-container.js';
import {PortEditorScreen} from './screens/port-editor.js';
import {StoreContext, useSelector} from './store-context.js';
import {netChoosing} from '../store/net-selectors.js';
import {LinkPickerScreen} from './screens/link-picker.js';
import {LinksScreen} from './screens/links-screen.js';
import {NetworksScreen} from './screens/networks-screen.js';
import {RenameScreen} from './screens/rename-screen.js';

/** Routes one Ink input event to commands, reading the latest state for every key of a chunk. */
export function dispatchKeys(store: Store, input: string, key: InkKey, options: {textTaken?: boolean} = {}): void {
	for (const name of keyNames(input, key)) {
		const state = store.getState();
		const typing = state.palette !== null ? 'palette' : state.filterEditing ? 'filter' : state.field ? 'field' : null;
		// Keys that arrive in the same chunk as the `/` or `:` that opened a field (typed fast,
		// pasted, or sent by tmux) are text for that field, except the keys the field itself binds.
		if (typing && name.length === 1 && !resolveKey(name, activeScopes(state))) {
			if (options.textTaken) continue;
			if (typing === 'palette') store.dispatch({type: 'palette/set', text: (state.palette ?? '') + name});
			else if (typing === 'field') store.dispatch({type: 'field/set', text: (state.field?.text ?? '') + name});
			else store.dispatch({type: 'filter/set', text: state.filter + name});
			continue;
		}
		const id = resolveKey(name, activeScopes(state));
		if (id) store.dispatch({type: 'command', id});
	}
}

/** True while a text field or the image list takes the keys (the navigation handler is off). */
function isTyping(state: State): boolean {
	if (state.filterEditing || state.palette !== null) return true;
	if (state.confirm || state.backupOffer) return false;
	return state.field !== null || (state.screen === 'new' && state.form?.picking === true) || netChoosing(state);
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

	// One handler, always listening, that reads the live state for every key: toggling handlers on and
	// off with each render let a key typed right after Enter (`/web` Enter `p`) reach the wrong one.
	const picking = (state.screen === 'new' && state.form?.picking === true) || netChoosing(state);
	const fieldShown = isTyping(state);
	useInput((input, key) => {
		const now = store.getState();
		if (!isTyping(now)) {
			// Not for the image list's own Enter: it picked the image and must not also press a field.
			if (!picking) dispatchKeys(store, input, key);
			return;
		}
		// The field opened since the last render and is not on screen yet: its text comes through us.
		if (!fieldShown) {
			dispatchKeys(store, input, key);
			return;
		}
		// A text field takes the text; Enter, Esc and Ctrl+C (alone, or ending a chunk) are ours.
		if (key.return || key.escape || (key.ctrl && input === 'c')) dispatchKeys(store, input, key);
		// A chunk mixing text and keys (`abc\r`): the field took the text, the keys are ours.
		else if (/[\u0000-\u001f]/.test(input)) dispatchKeys(store, input, {}, {textTaken: true});
	});

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
		case 'ports':
			body = <PortsScreen state={state} />;
			break;
		case 'editor':
			body = <PortEditorScreen state={state} />;
			break;
		case 'new':
			body = <NewContainerScreen state={state} />;
			break;
		case 'linkPicker':
			body = <LinkPickerScreen state={state} />;
			break;
		case 'links':
			body = <LinksScreen state={state} />;
			break;
		case 'networks':
			body = <NetworksScreen state={state} />;
			break;
		case 'rename':
			body = <RenameScreen state={state} />;
			break;
		case 'help':
			body = <HelpScreen height={listHeight(state) + 1} width={columns} readOnly={state.readOnly} scroll={state.help.scroll} />;
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
				bindings={state.screen === 'ports' ? visibleBindings(state).length : undefined}
			/>
			{body}
			{state.confirm ? <ConfirmPanel confirm={state.confirm} width={columns} /> : null}
			{state.backupOffer && !state.confirm ? <BackupPanel offer={state.backupOffer} width={columns} /> : null}
			{state.palette !== null ? (
				<FilterField
					prompt=":"
					scope="palette"
					placeholder="ports, links, networks, containers, all, latest, help, quit"
					value={state.palette}
					onChange={(text) => store.dispatch({type: 'palette/set', text})}
					width={columns}
				/>
			) : state.filterEditing ? (
				<FilterField
					prompt="/"
					scope="filter"
					placeholder={state.screen === 'ports' ? 'port number, name or address' : 'name, image or port'}
					value={state.filter}
					onChange={(text) => {
						// The field may still be mounted for a key that arrived after Enter closed it.
						if (store.getState().filterEditing) store.dispatch({type: 'filter/set', text});
					}}
					width={columns}
				/>
			) : (
				<Footer scopes={state.confirm ? [] : scopes} width={columns} message={message} readOnly={state.readOnly} />
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
