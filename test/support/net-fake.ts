/** The shared fake engine under the name the network tests know it by (one class: `FakeEngine`). */
export {FakeEngine as NetFake, network} from './fake-engine.js';
