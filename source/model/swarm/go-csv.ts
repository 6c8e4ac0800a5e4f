/**
 * Go's `encoding/csv` `Reader.Read` for the first record of a string, with its default settings
 * (comma `,`, no lazy quotes, no trimming): the docker CLI reads `--publish` long syntax with it,
 * and its error words show through (`parse error on line 1, column 20: bare " in non-quoted-field`).
 */

/** Go's `csv.ParseError` text. */
export class CsvError extends Error {
	constructor(line: number, column: number, what: 'bare' | 'quote') {
		super(`parse error on line ${line}, column ${column}: ${what === 'bare' ? 'bare " in non-quoted-field' : 'extraneous or missing " in quoted-field'}`);
		this.name = 'CsvError';
	}
}

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** The lines Go's reader sees: each with its `\n` (a final `\r\n` becomes `\n`; a last line without one gets none). */
function lines(text: string): string[] {
	const out: string[] = [];
	let rest = text;
	while (rest !== '') {
		const nl = rest.indexOf('\n');
		let line = nl < 0 ? rest : rest.slice(0, nl + 1);
		rest = nl < 0 ? '' : rest.slice(nl + 1);
		if (line.endsWith('\r\n')) line = `${line.slice(0, -2)}\n`;
		else if (nl < 0 && line.endsWith('\r')) line = line.slice(0, -1);
		out.push(line);
	}
	return out;
}

/**
 * The first record's fields, as `csv.NewReader(strings.NewReader(text)).Read()` returns them.
 * Blank lines before it are skipped, as Go does. Positions are 1-based, columns in bytes.
 * @throws CsvError as Go's reader fails; `Error('EOF')` when there is no record.
 */
export function readCsvRecord(text: string): string[] {
	const all = lines(text);
	let li = 0;
	while (li < all.length && (all[li] === '\n')) li++;
	if (li >= all.length) throw new Error('EOF');
	let lineNo = li + 1;
	let line = all[li] ?? '';
	// Drop the line ending of the record's line (kept inside quoted fields only).
	const strip = (l: string): string => (l.endsWith('\n') ? l.slice(0, -1) : l);
	const fields: string[] = [];
	let col = 1;
	let rest = line;
	for (;;) {
		if (!rest.startsWith('"')) {
			// Non-quoted field.
			const body = strip(rest);
			const comma = body.indexOf(',');
			const field = comma < 0 ? body : body.slice(0, comma);
			const quote = field.indexOf('"');
			if (quote >= 0) throw new CsvError(lineNo, col + utf8Length(field.slice(0, quote)), 'bare');
			fields.push(field);
			if (comma < 0) return fields;
			col += utf8Length(field) + 1;
			rest = body.slice(comma + 1);
			continue;
		}
		// Quoted field.
		const startLine = lineNo;
		let value = '';
		rest = rest.slice(1);
		col += 1;
		for (;;) {
			const q = rest.indexOf('"');
			if (q >= 0) {
				value += rest.slice(0, q);
				col += utf8Length(rest.slice(0, q)) + 1;
				rest = rest.slice(q + 1);
				if (rest.startsWith('"')) {
					value += '"';
					rest = rest.slice(1);
					col += 1;
				} else if (rest.startsWith(',')) {
					rest = rest.slice(1);
					col += 1;
					fields.push(value);
					break;
				} else if (rest === '' || rest === '\n') {
					fields.push(value);
					return fields;
				} else {
					const e = new CsvError(lineNo, col - 1, 'quote');
					if (startLine !== lineNo) e.message = `record on line ${startLine}; ${e.message}`;
					throw e;
				}
			} else if (rest !== '') {
				value += rest;
				li += 1;
				if (li >= all.length) {
					const e = new CsvError(lineNo, col + utf8Length(rest), 'quote');
					if (startLine !== lineNo) e.message = `record on line ${startLine}; ${e.message}`;
					throw e;
				}
				line = all[li] ?? '';
				lineNo += 1;
				col = 1;
				rest = line;
			} else {
				const e = new CsvError(lineNo, col, 'quote');
				if (startLine !== lineNo) e.message = `record on line ${startLine}; ${e.message}`;
				throw e;
			}
		}
	}
}
