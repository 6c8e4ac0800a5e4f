/**
 * Effects as data (ARCHITECTURE.md): a reducer that needs the engine appends a request to the
 * state's queue with `request` (`request.ts`); the store drains the queue after each dispatch and the runner
 * (`run-effects.ts`) executes each request through the operations layer, dispatching its result.
 */
import type {BackupEffect} from '../features/backup/state.js';
import type {ContextsEffect} from '../features/contexts/state.js';
import type {DoctorEffect} from '../features/doctor/state.js';
import type {ServicesEffect} from '../features/services/state.js';
import type {EditorEffect} from '../features/editor/state.js';
import type {FormEffect} from '../features/form/state.js';
import type {LifecycleEffect} from '../features/lifecycle/state.js';
import type {NetEffect} from '../features/net-ops/state.js';
import type {PortsEffect} from '../features/ports/state.js';
import type {TerminalEffect} from '../features/terminal/state.js';

/** Re-inspect the container shown in the details view. */
export type DetailsEffect = {kind: 'inspectDetails'; containerId: string};

/** Every effect a reducer can ask for. */
export type Effect = DetailsEffect | LifecycleEffect | PortsEffect | EditorEffect | FormEffect | BackupEffect | NetEffect | DoctorEffect | ContextsEffect | ServicesEffect | TerminalEffect;

/** An effect with the id its result is matched by. */
export type EffectRequest = Effect & {id: number};
