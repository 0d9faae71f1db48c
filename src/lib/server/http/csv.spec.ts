import { describe, expect, it } from 'vitest';
import { flatten, toCsv } from './csv';

describe('CSV export', () => {
	it('flattens nested objects to dotted columns', () => {
		expect(flatten({ id: 1, organisation: { name: 'A', area: { city: 'B' } } })).toEqual({
			id: 1,
			'organisation.name': 'A',
			'organisation.area.city': 'B'
		});
	});

	it('quotes per RFC 4180 and neutralises spreadsheet formulas, but not numbers', () => {
		const csv = toCsv([
			{ name: 'Say "hi", then\nleave', formula: '=HYPERLINK("x")', n: -5, at: new Date(0) },
			{ name: 'plain', extra: true }
		]);
		const [header, first, second] = csv.split('\r\n');
		expect(header).toBe('name,formula,n,at,extra');
		expect(first).toBe(
			`"Say ""hi"", then\nleave","'=HYPERLINK(""x"")",-5,1970-01-01T00:00:00.000Z,`
		);
		expect(second).toBe('plain,,,,true');
	});

	// The audit found `=SUM(1;2)` written bare: `;` separates cells in many European spreadsheets,
	// so the cell split there and the formula ran.
	it('quotes a cell holding the semicolon many spreadsheets separate cells with', () => {
		const [, row] = toCsv([{ a: '=SUM(1;2)', b: 'one;two', c: '@cmd;x' }]).split('\r\n');
		expect(row).toBe(`"'=SUM(1;2)","one;two","'@cmd;x"`);
	});
});
