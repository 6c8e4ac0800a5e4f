import {describe, expect, it} from 'vitest';
import {allValues, FlagError, lastValue, parseFlags, parseGoInt, type FlagDef} from '../../source/model/cli/flags.js';

const PS: FlagDef[] = [
	{long: 'all', short: 'a', kind: 'bool'},
	{long: 'last', short: 'n', kind: 'int'},
	{long: 'quiet', short: 'q', kind: 'bool'},
	{long: 'name', kind: 'string'},
];
const parse = (args: string[], interspersed = true) => parseFlags(args, PS, {interspersed});

describe('parseFlags (pflag semantics)', () => {
	it('reads every value form', () => {
		for (const args of [['-n=2'], ['-n', '2'], ['-n2'], ['--last=2'], ['--last', '2'], ['-an2'], ['-qn', '2'], ['-n', '+2'], ['-n', '0x2'], ['-n', '0b10'], ['-n', '02']]) {
			expect(lastValue(parse(args), 'last'), args.join(' ')).toBe(2);
		}
		expect(lastValue(parse(['-n', '-3']), 'last')).toBe(-3);
		expect(lastValue(parse(['--all=false']), 'all')).toBe(false);
		expect(lastValue(parse(['-a=F']), 'all')).toBe(false);
		expect(lastValue(parse(['-aq']), 'quiet')).toBe(true);
		expect(allValues(parse(['--name', 'x', '--name=y']), 'name')).toEqual(['x', 'y']);
	});
	it('takes arguments between flags unless not interspersed; -- and - are arguments', () => {
		expect(parse(['x', '-a', '--', '-q', '-']).positional).toEqual(['x', '-q', '-']);
		expect(parse(['x', '-a', '-', '-q'], false).positional).toEqual(['x', '-a', '-', '-q']);
		expect(parse(['-a', '-', '-q'], false).positional).toEqual(['-', '-q']);
		expect(parse(['--help=false']).help).toBe(false);
		expect(parse(['-h']).help).toBe(true);
		expect(parseFlags(['-h', 'x'], [{long: 'hostname', short: 'h', kind: 'string'}], {interspersed: false}).values).toEqual([{long: 'hostname', value: 'x'}]);
	});
	const failures: Array<[string[], string]> = [
		[['-x'], "unknown shorthand flag: 'x' in -x"],
		[['-axq'], "unknown shorthand flag: 'x' in -xq"],
		[['-a='], "unknown shorthand flag: '=' in -="],
		[['--foo=1'], 'unknown flag: --foo'],
		[['---a'], 'bad flag syntax: ---a'],
		[['--=a'], 'bad flag syntax: --=a'],
		[['-n'], "flag needs an argument: 'n' in -n"],
		[['--last'], 'flag needs an argument: --last'],
		[['-n='], 'invalid argument "=" for "-n, --last" flag: strconv.ParseInt: parsing "=": invalid syntax'],
		[['-n', '2x'], 'invalid argument "2x" for "-n, --last" flag: strconv.ParseInt: parsing "2x": invalid syntax'],
		[['-n', '99999999999999999999'], 'invalid argument "99999999999999999999" for "-n, --last" flag: strconv.ParseInt: parsing "99999999999999999999": value out of range'],
		[['--all=maybe'], 'invalid argument "maybe" for "-a, --all" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
		[['--help=maybe'], 'invalid argument "maybe" for "--help" flag: strconv.ParseBool: parsing "maybe": invalid syntax'],
	];
	it.each(failures)('refuses %j in pflag words', (args, message) => {
		expect(() => parse(args)).toThrowError(new FlagError(message));
	});
	it('reads Go integers as strconv.ParseInt(s, 0, 64)', () => {
		expect(parseGoInt('9223372036854775807')).toBe(Number(2n ** 63n - 1n));
		expect(parseGoInt('-9223372036854775808')).toBe(-Number(2n ** 63n));
		expect(parseGoInt('9223372036854775808')).toBe('value out of range');
		expect(parseGoInt('0o17')).toBe(15);
		expect(parseGoInt('1_000')).toBe(1000);
		expect(parseGoInt('1__0')).toBe('invalid syntax');
		expect(parseGoInt('0_7')).toBe(7);
		expect(parseGoInt('_1')).toBe('invalid syntax');
		expect(parseGoInt('0x_1')).toBe(1);
		expect(parseGoInt('08')).toBe('invalid syntax');
		expect(parseGoInt('')).toBe('invalid syntax');
	});
});
