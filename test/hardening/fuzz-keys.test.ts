/**
 * Random key sequences against the TUI's store on the fake engine (README, "Reliability"): 10,000
 * keys (fast-check, seeded, bounded by count and time) drawn from every bound key, text and
 * control keys, through every mode. No crash; never a state where no key works (every mode reached
 * has a key other than quit); the mode model's invariants hold after every key.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createAppStore} from '../../source/app/app-store.js';
import {MODE_IDS, type KeyName, type ModeId} from '../../source/app/input/commands.js';
import {KEYMAP, resolveKey} from '../../source/app/input/keymap.js';
import {isScreenMode, mode, scopesOf, takesText} from '../../source/app/input/mode.js';
import type {State} from '../../source/app/state.js';
import {FakeEngine, network, summary} from '../support/fake-engine.js';

const SEQUENCES = 10;
const KEYS_PER_SEQUENCE = 1000;

const bound = [...new Set(KEYMAP.flatMap((b) => b.keys))];
const extra: KeyName[] = ['esc', 'enter', 'backspace', 'delete', 'left', 'right', 'up', 'down', 'tab', 'home', 'end', 'a', 'z', '1', ':', '/', ' ', 'é'] as KeyName[];
const alphabet = [...new Set([...bound, ...extra])] as KeyName[];

function engine(): FakeEngine {
	const e = new FakeEngine([
		summary('web', {ports: [{ip: '127.0.0.1', privatePort: 5000, publicPort: 8080, type: 'tcp'}], links: [{source: 'db', alias: 'db'}]}),
		summary('db'),
		summary('old', {state: 'exited', status: 'Exited (0) 1 minute ago'}),
	]);
	e.networks.push(network('appnet'));
	e.images = [{id: `sha256:${'a'.repeat(64)}`, tags: ['dnet/webapp:latest'], created: 1, size: 1}];
	return e;
}

/** What must hold in every state the keys lead to. */
function checkInvariants(s: State, m: ModeId, engineIds: string[]): void {
	expect(MODE_IDS).toContain(m);
	// Some key other than quit works in the mode; `busy` (a change running) ends by itself, checked below.
	const scopes = scopesOf(m);
	expect(KEYMAP.some((b) => scopes.includes(b.scope) && b.id !== 'quit') || takesText(m) || m === 'busy', `no key works in ${m}`).toBe(true);
	if (m === 'confirm') expect(s.confirm).not.toBeNull();
	if (takesText(m)) expect(s.field).not.toBeNull();
	if (isScreenMode(m)) {
		expect(s.screen).toBe(m);
		expect(s.field).toBeNull();
		expect(s.confirm).toBeNull();
	}
	// The cursor is on a container the list or the engine has (a container just made may be selected before its row comes).
	if (s.selectedId !== null) expect([...s.containers.map((c) => c.id), ...engineIds]).toContain(s.selectedId);
}

describe('10,000 random keys against the TUI', () => {
	it('no crash, a working key in every state, the mode invariants', async () => {
		const seen = new Set<ModeId>();
		let keys = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(fc.constantFrom(...alphabet), {minLength: KEYS_PER_SEQUENCE, maxLength: KEYS_PER_SEQUENCE}), async (sequence) => {
				const fake = engine();
				const store = createAppStore(fake, {columns: 120, rows: 30});
				try {
					for (const [i, key] of sequence.entries()) {
						const before = store.getState();
						const m = mode(before);
						// Quit ends the session: skip it, the rest of the sequence goes on.
						if (!takesText(m) && resolveKey(key, scopesOf(m))?.id === 'quit') continue;
						store.dispatch({type: 'keys', keys: [key]});
						keys += 1;
						const after = store.getState();
						seen.add(mode(after));
						checkInvariants(after, mode(after), fake.containers.map((c) => c.id));
						// Let the fake engine's answers arrive now and then.
						if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
					}
					// A change under way ends: the keyboard comes back.
					for (let i = 0; i < 200 && mode(store.getState()) === 'busy'; i++) await new Promise((resolve) => setTimeout(resolve, 5));
					expect(mode(store.getState())).not.toBe('busy');
				} finally {
					store.stop();
				}
				return true;
			}),
			{seed: 17, numRuns: SEQUENCES, interruptAfterTimeLimit: 40_000, markInterruptAsFailure: false, endOnFailure: true},
		);
		expect(keys).toBeGreaterThan(5000);
		// The walk reaches far: most of the modes.
		expect(seen.size).toBeGreaterThan(12);
	}, 60_000);
});
