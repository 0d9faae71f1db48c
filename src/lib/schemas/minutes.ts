import * as v from 'valibot';
import { optionalText, storable, text } from './fields';

/** The secretary's working draft: markdown, which may be empty while being written. */
export const draftSchema = v.object({
	markdown: v.pipe(
		v.string('validation.required'),
		storable,
		v.maxLength(200_000, 'validation.too_long')
	)
});

const correctionId = v.pipe(v.string('validation.invalid'), v.uuid('validation.invalid'));

/** Publishing: a change note is required for an amendment (checked by the domain). */
export const publishSchema = v.object({
	changeNote: optionalText(2000),
	acceptCorrections: v.optional(v.array(correctionId, 'validation.invalid'), [])
});

export const correctionSchema = v.object({
	text: text(4000),
	/** For a representative of several organisations: which one speaks. */
	membershipId: v.optional(
		v.pipe(
			v.string('validation.invalid'),
			v.transform((s) => s.trim() || undefined),
			v.optional(v.pipe(v.string(), v.uuid('validation.invalid')))
		)
	)
});

export const declineSchema = v.object({ reason: text(2000) });
