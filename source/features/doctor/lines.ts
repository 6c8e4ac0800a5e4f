/** The doctor screen's lines: `dnet doctor`'s own, wrapped to the terminal (never cut), a wrapped line's rest under its text. */
import {diagnosisLines} from '../../model/doctor/text.js';
import {wrapText} from '../../model/wrap.js';
import type {DoctorState} from './state.js';

/** The indent of a check's text (`  FAIL  `) and of a fix (`        fix: `): where a wrapped line goes on. */
const indentOf = (line: string): string => (/^ {2}(?:ok|FAIL|--) +/.exec(line)?.[0] ?? /^ +(?:fix: )?/.exec(line)?.[0] ?? '').replace(/\S/g, ' ');

/** The lines shown for the doctor's state at `width` columns. */
export function screenLines(d: DoctorState, width: number): string[] {
	const lines = d.error ? [`  FAIL  ${d.error}`] : d.diagnosis ? diagnosisLines(d.diagnosis) : ['  Diagnosing…'];
	return lines.flatMap((line) => {
		if (line.length <= width) return [line];
		const indent = indentOf(line);
		const room = Math.max(10, width - indent.length);
		const [first = '', ...rest] = wrapText(line.slice(indent.length), room);
		return [indent + first, ...rest.map((r) => indent + r)].map((l, i) => (i === 0 ? line.slice(0, indent.length) + l.slice(indent.length) : l));
	});
}
