/** The port doctor's diagnosis as lines of text: the same lines in the TUI and `dnet doctor` (ARCHITECTURE.md). */
import type {Check, Diagnosis} from './facts.js';

/** One check as its lines: the verdict in a column of six, the fix under it. */
export function checkLines(c: Check): string[] {
	const lines = [`  ${c.verdict.padEnd(5)} ${c.text}`];
	if (c.fix) lines.push(`        fix: ${c.fix}`);
	return lines;
}

/** The whole diagnosis as text lines. */
export function diagnosisLines(d: Diagnosis): string[] {
	const lines: string[] = [];
	if (d.ports.length === 0) lines.push(`${d.container}: no published or exposed port`, ...checkLines(d.state));
	for (const r of d.ports) lines.push(r.title, ...r.checks.flatMap(checkLines));
	if (d.links.length > 0) lines.push(`${d.container} links`, ...d.links.flatMap(checkLines));
	return lines;
}
