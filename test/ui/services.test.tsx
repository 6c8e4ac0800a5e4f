/**
 * Swarm services in the TUI on the fake engine (issue 15): `w` lists them as docker service ls
 * does, Enter shows ports, tasks per node and VIPs, `p` edits the published ports (the CLI's words
 * for a bad spec, the review with old -> new and the service update line, a conflict with the next
 * free port), a failed update's reason; the ports view and the container editor know service ports;
 * a non-manager engine says so in one line; service events reload the view.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {EngineError} from '../../source/engine/engine.js';
import {FakeEngine, MANAGER, detailsOf, network, service, summary} from '../support/fake-engine.js';
import {waitFor} from '../support/wait-for.js';
import {KEY, renderApp, type Rendered} from './render-app.js';

let app: Rendered | null = null;
afterEach(() => {
	app?.unmount();
	app = null;
});

const ing = (publishedPort: number, targetPort: number) => ({publishedPort, targetPort, protocol: 'tcp' as const, publishMode: 'ingress' as const});

function swarmEngine(): FakeEngine {
	const engine = new FakeEngine([summary('db', {ports: [{ip: '0.0.0.0', privatePort: 5432, publicPort: 5432, type: 'tcp'}]})]);
	engine.swarm = {...MANAGER};
	engine.nodes = [
		{id: 'node-1', hostname: 'n1', addr: '10.0.0.11', role: 'manager', availability: 'active', state: 'ready', leader: true},
		{id: 'node-2', hostname: 'n2', addr: '10.0.0.12', role: 'worker', availability: 'active', state: 'ready', leader: false},
	];
	engine.networks.push(network('ingress', {id: 'net-ingress', driver: 'overlay', scope: 'swarm'}), network('backend', {id: 'net-backend', driver: 'overlay', scope: 'swarm'}));
	engine.services = [
		service('web', {
			replicas: 2,
			running: 2,
			desired: 2,
			specPorts: [ing(8080, 80), ing(8081, 81)],
			ports: [ing(8080, 80), ing(8081, 81)],
			vips: [{networkId: 'net-ingress', addr: '10.0.0.5/24'}, {networkId: 'net-backend', addr: '10.0.1.2/24'}],
		}),
		service('agent', {mode: 'global', replicas: null, running: 2, desired: 2, specPorts: [{publishedPort: 9100, targetPort: 9100, protocol: 'tcp', publishMode: 'host'}]}),
	];
	const task = (id: string, serviceId: string, slot: number, nodeId: string, hostPorts = [] as ReturnType<typeof ing>[]) => ({
		id, serviceId, slot, nodeId, desiredState: 'running', state: 'running', message: 'started', error: '', containerId: '', hostPorts, timestamp: '',
	});
	engine.tasks = [
		task('t1', 'svc-web', 1, 'node-1'),
		task('t2', 'svc-web', 2, 'node-2'),
		task('t3', 'svc-agent', 0, 'node-1', [{publishedPort: 9100, targetPort: 9100, protocol: 'tcp', publishMode: 'host'} as never]),
		task('t4', 'svc-agent', 0, 'node-2', [{publishedPort: 9100, targetPort: 9100, protocol: 'tcp', publishMode: 'host'} as never]),
	];
	return engine;
}

describe('the services view', () => {
	it('w lists the services as docker service ls; Enter shows ports, tasks per node and VIPs; Esc goes back', async () => {
		app = renderApp(swarmEngine(), {columns: 140, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('w');
		await waitFor(() => expect(app!.frame()).toMatch(/web\s+replicated\s+2\/2\s+dnet\/webapp:latest\s+\*:8080-8081->80-81\/tcp/));
		expect(app.frame()).toMatch(/agent\s+global\s+2\/2/);
		app.press('j');
		app.press('k');
		app.press('j');
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('TASKS (2)'));
		const frame = app.frame();
		expect(frame).toMatch(/8080\s+80\s+tcp\s+ingress: every node/);
		expect(frame).toMatch(/web\.1\s+node n1 10\.0\.0\.11\s+running/);
		expect(frame).toMatch(/web\.2\s+node n2 10\.0\.0\.12\s+running/);
		expect(frame).toMatch(/backend\s+VIP 10\.0\.1\.2\/24\s+DNS web -> 10\.0\.1\.2; tasks\.web -> each task/);
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).toContain('REPLICAS'));
		app.press(KEY.esc);
		await waitFor(() => expect(app!.frame()).not.toContain('REPLICAS'));
	});

	it('a host-mode service shows its host ports at each node address', async () => {
		app = renderApp(swarmEngine(), {columns: 160, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press(':services');
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('agent'));
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toContain('TASKS (2)'));
		expect(app.frame()).toContain('host ports 10.0.0.11:9100->9100/tcp');
		expect(app.frame()).toContain('host ports 10.0.0.12:9100->9100/tcp');
	});

	it('on an engine that is not a swarm manager, one line says so and how to become one', async () => {
		app = renderApp(new FakeEngine([summary('db')]), {columns: 140, rows: 20});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('This engine is not a swarm manager: docker swarm init makes it one (or docker swarm join to join a swarm).'));
		expect(app.engine.calls).not.toContain('services');
	});

	it('a service event reloads the view', async () => {
		const engine = swarmEngine();
		app = renderApp(engine, {columns: 140, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('agent'));
		engine.services.push(service('cache', {ports: [ing(6379, 6379)], specPorts: [ing(6379, 6379)]}));
		engine.emit({type: 'service', action: 'create', id: 'svc-cache', attributes: {name: 'cache'}});
		await waitFor(() => expect(app!.frame()).toMatch(/cache\s+replicated\s+1\/1\s+dnet\/webapp:latest\s+\*:6379->6379\/tcp/));
	});
});

describe('the service port editor', () => {
	it('p edits in --publish syntax: the CLI words for a bad row; review shows old -> new and the update line; y updates', async () => {
		const engine = swarmEngine();
		app = renderApp(engine, {columns: 160, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('agent'));
		app.press('j');
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('Published ports of service web'));
		expect(app.frame()).toMatch(/8080:80\s+8080\s+80\s+tcp\s+ingress/);
		app.press('j');
		app.press(KEY.enter);
		app.press('\u0015');
		app.press('published=9090,target=81,mode=hots');
		await waitFor(() => expect(app!.frame()).toContain("invalid publish mode value (hots): must be either 'ingress' or 'host'"));
		app.press('\u0015');
		app.press('published=9090,target=81,protocol=udp,mode=host');
		app.press(KEY.enter);
		await waitFor(() => expect(app!.frame()).toMatch(/9090\s+81\s+udp\s+host/));
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('host ports: no conflict'));
		const review = app.frame();
		expect(review).toContain('- published=8081,target=81');
		expect(review).toContain('+ published=9090,target=81,protocol=udp,mode=host');
		expect(review).toContain('docker service update --publish-rm 81 --publish-add published=9090,target=81,protocol=udp,mode=host web');
		expect(engine.done).toEqual([]);
		app.press('y');
		await waitFor(() => expect(app!.frame()).toContain('web updated: its ports are in place'));
		expect(engine.done).toEqual(['service update web 8080:80/tcp/ingress 9090:81/udp/host']);
	});

	it('a port a container or another service holds is a conflict with the next free port; u takes it', async () => {
		const engine = swarmEngine();
		app = renderApp(engine, {columns: 160, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('agent'));
		app.press('j');
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('Published ports of service web'));
		app.press('a');
		app.press('5432:5432');
		app.press(KEY.enter);
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('CONFLICT: 0.0.0.0:5432/tcp is already published by container db; next free port: 5433 (u uses it)'));
		app.press('y');
		await waitFor(() => expect(app!.frame()).toContain('a host port is taken'));
		expect(engine.done).toEqual([]);
		app.press('u');
		await waitFor(() => expect(app!.frame()).toContain('+ published=5433,target=5432'));
		await waitFor(() => expect(app!.frame()).toContain('host ports: no conflict'));
	});

	it('a failed update shows the reason; the rows are kept', async () => {
		const engine = swarmEngine();
		engine.serviceUpdateError = new EngineError('server', 'rpc error: code = InvalidArgument desc = port 8080 is already in use', undefined, 400);
		app = renderApp(engine, {columns: 160, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('agent'));
		app.press('j');
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('Published ports of service web'));
		app.press('x');
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('host ports: no conflict'));
		app.press('y');
		await waitFor(() => expect(app!.frame()).toContain('cannot update web: rpc error: code = InvalidArgument desc = port 8080 is already in use'));
		expect(app.frame()).toMatch(/8081:81\s+8081\s+81/);
	});
});

describe('service ports elsewhere', () => {
	it('the ports view lists ingress ports on every node and host-mode ports of other nodes; a container on a mesh port is flagged', async () => {
		const engine = swarmEngine();
		engine.containers.push(summary('clash', {ports: [{ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp'}]}));
		app = renderApp(engine, {columns: 170, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('clash'));
		app.press('P');
		await waitFor(() => expect(app!.frame()).toContain('web (service, ingress)'));
		const frame = app.frame();
		expect(frame).toMatch(/0\.0\.0\.0\s+8080\s+80\/tcp\s+clash\s+running\s+CONFLICT with web \(service, ingress\)/);
		expect(frame).toMatch(/10\.0\.0\.12\s+9100\s+9100\/tcp\s+agent \(service, n2\)/);
		expect(frame).not.toMatch(/10\.0\.0\.11\s+9100/);
	});

	it('the container port editor flags a port the routing mesh holds, with the next free port', async () => {
		const engine = swarmEngine();
		const web = summary('app');
		engine.containers.push(web);
		engine.details.set(web.id, detailsOf(web));
		app = renderApp(engine, {columns: 160, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('app'));
		app.press('p');
		await waitFor(() => expect(app!.frame()).toContain('Ports of app'));
		app.press('a');
		app.press('8080:5000');
		app.press(KEY.enter);
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('CONFLICT: 0.0.0.0:8080/tcp is already published by service web (ingress, every node); next free port: 8082 (u uses it)'));
	});

	it('the networks view names the services on each overlay network with their VIP and DNS name', async () => {
		app = renderApp(swarmEngine(), {columns: 200, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('N');
		await waitFor(() => expect(app!.frame()).toContain('services: web 10.0.1.2 (DNS web, tasks.web)'));
		expect(app.frame()).toMatch(/backend\s+overlay.*services: web 10\.0\.1\.2/);
	});

	it('the new-container form creates nothing over a port the routing mesh holds, and names the service', async () => {
		const engine = swarmEngine();
		app = renderApp(engine, {columns: 140, rows: 30});
		await waitFor(() => expect(app!.frame()).toContain('db'));
		app.press('n');
		await waitFor(() => expect(app!.frame()).toContain('New container'));
		app.press('\rdnet/webapp\rjjj');
		app.press('a8081:5000\r');
		await waitFor(() => expect(app!.frame()).toContain('-p 8081:5000'));
		app.press('w');
		await waitFor(() => expect(app!.frame()).toContain('is already published by service web (ingress, every node)'));
		expect(app.store.getState().form?.error ?? '').toMatch(/^cannot create .*\(nothing was created\): .* is already published by service web \(ingress, every node\): \d+ is free$/);
		expect(engine.created).toEqual([]);
	});
});
