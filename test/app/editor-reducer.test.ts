import {describe, expect, it} from 'vitest';
import type {Action} from '../../source/app/actions.js';
import type {CommandId} from '../../source/app/input/commands.js';
import {reducer} from '../../source/app/reducer.js';
import {initialState, type State} from '../../source/app/state.js';
import {specFields, specOf, specsFromBindings, splitCommand} from '../../source/model/port-rows.js';
import {changeLines, editorRunLine} from '../../source/features/editor/review.js';
import {detailsOf, summary} from '../support/fake-engine.js';

const run = (state: State, ...steps: Array<CommandId | Action>): State =>
	steps.reduce<State>((s, step) => reducer(s, typeof step === 'string' ? {type: 'command', id: step} : step), state);

function listed(): State {
	const web = summary('web');
	return reducer(initialState('fake'), {type: 'containers/loaded', containers: [web, summary('db', {state: 'exited'})]});
}

function editorOnWeb(): State {
	const s = run(listed(), 'editPorts');
	const d = detailsOf(summary('web'), {publishAllPorts: true, portBindings: {'5000/udp': [{hostIp: '127.0.0.1', hostPort: ''}], '80/tcp': [{hostIp: '', hostPort: '8080'}]}});
	return reducer(s, {type: 'editor/loaded', id: 'id-web', details: d, fingerprint: 'reviewed'});
}

describe('port rows (model)', () => {
	it('turns requested bindings into docker syntax and back into fields', () => {
		expect(specOf('5000/udp', {hostIp: '127.0.0.1', hostPort: ''})).toBe('127.0.0.1::5000/udp');
		expect(specOf('5000/tcp', {hostIp: '', hostPort: ''})).toBe('5000');
		expect(specOf('5000/tcp', {hostIp: '::1', hostPort: '80'})).toBe('[::1]:80:5000');
		expect(specsFromBindings({'5000/udp': [{hostIp: '127.0.0.1', hostPort: ''}], '80/tcp': [{hostIp: '', hostPort: '8080'}]})).toEqual(['8080:80', '127.0.0.1::5000/udp']);
		expect(specFields('127.0.0.1::5000/udp')).toEqual({hostIp: '127.0.0.1', hostPort: '', containerPort: '5000', protocol: 'udp'});
		expect(specFields('8000-8001:80-81')).toEqual({hostIp: '', hostPort: '8000-8001', containerPort: '80-81', protocol: 'tcp'});
		expect(specFields('x:1')).toBeNull();
		expect(splitCommand(`sh -c 'echo hi there' "a b"`)).toEqual(['sh', '-c', 'echo hi there', 'a b']);
	});
});

describe('editor reducer', () => {
	it('opens on the selected container and loads its rows and -P', () => {
		const s = editorOnWeb();
		expect(s.screen).toBe('editor');
		expect(s.editor?.rows).toEqual(['8080:80', '127.0.0.1::5000/udp']);
		expect(s.editor?.publishAll).toBe(true);
	});

	it('refuses an invalid row and keeps the field open; an empty new row goes away', () => {
		let s = run(editorOnWeb(), 'rowAdd', {type: 'field/set', text: '1.2.3:80'}, 'fieldAccept');
		expect(s.field?.text).toBe('1.2.3:80');
		s = run(s, {type: 'field/set', text: ''}, 'fieldAccept');
		expect(s.field).toBeNull();
		expect(s.editor?.rows).toHaveLength(2);
		s = run(s, 'rowAdd', 'fieldCancel');
		expect(s.editor?.rows).toHaveLength(2);
	});

	it('edits, deletes and toggles -P; apply with nothing changed says so', () => {
		let s = run(editorOnWeb(), 'editorApply');
		expect(s.notice?.text).toBe('web: nothing to change');
		s = run(s, 'rowEdit', {type: 'field/set', text: '127.0.0.1:8080:80'}, 'fieldAccept', 'down', 'rowDelete', 'togglePublishAll');
		expect(s.editor?.rows).toEqual(['127.0.0.1:8080:80']);
		expect(s.editor?.publishAll).toBe(false);
	});

	it('reviews, goes back with n, queues one recreate with y (carrying what was reviewed) and returns to the list', () => {
		let s = run(editorOnWeb(), 'rowDelete', 'editorApply');
		expect(s.editor?.stage).toBe('review');
		s = run(s, 'confirmNo');
		expect(s.editor?.stage).toBe('edit');
		s = run(s, 'editorApply', 'confirmYes');
		// The editor waits for the recreate (its edits are kept if it fails), then goes back to the list.
		expect(s.screen).toBe('editor');
		expect(s.editor?.stage).toBe('applying');
		expect(s.recreates).toEqual([
			{id: expect.any(Number), containerId: 'id-web', name: 'web', bindings: {'5000/udp': [{HostIp: '127.0.0.1', HostPort: ''}]}, exposed: ['5000/udp'], publishAll: true, fingerprint: 'reviewed'},
		]);
		expect(s.effects.filter((e) => e.kind === 'recreatePorts').map((e) => e.id)).toEqual([s.recreates[0]?.id]);
		s = reducer(s, {type: 'recreate/done', id: s.recreates[0]?.id ?? 0, ok: true, text: 'recreated web: abc'});
		expect(s.screen).toBe('list');
		expect(s.editor).toBeNull();
		expect(s.recreates).toEqual([]);
		expect(s.notice?.text).toBe('recreated web: abc');
	});

	it('uses the suggested free port for a conflicting row', () => {
		let s = run(editorOnWeb(), 'editorApply');
		s = run(s, 'rowEdit', {type: 'field/set', text: '8080:81'}, 'fieldAccept', 'editorApply');
		s = reducer(s, {type: 'editor/conflicts', id: 'id-web', conflicts: [{message: 'taken', containerPort: '81/tcp', hostIp: '', hostPort: 8080, protocol: 'tcp', heldBy: 'db', holderRunning: true, suggestion: 8082}], error: null});
		s = run(s, 'useSuggestion');
		expect(s.editor?.rows[0]).toBe('8082:81');
		expect(s.editor?.conflicts).toBeNull();
	});

	it('asks before discarding changes, and is refused under --read-only', () => {
		let s = run(editorOnWeb(), 'rowDelete', 'editorCancel');
		expect(s.editor?.stage).toBe('discard');
		s = run(s, 'confirmYes');
		expect(s.screen).toBe('list');
		const ro = run({...listed(), readOnly: true}, 'editPorts', 'newContainer');
		expect(ro.screen).toBe('list');
	});
});

describe('new-container form reducer', () => {
	it('refuses Create without an image or with a taken name, then queues the create', () => {
		let s = run(listed(), 'newContainer', 'editorApply');
		expect(s.form?.error).toBe('image: pick a local image (i) or type one (Enter)');
		s = run(s, {type: 'form/image', image: 'busybox'}, 'down', 'rowEdit', {type: 'field/set', text: 'db'}, 'fieldAccept', 'editorApply');
		expect(s.form?.error).toContain('Conflict. The container name "/db" is already in use');
		s = run(s, 'rowEdit', {type: 'field/set', text: 'db2'}, 'fieldAccept', 'editorApply');
		expect(s.form?.stage).toBe('creating');
		expect(s.effects.filter((e) => e.kind === 'createContainer')).toHaveLength(1);
		s = reducer(s, {type: 'form/done', id: null, name: 'db2', error: 'port is already allocated'});
		expect(s.form?.stage).toBe('edit');
		expect(s.form?.error).toBe('port is already allocated');
		s = run(s, 'editorApply');
		s = reducer(s, {type: 'form/done', id: 'id-db2', name: 'db2', error: null});
		expect(s.screen).toBe('list');
		expect(s.notice?.text).toBe('created db2: id-db2');
	});
});

describe('the review of a port change (issue 11, item 6)', () => {
	/** web, run with -P: 5000 and 6000 exposed, each on a random host port (both families). */
	function publishedAll(): State {
		const s = run(listed(), 'editPorts');
		const d = detailsOf(summary('web'), {
			publishAllPorts: true,
			exposedPorts: ['5000/tcp', '6000/tcp'],
			ports: {
				'5000/tcp': [{hostIp: '0.0.0.0', hostPort: '32768'}, {hostIp: '::', hostPort: '32768'}],
				'6000/tcp': [{hostIp: '0.0.0.0', hostPort: '32769'}, {hostIp: '::', hostPort: '32769'}],
			},
		});
		return reducer(s, {type: 'editor/loaded', id: 'id-web', details: d, fingerprint: 'reviewed'});
	}

	it('shows the -P bindings an explicit -p replaces, and the random ports that are drawn again', () => {
		const s = run(publishedAll(), 'rowAdd', {type: 'field/set', text: '127.0.0.1:8080:5000'}, 'fieldAccept');
		expect(changeLines(s.editor!)).toEqual([
			'- 5000/tcp -> 0.0.0.0:32768',
			'- 5000/tcp -> [::]:32768',
			'~ 6000/tcp -> 0.0.0.0:32769 (random port: a new one is drawn)',
			'~ 6000/tcp -> [::]:32769 (random port: a new one is drawn)',
			'+ 5000/tcp -> 127.0.0.1:8080',
			'  -P (every exposed port on a random host port)',
		]);
	});

	it('says docker create, with the networks and aliases, for a container that is not running', () => {
		const s = run(listed(), 'toggleAll', 'top', 'editPorts');
		const d = detailsOf(summary('db', {state: 'exited'}), {
			networks: [
				{name: 'app-net', ipAddress: '', aliases: ['database']},
				{name: 'bridge', ipAddress: '', aliases: []},
			],
		});
		const loaded = reducer(s, {type: 'editor/loaded', id: 'id-db', details: d, fingerprint: 'reviewed'});
		expect(editorRunLine(loaded.editor!)).toBe('docker create --name db --network app-net --network-alias database dnet/webapp');
	});
});

describe('one conflict rule in the review (issue 11, item 7)', () => {
	const note = (holderRunning: boolean) => ({
		message: holderRunning ? '0.0.0.0:8000/tcp is already published by container db' : '0.0.0.0:8000/tcp is also asked for by old-web (stopped): it could not start while this runs',
		containerPort: '80/tcp',
		hostIp: '',
		hostPort: 8000,
		protocol: 'tcp',
		heldBy: holderRunning ? 'db' : 'old-web',
		holderRunning,
		suggestion: holderRunning ? 8001 : null,
	});
	const reviewed = (holderRunning: boolean): State => {
		const s = run(editorOnWeb(), 'rowEdit', {type: 'field/set', text: '8000:80'}, 'fieldAccept', 'editorApply');
		return reducer(s, {type: 'editor/conflicts', id: 'id-web', conflicts: [note(holderRunning)], error: null});
	};

	it('applies over a port a stopped container asks for (a warning)', () => {
		const s = run(reviewed(false), 'confirmYes');
		expect(s.editor?.stage).toBe('applying');
		expect(s.recreates).toHaveLength(1);
	});

	it('refuses a port held now, and says how to go on', () => {
		const s = run(reviewed(true), 'confirmYes');
		expect(s.editor?.stage).toBe('review');
		expect(s.recreates).toEqual([]);
		expect(s.notice).toEqual({tone: 'error', text: 'a host port is taken: u uses the free ports, n goes back to the rows'});
	});
});
