import * as v from 'valibot';
import { optionalText, text } from './fields';

/** A calendar date `YYYY-MM-DD` that exists (2026-02-31 does not). */
export const calendarDate = v.pipe(
	v.string('validation.required'),
	v.trim(),
	v.nonEmpty('validation.required'),
	v.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
	v.check((s) => {
		const d = new Date(`${s}T00:00:00Z`);
		return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
	}, 'validation.date')
);

const optionalQuestionId = v.optional(
	v.pipe(
		v.string('validation.invalid'),
		v.transform((s) => s || undefined),
		v.optional(v.pipe(v.string(), v.uuid('validation.invalid')))
	)
);

/** An action (commitment) recorded at a meeting. */
export const recordActionSchema = v.object({
	owner: text(160),
	description: text(2000, 3),
	dueOn: calendarDate,
	/** The question it answers, if any (one of the same meeting's). */
	questionId: optionalQuestionId
});

export const actionStatuses = ['open', 'done', 'dropped'] as const;

/** Done (with an optional note), dropped (the reason is required) or reopened. */
export const actionStatusSchema = v.object({
	status: v.picklist(actionStatuses, 'validation.choice'),
	note: optionalText(1000)
});
