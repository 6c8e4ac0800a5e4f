/** `n`: a new container, as `docker run -d`: image, name, command, ports, -P, --rm, links; Create. */
import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import React from 'react';
import {renderDockerRun} from '../../model/run-spec.js';
import {sanitize} from '../../model/sanitize.js';
import type {FormItem, FormState} from '../../store/editor-state.js';
import {formItems, formRunSpec, nameProblem} from '../../store/form-spec.js';
import {listHeight} from '../../store/selectors.js';
import type {State} from '../../store/state.js';
import {FieldEditor, portRowText} from '../components/port-rows.js';
import {useStore} from '../store-context.js';
import {fit, useTheme} from '../theme.js';

const LABEL = 10;
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
		case 'link': {
			const link = form.links.find((l) => l.source === item.source);
			return `${label('Link')}${box(link !== undefined)} ${sanitize(item.source)}${link ? ` as ${sanitize(link.alias)}` : ''}`;
		}
		case 'create':
			return form.stage === 'creating' ? '[ Creating… ]' : '[ Create ]';
	}
}

function Picker({form, height}: {form: FormState; height: number}) {
	const store = useStore();
	const items = (form.images ?? []).map((i) => ({label: sanitize(i), value: i}));
	return (
		<Box flexDirection="column">
			<Text bold>Local images (Enter picks, Esc closes)</Text>
			<SelectInput items={items} limit={Math.max(3, height - 3)} isFocused onSelect={(item) => store.dispatch({type: 'form/image', image: item.value})} />
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
	if (form.picking) {
		return (
			<Box flexDirection="column" height={height}>
				<Text bold color={theme.tone.accent}>New container</Text>
				<Picker form={form} height={height - 1} />
			</Box>
		);
	}
	const items = formItems(form, state.containers);
	const nameError = nameProblem(form.name, state.containers);
	const fieldLines = state.field ? 2 : 0;
	const room = Math.max(1, height - 4 - fieldLines - (nameError ? 1 : 0));
	const top = Math.max(0, Math.min(form.cursor - room + 1, items.length - room));
	const label = state.field?.target.kind === 'alias' ? 'alias' : (state.field?.target.kind ?? '');
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.tone.accent}>New container (docker run -d)</Text>
			{items.slice(top, top + room).map((item, k) => {
				const i = top + k;
				const selected = i === form.cursor;
				return (
					<React.Fragment key={i}>
						<Text inverse={selected && !state.field} bold={item.kind === 'create'} wrap="truncate">
							{`${selected ? theme.glyphs.cursor : ' '} ${itemText(item, form, e, item.kind === 'port' && state.field?.target.kind === 'port' && state.field.target.index === item.index ? state.field.text : undefined)}`}
						</Text>
						{item.kind === 'name' && nameError ? <Text color={theme.tone.error} wrap="truncate">{`  ${fit('', LABEL, '')}${sanitize(nameError)}`}</Text> : null}
					</React.Fragment>
				);
			})}
			{state.field ? <FieldEditor field={state.field} label={label} width={width} /> : null}
			<Text wrap="truncate" dimColor={theme.tone.dim}>{`  ${sanitize(renderDockerRun({...formRunSpec(form), image: form.image.trim() || 'IMAGE'}))}`}</Text>
			{form.error ? <Text color={theme.tone.error} wrap="truncate">{`  ${sanitize(form.error)}`}</Text> : null}
			{form.stage === 'discard' ? <Text color={theme.tone.warn} bold>Discard this new container? y discard  n keep editing</Text> : null}
		</Box>
	);
}
