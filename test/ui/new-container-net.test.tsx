/**
 * The new-container form's networking items (-h, --network, --network-alias, --ip, --ip6, --dns,
 * --add-host): each checked as typed with docker's words, the combination checked before Create,
 * the docker run line and the create body as dnet run's (fake engine; the bodies are compared with
 * the docker CLI's in test/compat/run-network.test.ts).
 */
import {afterEach, describe, expect, it} from 'vitest';
import {summary} from '../support/fake-engine.js';
import {RecreateFake} from '../support/recreate-fake.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';
import type {NetKey} from '../../source/features/form/net.js';
import {formItems} from '../../source/features/form/spec.js';
import type {FormState} from '../../source/features/form/state.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

/** Moves the cursor (j/k) onto the networking item `key`, opens it, types `text`. */
async function fill(r: Rendered, key: NetKey, text: string): Promise<void> {
	const state = () => r.store.getState();
	const target = formItems(state().form as FormState, state().containers).findIndex((i) => i.kind === 'net' && i.key === key);
	while ((state().form?.cursor ?? 0) !== target) {
		const before = state().form?.cursor;
		r.press((before ?? 0) < target ? 'j' : 'k');
		await waitFor(() => expect(state().form?.cursor).not.toBe(before));
	}
	r.press(KEY.enter);
	await waitFor(() => expect(state().field?.target.kind).toBe('formNet'));
	r.store.dispatch({type: 'field/set', text});
}

describe('new-container form: networking', () => {
	it('checks each item with docker words, refuses a bad combination, and creates with what docker run sends', async () => {
		const e = new RecreateFake([summary('web')]);
		e.images = [{id: 'sha256:1', tags: ['dnet/webapp:latest'], created: 2, size: 1}];
		const r = renderApp(e, {columns: 100, rows: 40});
		app = r;
		await waitFor(() => expect(r.frame()).toContain('web'));
		r.press('n');
		await waitFor(() => expect(r.frame()).toContain('New container (docker run -d)'));
		expect(r.frame()).toMatch(/Network\s+\(the default bridge\)\s+--network/);
		r.press(KEY.enter);
		r.store.dispatch({type: 'field/set', text: 'dnet/webapp'});
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().field).toBeNull());

		await fill(r, 'dns', '1.2.3');
		await waitFor(() => expect(r.frame()).toContain('invalid argument "1.2.3" for "--dns" flag: IP address is not correctly formatted: 1.2.3'));
		r.press(KEY.enter);
		expect(r.store.getState().field).not.toBeNull();
		r.store.dispatch({type: 'field/set', text: '0:0::1, 10.0.0.1'});
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().field).toBeNull());

		await fill(r, 'networkAlias', 'api');
		r.press(KEY.enter);
		await waitFor(() => expect(r.store.getState().field).toBeNull());
		r.press('w');
		await waitFor(() => expect(r.frame()).toContain('network-scoped aliases are only supported for user-defined networks'));
		expect(e.created).toEqual([]);

		await fill(r, 'hostname', 'box');
		r.press(KEY.enter);
		await fill(r, 'network', 'appnet');
		r.press(KEY.enter);
		await fill(r, 'ip', '10.1.0.9');
		r.press(KEY.enter);
		await fill(r, 'addHost', 'db=[::1]');
		r.press(KEY.enter);
		// the docker run line wraps at 100 columns: every flag is there
		await waitFor(() => expect(r.frame().replace(/\n +/g, ' ')).toContain('docker run -d -h box --network appnet --network-alias api --ip 10.1.0.9 --dns ::1 --dns 10.0.0.1 --add-host db:::1 dnet/webapp'));
		r.press('w');
		await waitFor(() => expect(r.frame()).toMatch(/created fake_name_1/));
		const body = e.created[0]?.body as {Hostname: string; HostConfig: Record<string, unknown>; NetworkingConfig: {EndpointsConfig: Record<string, {Aliases: string[]; IPAMConfig: unknown}>}};
		expect(body.Hostname).toBe('box');
		expect(body.HostConfig).toMatchObject({NetworkMode: 'appnet', Dns: ['::1', '10.0.0.1'], ExtraHosts: ['db:::1']});
		expect(body.NetworkingConfig.EndpointsConfig['appnet']).toMatchObject({Aliases: ['api'], IPAMConfig: {IPv4Address: '10.1.0.9'}});
	});
});
