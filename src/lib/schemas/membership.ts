import * as v from 'valibot';
import { email, flag, optionalText, text } from './fields';

/** The shortest public reason for a refusal, an appeal outcome or ending a membership. */
export const reasonMinLength = 20;

const reason = text(5000, reasonMinLength);

/** A missing field reads as "required", not "not valid". */
const required = 'validation.required';

const website = v.optional(
	v.pipe(
		v.string('validation.invalid'),
		v.trim(),
		v.maxLength(300, 'validation.too_long'),
		v.transform((s) => s || undefined),
		v.optional(
			v.pipe(
				v.string(),
				v.check((s) => {
					try {
						return ['http:', 'https:'].includes(new URL(s).protocol);
					} catch {
						return false;
					}
				}, 'validation.website')
			)
		)
	)
);

/** An application, as the JSON API takes it; the form posts the same names with dots. */
export const applySchema = v.object(
	{
		organisation: v.object(
			{
				name: text(160),
				category: text(100),
				website,
				area: text(300),
				description: text(5000)
			},
			'validation.required'
		),
		contact: v.object({ name: text(120), email }, 'validation.required'),
		statement: text(5000)
	},
	required
);

/** The chair's decision: a refusal needs a public reason; an acceptance may give one. */
export const decisionSchema = v.variant(
	'outcome',
	[
		v.object({ outcome: v.literal('accepted'), reason: optionalText(5000) }, required),
		v.object({ outcome: v.literal('refused'), reason }, required)
	],
	'validation.choice'
);

export const appealSchema = v.object({ statement: text(5000) }, required);

/** The chair decides an appeal: the refusal is upheld or overturned, with a public reason. */
export const appealDecisionSchema = v.object(
	{ outcome: v.picklist(['upheld', 'overturned'], 'validation.choice'), reason },
	required
);

export const noteSchema = v.object({ body: text(5000) }, required);

/** A date such as 2026-03-31. */
export const isoDate = v.pipe(
	v.string('validation.date'),
	v.trim(),
	v.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
	v.check((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'validation.date')
);

/** The shortest public reason for opening or closing membership. */
export const openingReasonMin = 10;

/** Opening or closing membership; a closure names the date it will be reviewed. */
export const openingSchema = v.object(
	{
		open: flag,
		reason: text(2000, openingReasonMin),
		reviewOn: v.optional(v.union([v.literal(''), isoDate], 'validation.date'), '')
	},
	required
);

/** Ending a membership: the chair must give a reason; a resigning representative may. */
export const endMembershipSchema = v.object({ reason: optionalText(5000) }, required);

export const categorySchema = v.object({ name: text(100) }, required);

export type ApplyInput = v.InferOutput<typeof applySchema>;
export type DecisionInput = v.InferOutput<typeof decisionSchema>;

/** A panellist's vote on an appeal: uphold or overturn the refusal, with a public reason. */
export const panelVoteSchema = v.object(
	{ vote: v.picklist(['upheld', 'overturned'], 'validation.choice'), reason },
	required
);

/** A panellist recuses, optionally saying why (public). */
export const recusalSchema = v.object({ reason: optionalText(2000) });
