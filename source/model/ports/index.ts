/**
 * Docker-compatible port specs: parse `-p`/`--expose`/`-P` as the docker CLI 28 does, and format
 * ports as `docker ps` and `docker port` print them.
 */
export {formatPortsColumn} from './format-ps.js';
export {joinHostPort} from './net.js';
