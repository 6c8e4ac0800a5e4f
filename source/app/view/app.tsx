/** The root component: reads the store, feeds it keys, lays out the screen of the current mode. */
import {Box, Text, useApp, useStdout} from 'ink';
import {useEffect} from 'react';
import {BackupPanel} from '../../features/backup/view.js';
import {DetailsScreen} from '../../features/details/view.js';
import {ContextsScreen} from '../../features/contexts/view.js';
import {DoctorScreen} from '../../features/doctor/view.js';
import {ServiceEditorScreen} from '../../features/services/editor-view.js';
import {ServiceScreen, ServicesScreen} from '../../features/services/view.js';
import {NewContainerScreen} from '../../features/form/view.js';
import {PortEditorScreen} from '../../features/editor/view.js';
import {HelpScreen} from '../../features/help/view.js';
import {ConfirmPanel} from '../../features/lifecycle/confirm-panel.js';
import {LinksScreen} from '../../features/link-graph/view.js';
import {LinkPickerScreen} from '../../features/link-picker/view.js';
import {counts} from '../../features/list/selectors.js';
import {ListScreen} from '../../features/list/view.js';
import {NetworksScreen} from '../../features/networks/view.js';
import {visibleBindings} from '../../features/ports/reducer.js';
import {PortsScreen} from '../../features/ports/view.js';
import {RenameScreen} from '../../features/rename/view.js';
import {listHeight, MIN_COLUMNS, MIN_ROWS, tooSmall} from '../layout.js';
import {mode, scopesOf} from '../input/mode.js';
import type {State} from '../state.js';
import type {Store} from '../store.js';
import {Footer} from './footer.js';
import {MessagePanel} from './message-panel.js';
import {StatusBar} from './status-bar.js';
import {StoreContext, useSelector} from './store-context.js';
import {TextField} from './text-field.js';
import {useKeys} from './use-keys.js';

function Body({state}: {state: State}) {
	switch (state.screen) {
		case 'list':
			return <ListScreen state={state} />;
		case 'details':
			return <DetailsScreen state={state} />;
		case 'ports':
			return <PortsScreen state={state} />;
		case 'editor':
			return <PortEditorScreen state={state} />;
		case 'new':
			return <NewContainerScreen state={state} />;
		case 'linkPicker':
			return <LinkPickerScreen state={state} />;
		case 'links':
			return <LinksScreen state={state} />;
		case 'networks':
			return <NetworksScreen state={state} />;
		case 'rename':
			return <RenameScreen state={state} />;
		case 'doctor':
			return <DoctorScreen state={state} />;
		case 'contexts':
			return <ContextsScreen state={state} />;
		case 'services':
			return <ServicesScreen state={state} />;
		case 'service':
			return <ServiceScreen state={state} />;
		case 'serviceEditor':
			return <ServiceEditorScreen state={state} />;
		case 'help':
			return <HelpScreen height={listHeight(state) + 1} width={state.size.columns} readOnly={state.readOnly} scroll={state.help.scroll} />;
	}
}

/** The last line: the filter or command line being typed, else the mode's keys after a notice. */
function BottomLine({state}: {state: State}) {
	const {columns} = state.size;
	const field = state.field;
	if (field?.target.kind === 'palette') {
		return <TextField prompt=":" scope="palette" placeholder="ports, links, networks, containers, all, latest, help, quit" field={field} width={columns} />;
	}
	if (field?.target.kind === 'filter') {
		const placeholder = state.screen === 'ports' ? 'port number, name or address' : 'name, image or port';
		return <TextField prompt="/" scope="filter" placeholder={placeholder} field={field} width={columns} />;
	}
	const message =
		state.connection.status === 'disconnected'
			? {tone: 'error' as const, text: `${state.connection.message}${state.connection.hint ? ` (${state.connection.hint})` : ''}`}
			: (state.notice ?? undefined);
	return <Footer scopes={state.confirm || state.message ? [] : scopesOf(mode(state))} state={state} width={columns} message={message} readOnly={state.readOnly} />;
}

function Screen({store}: {store: Store}) {
	const state = useSelector((s) => s);
	const {exit} = useApp();
	const {stdout} = useStdout();
	useKeys(store);

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

	const {columns, rows} = state.size;
	if (tooSmall(state)) {
		return (
			<Box width={columns} height={Math.max(1, rows - 1)} flexDirection="column">
				<Text wrap="wrap">{`dnet needs a terminal of at least ${MIN_COLUMNS}x${MIN_ROWS}; this one is ${columns}x${rows}. Make it larger, or press q to quit.`}</Text>
			</Box>
		);
	}
	return (
		<Box flexDirection="column" width={columns} height={rows - 1}>
			<StatusBar
				endpoint={state.endpoint}
				version={state.info?.version ?? null}
				connection={state.connection}
				counts={counts(state)}
				showAll={state.showAll}
				filter={state.screen === 'ports' ? state.ports.filter : state.filter}
				width={columns}
				readOnly={state.readOnly}
				sort={state.sort}
				marked={state.marked.length}
				bindings={state.screen === 'ports' ? visibleBindings(state).length : undefined}
			/>
			<Body state={state} />
			{state.confirm ? <ConfirmPanel confirm={state.confirm} containers={state.containers} width={columns} /> : null}
			{state.backupOffer && !state.confirm ? <BackupPanel offer={state.backupOffer} width={columns} /> : null}
			{state.message && !state.confirm && !state.backupOffer ? <MessagePanel message={state.message} width={columns} /> : null}
			<BottomLine state={state} />
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
