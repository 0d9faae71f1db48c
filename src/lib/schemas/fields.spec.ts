import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { optionalText, text } from './fields';
import { applySchema } from './membership';
import { draftSchema } from './minutes';

describe('text fields', () => {
	// Found by the fuzz (seed 1616): an application whose statement held a NUL character was
	// answered 500, as PostgreSQL text cannot hold one. It is refused as the sender's mistake.
	it('refuses a NUL character with a field message, in every kind of text', () => {
		const application = {
			organisation: {
				name: 'Valley Forum',
				category: 'Legal advice',
				area: 'Valley',
				description: 'A forum.'
			},
			contact: { name: 'Contact', email: 'contact@example.org' },
			statement: 'a\u0000b'
		};
		const result = v.safeParse(applySchema, application);
		expect(result.success).toBe(false);
		expect(result.issues?.[0].message).toBe('validation.nul');
		expect(v.safeParse(text(10), 'a\u0000').issues?.[0].message).toBe('validation.nul');
		expect(v.safeParse(optionalText(10), '\u0000').issues?.[0].message).toBe('validation.nul');
		expect(v.safeParse(draftSchema, { markdown: '# a\u0000' }).issues?.[0].message).toBe(
			'validation.nul'
		);
	});

	it('keeps every other character, line breaks and tabs included', () => {
		expect(v.parse(text(20), ' a\tb\nc \u200f ')).toBe('a\tb\nc \u200f');
	});
});
