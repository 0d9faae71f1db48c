import * as v from 'valibot';

/** For a representative of several organisations: which one they speak for (empty: their only one). */
const membershipId = v.optional(
	v.pipe(
		v.string('validation.invalid'),
		v.transform((s) => s.trim() || undefined),
		v.optional(v.pipe(v.string(), v.uuid('validation.invalid')))
	)
);

const requestId = v.pipe(v.string('validation.required'), v.trim(), v.uuid('validation.invalid'));

/** A whole number from a form (a string) or JSON (a number), within bounds. */
const whole = (min: number, max: number) =>
	v.pipe(
		v.union(
			[v.number('validation.invalid'), v.pipe(v.string('validation.invalid'), v.trim())],
			'validation.invalid'
		),
		v.transform(Number),
		v.integer('validation.invalid'),
		v.minValue(min, 'validation.too_small'),
		v.maxValue(max, 'validation.too_large')
	);

/** A turn's length: ten seconds to an hour. */
export const turnSeconds = whole(10, 3600);

/**
 * Asking to speak on the current agenda item: how to be named in public (by name, by the
 * organisation one represents, or as an attendee) and, for a representative of several, which.
 */
export const speakerRequestSchema = v.object({
	shownAs: v.optional(
		v.picklist(['name', 'organisation', 'attendee'], 'validation.choice'),
		'name'
	),
	membershipId
});

/** One request of the list (withdraw, give the floor). */
export const speakerIdSchema = v.object({ requestId });

/** The chair ends the current turn (of this request, when named). */
export const endTurnSchema = v.object({ requestId: v.optional(requestId) });

/** The chair moves a waiting request to a place in its item's list (1: first). */
export const speakerMoveSchema = v.object({ requestId, position: whole(1, 10_000) });

/** The chair adjusts the time a turn allows. */
export const speakerTimeSchema = v.object({ requestId, seconds: turnSeconds });

/** The chair sets the agenda item under discussion (empty: none). */
export const currentItemSchema = v.object({
	agendaItemId: v.optional(
		v.union([
			v.null(),
			v.pipe(
				v.string('validation.invalid'),
				v.trim(),
				v.transform((s) => s || null),
				v.nullable(v.pipe(v.string(), v.uuid('validation.invalid')))
			)
		]),
		null
	)
});

/** The group's default turn length. */
export const speakingTurnSchema = v.object({ seconds: turnSeconds });
