/**
 * `y` copies the one thing the screen is about (the container's name, a binding's address, the
 * `docker run` line) through the terminal (OSC 52, written by the effects runner); the footer says
 * what was copied. Ctrl+Z asks the runner to suspend. (ARCHITECTURE.md, "The terminal")
 */
import type {HandlerTable} from '../../app/handlers.js';
import {request} from '../../app/request.js';
import type {State} from '../../app/state.js';
import {subjectOf} from '../details/subject.js';
import {editorRunLine} from '../editor/review.js';
import {selectedContainer} from '../list/selectors.js';
import {selectedBinding} from '../ports/reducer.js';
import {reachable} from '../../model/ports/web-address.js';
import {SUSPEND_OVER} from './keys.js';

function copy(state: State, text: string | undefined, what: string): State {
	if (text === undefined || text === '') return {...state, notice: {tone: 'info', text: `nothing to copy here`}};
	return request({...state, notice: {tone: 'info', text: `copied ${what}: ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`}}, {kind: 'copy', text});
}

const copyName = (state: State): State => copy(state, selectedContainer(state)?.name, 'the name');

function copyDetails(state: State): State {
	const s = subjectOf(state);
	if (!s || !('container' in s)) return copy(state, undefined, '');
	const port = s.container.ports.find((p) => p.publicPort !== undefined);
	return port?.publicPort !== undefined ? copy(state, reachable(port.ip ?? '', port.publicPort), 'the address') : copy(state, s.container.name, 'the name');
}

function copyBinding(state: State): State {
	const b = selectedBinding(state);
	return copy(state, b?.hostPort ? reachable(b.hostIp, b.hostPort) : undefined, 'the address');
}

const copyRunLine = (state: State): State => copy(state, state.editor ? editorRunLine(state.editor) : undefined, 'the docker run line');

const suspend = (state: State): State => request(state, {kind: 'suspend'});

export const handlers: HandlerTable = {
	global: {suspend},
	...Object.fromEntries(SUSPEND_OVER.map((scope) => [scope, {suspend}])),
	list: {copy: copyName},
	details: {copy: copyDetails},
	ports: {copy: copyBinding},
	review: {copy: copyRunLine, suspend},
};
