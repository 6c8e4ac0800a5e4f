/**
 * The recreate transaction: change what Docker cannot change in place (port bindings, links) by
 * replacing a container with one of the same whole configuration, safely (ARCHITECTURE.md, "The recreate transaction").
 */
export {applyChange, createBody, RECREATE_LABELS, specFromContainer} from './body.js';
export type {NetworkAttachment, NewContainerSpec, PortLinkPatch, RecreateChange, SpecOptions} from './body.js';
export {discardBackup, findBackups, restoreBackup} from './backups.js';
export type {RecreateBackup} from './backups.js';
export {findPortConflicts, PortConflictError} from './conflicts.js';
export type {PortConflict} from './conflicts.js';
export {asRawContainer} from './raw.js';
export type {RawContainer} from './raw.js';
export {AbandonTransaction, recreate, RecreateError, RECREATE_STEPS} from './transaction.js';
export {ChangedSinceReviewError, fingerprint} from './claim.js';
export type {RecreateOptions, RecreateResult, RecreateStep} from './transaction.js';
