/** The shared fake engine under the name the recreate tests know it by (one class: `FakeEngine`). */
export {FakeEngine as RecreateFake} from './fake-engine.js';
