import * as v from 'valibot';
import { flag, optionalText, text } from './fields';

export const questionMaxLength = 500;

const id = v.pipe(v.string('validation.required'), v.uuid('validation.invalid'));
const optionalId = v.optional(
	v.pipe(
		v.string(),
		v.transform((s) => s || undefined),
		v.optional(v.pipe(v.string(), v.uuid('validation.invalid')))
	)
);

/**
 * Made by the page for each request it sends (a question, a moderation action): the same request
 * sent again (a retry on a bad connection, a double tap, the form posted after the socket's answer
 * was lost) applies once.
 */
const once = { requestId: optionalId };

export const askSchema = v.object({
	text: text(questionMaxLength, 3),
	anonymous: flag,
	/** A name for a named question from someone without an account. */
	name: optionalText(80),
	agendaItemId: optionalId,
	...once
});

export const floorQuestionSchema = v.object({
	text: text(questionMaxLength, 3),
	name: optionalText(80),
	...once
});

/** `up: false` takes a vote back. Forms send "true"/"false". */
export const voteSchema = v.object({
	questionId: id,
	up: v.pipe(
		v.optional(v.union([v.boolean(), v.picklist(['true', 'false'])], 'validation.boolean'), true),
		v.transform((value) => value === true || value === 'true')
	)
});

export const questionRefSchema = v.object({ questionId: id });

export const verdicts = ['answered', 'partly_answered', 'not_answered'] as const;
export const rateSchema = v.object({
	questionId: id,
	verdict: v.picklist(verdicts, 'validation.choice')
});

export const rejectionReasons = ['off_topic', 'abusive', 'duplicate', 'personal_data'] as const;
export const answerStatuses = [
	'answered',
	'partly_answered',
	'not_answered',
	'declined',
	'deferred',
	/** Sent for a written answer, due on `dueOn` (default: in 28 days). */
	'written'
] as const;

const isoDate = v.pipe(
	v.string('validation.required'),
	v.regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date'),
	v.check((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'validation.date')
);

export const moderateSchema = v.variant(
	'action',
	[
		v.object({ action: v.literal('approve'), questionId: id, ...once }),
		v.object({
			action: v.literal('reject'),
			questionId: id,
			reason: v.picklist(rejectionReasons, 'validation.choice'),
			note: optionalText(300),
			...once
		}),
		v.object({ action: v.literal('merge'), questionId: id, intoId: id, ...once }),
		v.object({ action: v.literal('pin'), questionId: id, ...once }),
		/** Undoes a rejection or a merge: the question goes back where it was. */
		v.object({ action: v.literal('restore'), questionId: id, ...once }),
		/** Undoes the latest answer status: the one before it is recorded again. */
		v.object({ action: v.literal('undo_status'), questionId: id, ...once }),
		v.object({ action: v.literal('unpin'), ...once }),
		v.object({
			action: v.literal('status'),
			questionId: id,
			status: v.picklist(answerStatuses, 'validation.choice'),
			summary: optionalText(2000),
			owner: optionalText(160),
			dueOn: v.optional(
				v.pipe(
					v.string(),
					v.transform((s) => s || undefined),
					v.optional(isoDate)
				)
			),
			...once
		})
	],
	'validation.choice'
);

export const liveSettingsSchema = v.object({
	mode: v.picklist(['open', 'premoderated'], 'validation.choice'),
	questionCap: v.pipe(
		v.union(
			[v.number(), v.pipe(v.string(), v.regex(/^\d+$/, 'validation.invalid'), v.transform(Number))],
			'validation.invalid'
		),
		v.integer('validation.invalid'),
		v.minValue(1, 'validation.too_small'),
		v.maxValue(50, 'validation.too_large')
	)
});

export type ModerateInput = v.InferOutput<typeof moderateSchema>;

export const participationSchema = v.object({
	participation: v.picklist(['open', 'room_code', 'signed_in', 'members'], 'validation.choice')
});

/** A room code as people type it: case, spaces and dashes do not matter. */
export const roomCodeSchema = v.object({
	code: v.pipe(
		v.string('validation.required'),
		v.transform((s) => s.toUpperCase().replace(/[\s-]/g, '')),
		v.nonEmpty('validation.required'),
		v.maxLength(32, 'participation.room_code_wrong')
	)
});
