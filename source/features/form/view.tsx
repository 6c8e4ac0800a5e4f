/** `n`: a new container, as `docker run -d`: image, name, command, ports, -P, --rm, networking, links; Create. */
import {Box, Text} from 'ink';
import React from 'react';
import {listHeight} from '../../app/layout.js';
import type {State} from '../../app/state.js';
import {ChoiceList} from '../../app/view/choice-list.js';
import {fit, useTheme} from '../../app/view/theme.js';
import {renderDockerRun} from '../../model/run-spec.js';
import {sanitize} from '../../model/sanitize.js';
import {wrapText} from '../../model/wrap.js';
import {FieldEditor, portRowText} from '../editor/port-rows.js';
import {NET_ITEMS} from './net.js';
import {formItems, formRunSpec, nameProblem} from './spec.js';
import type {FormItem, FormState} from './state.js';

const LABEL = 10;
const FORM_FIELDS: ReadonlySet<string> = new Set(['image', 'name', 'command', 'port', 'alias', 'formNet']);
const box = (on: boolean): string => (on ? '[x]' : '[ ]');

/** The text of one form item. */
export function itemText(item: FormItem, form: FormState, ellipsis: string, draft?: string): string {
	const label = (l: string): string => fit(l, LABEL, '');
	switch (item.kind) {
		case 'image':
			return `${label('Image')}${form.image === '' ? '(Enter types one, i picks a local image)' : sanitize(form.image)}`;
		case 'name':
			return `${label('Name')}${form.name === '' ? '(engine picks one)' : sanitize(form.name)}`;
		case 'command':
			return `${label('Command')}${form.command === '' ? "(the image's default)" : sanitize(form.command)}`;
		case 'port':
			return `${label(item.index === 0 ? 'Ports' : '')}${portRowText(draft ?? form.rows[item.index] ?? '', ellipsis)}`;
		case 'publishAll':
			return `${label(form.rows.length === 0 ? 'Ports' : '')}${box(form.publishAll)} -P publish every exposed port  (a adds a -p mapping)`;
		case 'autoRemove':
			return `${label('')}${box(form.autoRemove)} --rm remove the container when it stops`;
		case 'net': {
			const {label: l, flag, empty} = NET_ITEMS[item.key];
			const text = draft ?? form.net[item.key];
			return `${label(l)}${text === '' ? `${empty}  ${flag}` : sanitize(text)}`;
		}
		case 'link': {
			const link = form.links.find((l) => l.source === item.source);
			return `${label('Link')}${box(link !== undefined)} ${sanitize(item.source)}${link ? ` as ${sanitize(link.alias)}` : ''}`;
		}
		case 'create':
			return form.stage === 'creating' ? '[ Creating… ]' : '[ Create ]';
	}
}

/** The text being typed into this item, if its field is open. */
function draftOf(item: FormItem, field: State['field']): string | undefined {
	if (item.kind === 'port' && field?.target.kind === 'port' && field.target.index === item.index) return field.text;
	if (item.kind === 'net' && field?.target.kind === 'formNet' && field.target.key === item.key) return field.text;
	return undefined;
}

function Picker({form, height}: {form: FormState; height: number}) {
	const items = (form.images ?? []).map((i) => ({label: sanitize(i), value: i}));
	return (
		<Box flexDirection="column">
			<Text bold>Local images (Enter picks, Esc closes)</Text>
			<ChoiceList items={items} cursor={form.picking ?? 0} height={Math.max(3, height - 3)} />
		</Box>
	);
}

export function NewContainerScreen({state}: {state: State}) {
	const theme = useTheme();
	const form = state.form;
	const width = state.size.columns;
	const height = listHeight(state) + 1;
	if (!form) return null;
	const e = theme.glyphs.ellipsis;
	if (form.picking !== null) {
		return (
			<Box flexDirection="column" height={height}>
				<Text bold color={theme.tone.accent}>New container</Text>
				<Picker form={form} height={height - 1} />
			</Box>
		);
	}
	const items = formItems(form, state.containers);
	const nameError = nameProblem(form.name, state.containers);
	// The form's own fields; the command line (`:`) has the bottom line.
	const field = state.field && FORM_FIELDS.has(state.field.target.kind) ? state.field : null;
	const fieldLines = field ? 2 : 0;
	// The engine's answer is never cut: it wraps, and the items scroll to make room.
	const errorLines = form.error ? wrapText(sanitize(form.error), Math.max(10, width - 2)) : [];
	// The docker run line wraps too: every flag stays visible.
	const previewLines = wrapText(sanitize(renderDockerRun({...formRunSpec(form), image: form.image.trim() || 'IMAGE'})), Math.max(10, width - 2));
	const room = Math.max(1, height - 2 - previewLines.length - fieldLines - (nameError ? 1 : 0) - errorLines.length);
	const top = Math.max(0, Math.min(form.cursor - room + 1, items.length - room));
	const label = field?.target.kind ?? '';
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent}>New container (docker run -d)</Text>
			{items.slice(top, top + room).map((item, k) => {
				const i = top + k;
				const selected = i === form.cursor;
				return (
					<React.Fragment key={i}>
						<Text inverse={selected && !field} bold={item.kind === 'create'} wrap="truncate">
							{`${selected ? theme.glyphs.cursor : ' '} ${itemText(item, form, e, draftOf(item, field))}`}
						</Text>
						{item.kind === 'name' && nameError ? <Text color={theme.tone.error} wrap="truncate">{`  ${fit('', LABEL, '')}${sanitize(nameError)}`}</Text> : null}
					</React.Fragment>
				);
			})}
			{field ? <FieldEditor state={state} field={field} label={label} width={width} /> : null}
			{previewLines.map((line, i) => (
				<Text key={`p${i}`} wrap="truncate" dimColor={theme.tone.dim}>{`  ${line}`}</Text>
			))}
			{errorLines.map((line, i) => (
				<Text key={`e${i}`} color={theme.tone.error}>{`  ${line}`}</Text>
			))}
			{form.stage === 'discard' ? <Text color={theme.tone.warn} bold>{`Discard this new container${form.discardThen === 'quit' ? ' and quit' : ''}? y discard  n keep editing`}</Text> : null}
		</Box>
	);
}
