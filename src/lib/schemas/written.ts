import * as v from 'valibot';
import { text } from './fields';
import { isoDate } from './membership';
import { verdicts } from './questions';

/** For a representative of several organisations: which one asks (empty: their only one). */
const membershipId = v.optional(
	v.pipe(
		v.string('validation.invalid'),
		v.transform((s) => s.trim() || undefined),
		v.optional(v.pipe(v.string(), v.uuid('validation.invalid')))
	)
);

/** A question asked in writing between meetings, for a member organisation. */
export const askInWritingSchema = v.object({ text: text(2000), membershipId });

/**
 * The institution's answer, verbatim, and the date it was given (empty: today). Whitespace inside
 * is kept as given; only the ends are trimmed.
 */
export const writtenAnswerSchema = v.object({
	answer: text(20_000),
	answeredOn: v.optional(v.union([v.literal(''), isoDate], 'validation.date'), '')
});

/** The verdict on a written answer. */
export const writtenVerdictSchema = v.object({
	verdict: v.picklist(verdicts, 'validation.choice')
});
