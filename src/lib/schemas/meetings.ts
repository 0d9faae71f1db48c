import * as v from 'valibot';
import { flag, optionalText, text } from './fields';

/** A date and time as typed: local (`2026-12-03T18:30`, in the group's zone) or ISO with a zone. */
const dateTime = v.pipe(
	v.string('validation.required'),
	v.trim(),
	v.nonEmpty('validation.required'),
	v.maxLength(40, 'meeting.time_format')
);

const webAddress = v.pipe(
	v.string('validation.invalid'),
	v.trim(),
	v.maxLength(2000, 'validation.too_long'),
	v.check((s) => {
		try {
			return ['http:', 'https:'].includes(new URL(s).protocol);
		} catch {
			return false;
		}
	}, 'validation.url')
);

const optionalWebAddress = v.optional(
	v.pipe(
		v.string('validation.invalid'),
		v.trim(),
		v.transform((s) => s || undefined),
		v.optional(webAddress)
	)
);

/** A whole number from a form (a string) or JSON (a number). */
const wholeNumber = (
	min: number,
	max: number,
	message: 'agenda.minutes_range' | 'attendance.count_range'
) =>
	v.pipe(
		v.union([v.number(message), v.pipe(v.string(message), v.trim(), v.nonEmpty(message))], message),
		v.transform(Number),
		v.integer(message),
		v.minValue(min, message),
		v.maxValue(max, message)
	);

export const meetingSchema = v.object({
	title: text(200),
	startsAt: dateTime,
	endsAt: dateTime,
	location: optionalText(300),
	onlineUrl: optionalWebAddress,
	streamUrl: optionalWebAddress
});

/** A meeting's recording: its address (empty: none), set before or after it is held. */
export const recordingSchema = v.object({ recordingUrl: optionalWebAddress });

/** Who may take part in live Q&A (a meeting's `participation`): see questions/participation.ts. */
export const participationRules = ['open', 'room_code', 'signed_in', 'members'] as const;

/** A new meeting: its particulars, and who may take part (the room code unless said). */
export const newMeetingSchema = v.object({
	...meetingSchema.entries,
	participation: v.optional(v.picklist(participationRules, 'validation.choice'), 'room_code')
});

/** Editing a meeting; who may take part changes through its own logged operation. */
export const meetingUpdateSchema = v.partial(meetingSchema);

export const meetingStateSchema = v.object({
	state: v.picklist(['scheduled', 'live', 'closed', 'cancelled'], 'validation.choice'),
	cancelNote: optionalText(2000),
	/** Going live: make a join code for live questions (default yes). */
	joinCode: v.optional(flag, true)
});

export const agendaItemSchema = v.object({
	title: text(200),
	description: v.optional(optionalText(20_000)),
	presenter: optionalText(160),
	plannedMinutes: wholeNumber(1, 480, 'agenda.minutes_range')
});

export const agendaItemUpdateSchema = v.partial(agendaItemSchema);

export const moveSchema = v.object({
	direction: v.picklist(['up', 'down'], 'validation.choice')
});

export const documentLinkSchema = v.object({
	title: text(200),
	url: webAddress
});

export const documentFileTitleSchema = v.object({ title: text(200) });

export const proposalSchema = v.object({
	title: text(200),
	why: text(4000)
});

export const proposalDecisionSchema = v.object({
	outcome: v.picklist(['accepted', 'declined'], 'validation.choice'),
	reason: optionalText(2000),
	/** Accepted: the meeting (number) whose agenda it joins; by default the one it was proposed for. */
	meeting: v.optional(v.union([v.number(), v.pipe(v.string(), v.trim())]))
});

export const attendanceSchema = v.object({
	entries: v.array(
		v.object({
			membershipId: v.pipe(v.string('validation.required'), v.uuid('validation.invalid')),
			status: v.picklist(['present', 'apologies', 'absent'], 'validation.choice')
		}),
		'validation.invalid'
	),
	otherAttendees: v.optional(wholeNumber(0, 100_000, 'attendance.count_range'))
});

export type MeetingInput = v.InferOutput<typeof meetingSchema>;
export type AgendaItemInput = v.InferOutput<typeof agendaItemSchema>;
export type MeetingState = 'draft' | 'scheduled' | 'live' | 'closed' | 'cancelled';
