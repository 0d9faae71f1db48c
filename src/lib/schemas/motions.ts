import * as v from 'valibot';
import { flag, optionalText, text } from './fields';

/** For a representative of several organisations: which one acts (empty: their only one). */
const membershipId = v.optional(
	v.pipe(
		v.string('validation.invalid'),
		v.transform((s) => s.trim() || undefined),
		v.optional(v.pipe(v.string(), v.uuid('validation.invalid')))
	)
);

/** A motion's number within its meeting, from a form (a string) or JSON (a number). */
const motionNumber = v.pipe(
	v.union(
		[v.number('validation.invalid'), v.pipe(v.string('validation.invalid'), v.trim())],
		'validation.invalid'
	),
	v.transform(Number),
	v.integer('validation.invalid'),
	v.minValue(1, 'validation.invalid'),
	v.maxValue(1_000_000, 'validation.invalid')
);

/**
 * A new motion: its text; `amendmentOf`, the number of the meeting's motion it amends, with
 * `amendedText`; and
 * `membershipId` for a representative of several organisations. An officer who represents no
 * organisation proposes as an officer; one who does proposes for it unless `asOfficer`.
 */
export const motionSchema = v.object({
	text: text(4000),
	amendmentOf: v.optional(motionNumber),
	/** An amendment: the motion as it would read if carried (required with `amendmentOf`). */
	amendedText: optionalText(4000),
	membershipId,
	asOfficer: flag
});

/** Seconding, by a representative of another member organisation. */
export const secondSchema = v.object({ membershipId });

/** A motion's move: officers schedule or decline (with a public reason); the chair opens and closes the vote. */
export const motionStateSchema = v.object({
	state: v.picklist(['scheduled', 'declined', 'voting', 'decided'], 'validation.choice'),
	reason: optionalText(2000)
});

/** Declining: the reason is public (required, checked by the domain with its own message). */
export const motionDeclineSchema = v.object({ reason: optionalText(2000) });

export const motionVoteSchema = v.object({
	vote: v.picklist(['for', 'against', 'abstain'], 'validation.choice'),
	membershipId
});

/** The group's rules for deciding motions (a logged decision of the chair). */
export const motionRulesSchema = v.object({
	quorum: v.picklist(['none', 'third', 'half', 'two_thirds'], 'validation.choice'),
	majority: v.picklist(['simple', 'two_thirds'], 'validation.choice')
});

export type MotionStateInput = v.InferOutput<typeof motionStateSchema>;
