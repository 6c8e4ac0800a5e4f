/** Port rows of the editor and the form: docker syntax and fields side by side, and the text field. */
import {Box, Text} from 'ink';
import {specError, specFields} from '../../model/port-rows.js';
import {sanitize} from '../../model/sanitize.js';
import {fieldProblem} from '../../app/input/fields.js';
import type {State} from '../../app/state.js';
import type {FieldState} from '../../app/input/text-field.js';
import {TextField} from '../../app/view/text-field.js';
import {fit, useTheme} from '../../app/view/theme.js';

const W = {spec: 28, ip: 16, host: 11, port: 11};

/** The header line of the port rows. */
export function portHeader(): string {
	return `${fit('DOCKER SYNTAX (-p)', W.spec, '')}  ${fit('HOST IP', W.ip, '')}  ${fit('HOST PORT', W.host, '')}  ${fit('CONTAINER', W.port, '')}  PROTO`;
}

/** One row as text: the spec, then its fields (or the CLI's message when invalid). */
export function portRowText(spec: string, ellipsis: string): string {
	const f = specFields(spec);
	const head = fit(sanitize(spec), W.spec, ellipsis);
	if (!f) return `${head}  ${specError(spec) ?? ''}`;
	return `${head}  ${fit(f.hostIp === '' ? '0.0.0.0 (all)' : f.hostIp, W.ip, ellipsis)}  ${fit(f.hostPort === '' ? 'random' : f.hostPort, W.host, ellipsis)}  ${fit(f.containerPort, W.port, ellipsis)}  ${f.protocol}`;
}

/** The open text field and, under it, the docker CLI's message for what is typed. */
export function FieldEditor({state, field, label, width}: {state: State; field: FieldState; label: string; width: number}) {
	const theme = useTheme();
	const problem = fieldProblem(state, field);
	const f = field.target.kind === 'port' && problem === null && field.text.trim() !== '' ? specFields(field.text.trim()) : null;
	return (
		<Box flexDirection="column" width={width}>
			<TextField
				prompt={`${label}> `}
				scope="field"
				placeholder={
					field.target.kind === 'port'
						? '[ip:][host_port:]container_port[/proto], e.g. 127.0.0.1:8080:5000'
						: field.target.kind === 'servicePort'
							? 'published=8080,target=80[,protocol=udp][,mode=host] or 8080:80[/udp]'
							: ''
				}
				field={field}
				width={width}
			/>
			{problem ? (
				<Text color={theme.tone.error} wrap="truncate">{`  ${sanitize(problem)}`}</Text>
			) : f ? (
				<Text dimColor={theme.tone.dim} wrap="truncate">{`  host ${f.hostIp === '' ? '0.0.0.0' : f.hostIp} port ${f.hostPort === '' ? 'random' : f.hostPort} -> container ${f.containerPort}/${f.protocol}`}</Text>
			) : (
				<Text> </Text>
			)}
		</Box>
	);
}
