/** Shell quoting of one argument of a printed command line (POSIX single quotes when needed). */
export function quoteArg(arg: string): string {
	if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
	return `'${arg.replace(/'/g, `'\\''`)}'`;
}
