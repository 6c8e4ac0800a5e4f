/**
 * Docker-compatible port specs: parse `-p`/`--expose`/`-P` as the docker CLI 28 does, and format
 * ports as `docker ps` and `docker port` print them.
 */
export {PortSpecError} from './errors.js';
export {formatPortsColumn} from './format-ps.js';
export {formatPortList, formatPortLookup, naturalLess} from './format-port.js';
export {isGoIP, splitHostPort} from './go-net.js';
export {parseUint16} from './go-strconv.js';
export {parseExpose, parsePortRange, parsePortSpec, splitProtoPort, toStandardNotation} from './parse.js';
export type {EngineBinding, PortMapping} from './parse.js';
export {buildPortConfig} from './port-config.js';
export type {EnginePortConfig, PortFlags} from './port-config.js';
