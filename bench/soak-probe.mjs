// The soak's probe (bench/soak.mjs; README, "Reliability"), preloaded into the dnet it watches:
//   node --import ./bench/soak-probe.mjs dist/cli.js      (DNET_SOAK_PROBE=<file> says where to write)
// It counts the live listeners of every EventEmitter and EventTarget that was ever given one (each
// kept by a WeakRef, so the probe keeps nothing alive) and the process's active resources
// (`process.getActiveResourcesInfo()`: sockets, timers, handles), and writes them to the file as
// JSON when it gets SIGUSR2. It collects garbage first (a full GC), so that an emitter dropped but
// not yet collected (a finished request's socket) is not counted as live. No timer of its own: an
// idle dnet stays idle. No product code changes.
import {EventEmitter, getEventListeners} from 'node:events';
import {writeFileSync} from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

const out = process.env.DNET_SOAK_PROBE;
if (out) {
	/** Emitters and targets given a listener, and (for targets) the event types they were given. */
	const seen = new WeakSet();
	const refs = new Set();
	const targetTypes = new WeakMap();
	const remember = (obj) => {
		if (seen.has(obj)) return;
		seen.add(obj);
		refs.add(new WeakRef(obj));
	};

	const proto = EventEmitter.prototype;
	for (const method of ['addListener', 'prependListener']) {
		const original = proto[method];
		proto[method] = function (...args) {
			remember(this);
			return original.apply(this, args);
		};
	}
	proto.on = proto.addListener;

	if (typeof EventTarget === 'function') {
		const add = EventTarget.prototype.addEventListener;
		EventTarget.prototype.addEventListener = function (type, ...rest) {
			remember(this);
			let types = targetTypes.get(this);
			if (!types) targetTypes.set(this, (types = new Set()));
			types.add(String(type));
			return add.call(this, type, ...rest);
		};
	}

	/** Live listeners now, over every emitter and target still alive. */
	const count = () => {
		let listeners = 0;
		let emitters = 0;
		for (const ref of refs) {
			const obj = ref.deref();
			if (obj === undefined) {
				refs.delete(ref);
				continue;
			}
			let mine = 0;
			if (obj instanceof EventEmitter) {
				for (const name of obj.eventNames()) mine += obj.listenerCount(name);
			} else {
				for (const type of targetTypes.get(obj) ?? []) mine += getEventListeners(obj, type).length;
			}
			if (mine > 0) emitters += 1;
			listeners += mine;
		}
		return {listeners, emitters};
	};

	/** A full garbage collection, asked for only when a sample is taken. */
	let gc = null;
	const collect = () => {
		if (gc === null) {
			v8.setFlagsFromString('--expose-gc');
			gc = vm.runInNewContext('gc');
		}
		gc();
	};

	let seq = 0;
	process.on('SIGUSR2', () => {
		collect();
		const resources = {};
		for (const kind of process.getActiveResourcesInfo()) resources[kind] = (resources[kind] ?? 0) + 1;
		const handles = Object.values(resources).reduce((a, n) => a + n, 0);
		seq += 1;
		writeFileSync(out, JSON.stringify({seq, ...count(), handles, resources}));
	});
}
