import { and, asc, desc, eq, gt, gte, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { meetingLive, meetings, motions, type Group, type Meeting } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict, invalidField, isUniqueViolation } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { getGroup } from '../groups/groups';
import { localToUtc } from '$lib/time-zone';
import {
	meetingStateSchema,
	meetingUpdateSchema,
	newMeetingSchema,
	recordingSchema
} from '$lib/schemas/meetings';
import { lockMeeting, meetingForChange } from './access';
import { canMove, isLocked } from './rules';
import { joinCodes, withUniqueJoinCode } from './join-code';
import { announceMeetingState, markQuestionsNotReached } from '../questions/moderate';
import { closeSpeakersList } from '../speakers/turns';
import { createDraftOnClose } from '../minutes/draft';
import type { Clock } from '../clock';
import { announceNotices, recordNotice } from '../notifications/notices';

/** Tests and the demo loader set the clock; everyone else runs on the real one. */

const isoWithZone = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** A typed time: ISO with a zone is taken as it is; a local time is read in the group's zone. */
export function instantOf(value: string, zone: string, field: string): Date {
	if (isoWithZone.test(value)) {
		const ms = Date.parse(value);
		if (Number.isNaN(ms)) throw invalidField(field, 'meeting.time_format');
		return new Date(ms);
	}
	const result = localToUtc(value, zone);
	if (result.ok) return result.date;
	if (result.reason === 'nonexistent')
		throw invalidField(field, 'meeting.time_nonexistent', { zone });
	throw invalidField(field, 'meeting.time_format');
}

function checkTimes(startsAt: Date, endsAt: Date, now: Date, startChanged: boolean) {
	if (endsAt <= startsAt) throw invalidField('endsAt', 'meeting.end_before_start');
	if (startChanged && startsAt < now) throw invalidField('startsAt', 'meeting.in_past');
}

/** A secretary or chair creates a meeting as a draft; it gets the group's next number. */
export async function createMeeting(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	input: unknown,
	clock: Clock = {}
): Promise<Meeting> {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'meeting.manage', group.id);
	const data = parseInput(newMeetingSchema, input);
	const startsAt = instantOf(data.startsAt, group.timeZone, 'startsAt');
	const endsAt = instantOf(data.endsAt, group.timeZone, 'endsAt');
	checkTimes(startsAt, endsAt, clock.now ?? new Date(), true);
	for (let attempt = 0; ; attempt++) {
		try {
			return await db.transaction(async (tx) => {
				const [{ next }] = await tx
					.select({ next: sql<number>`coalesce(max(${meetings.number}), 0) + 1` })
					.from(meetings)
					.where(eq(meetings.groupId, group.id));
				const [meeting] = await tx
					.insert(meetings)
					.values({
						groupId: group.id,
						number: Number(next),
						title: data.title,
						startsAt,
						endsAt,
						location: data.location ?? null,
						onlineUrl: data.onlineUrl ?? null,
						streamUrl: data.streamUrl ?? null,
						participation: data.participation,
						createdBy: user.id
					})
					.returning();
				// Its live row now, so that counting a change on it never inserts (drizzle/0025).
				await tx.insert(meetingLive).values({ meetingId: meeting.id });
				await recordAudit(tx, {
					actorId: user.id,
					groupId: group.id,
					action: 'meeting.create',
					subject: String(meeting.number)
				});
				return meeting;
			});
		} catch (error) {
			// Two officers creating at once both took the same number: try the next one.
			if (isUniqueViolation(error, 'meetings_group_number') && attempt < 3) continue;
			throw error;
		}
	}
}

/** Changes a meeting's title, times or place; a held or cancelled meeting is fixed. */
export async function updateMeeting(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown,
	clock: Clock = {}
): Promise<Meeting> {
	const { group, user, meeting: found } = await meetingForChange(db, actor, groupSlug, number);
	const data = parseInput(meetingUpdateSchema, input);
	return db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		if (isLocked(meeting.state)) throw conflict('meeting.locked');
		const startsAt =
			data.startsAt === undefined
				? meeting.startsAt
				: instantOf(data.startsAt, group.timeZone, 'startsAt');
		const endsAt =
			data.endsAt === undefined ? meeting.endsAt : instantOf(data.endsAt, group.timeZone, 'endsAt');
		checkTimes(
			startsAt,
			endsAt,
			clock.now ?? new Date(),
			startsAt.getTime() !== meeting.startsAt.getTime()
		);
		const changes = {
			title: data.title ?? meeting.title,
			startsAt,
			endsAt,
			// A field sent empty clears it; a field not sent keeps its value.
			location: 'location' in (input as object) ? (data.location ?? null) : meeting.location,
			onlineUrl: 'onlineUrl' in (input as object) ? (data.onlineUrl ?? null) : meeting.onlineUrl,
			streamUrl: 'streamUrl' in (input as object) ? (data.streamUrl ?? null) : meeting.streamUrl
		};
		// Nothing new (an empty body, or the same values again): calendars need not refetch.
		const unchanged =
			changes.title === meeting.title &&
			startsAt.getTime() === meeting.startsAt.getTime() &&
			endsAt.getTime() === meeting.endsAt.getTime() &&
			changes.location === meeting.location &&
			changes.onlineUrl === meeting.onlineUrl &&
			changes.streamUrl === meeting.streamUrl;
		if (unchanged) return meeting;
		const [updated] = await tx
			.update(meetings)
			.set({ ...changes, sequence: meeting.sequence + 1, updatedAt: clock.now ?? new Date() })
			.where(eq(meetings.id, meeting.id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'meeting.update',
			subject: String(meeting.number),
			details: { fields: Object.keys(data) }
		});
		if (meeting.state === 'scheduled') {
			await recordNotice(tx, {
				groupId: group.id,
				kind: 'meeting.changed',
				subject: `meeting:${meeting.id}`
			});
		}
		return updated;
	});
}

/**
 * The meeting's recording (`recordingUrl`, empty to remove it): set by its officers before it is
 * held, or after, when the rest of a held meeting is fixed; a cancelled one has none.
 */
export async function setRecording(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown,
	clock: Clock = {}
): Promise<Meeting> {
	const { group, user, meeting: found } = await meetingForChange(db, actor, groupSlug, number);
	const data = parseInput(recordingSchema, input);
	return db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		if (meeting.state === 'cancelled') throw conflict('meeting.locked');
		const recordingUrl = data.recordingUrl ?? null;
		if (recordingUrl === meeting.recordingUrl) return meeting;
		const [updated] = await tx
			.update(meetings)
			.set({ recordingUrl, updatedAt: clock.now ?? new Date() })
			.where(eq(meetings.id, meeting.id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'meeting.recording',
			subject: String(meeting.number),
			details: { recordingUrl }
		});
		return updated;
	});
}

/**
 * Moves a meeting on: publish (scheduled), start (live, with a join code if asked), close, or
 * cancel with a public note. A meeting whose start has passed cannot be published as new.
 */
export async function changeMeetingState(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown,
	clock: Clock = {}
): Promise<Meeting> {
	const { group, user, meeting: found } = await meetingForChange(db, actor, groupSlug, number);
	const data = parseInput(meetingStateSchema, input);
	const now = clock.now ?? new Date();
	if (data.state === 'cancelled' && !data.cancelNote) {
		throw invalidField('cancelNote', 'meeting.cancel_note_required');
	}
	// A join code already in use (very unlikely): draw another.
	return withUniqueJoinCode(async () => {
		const changed = await db.transaction(async (tx) => {
			const meeting = await lockMeeting(tx, found.id);
			if (!canMove(meeting.state, data.state)) {
				throw isLocked(meeting.state)
					? conflict('meeting.locked')
					: conflict('meeting.bad_transition', 'state');
			}
			if (data.state === 'scheduled' && meeting.startsAt < now) {
				throw invalidField('startsAt', 'meeting.in_past');
			}
			// A vote on a motion ends with its result, never with the meeting: close it first.
			if (data.state === 'closed') {
				const [voting] = await tx
					.select({ id: motions.id })
					.from(motions)
					.where(and(eq(motions.meetingId, meeting.id), eq(motions.state, 'voting')))
					.limit(1);
				if (voting) throw conflict('motions.vote_open', 'state');
			}
			const [updated] = await tx
				.update(meetings)
				.set({
					state: data.state,
					cancelNote: data.state === 'cancelled' ? data.cancelNote : meeting.cancelNote,
					// The room code: always when the rule needs one, else when asked for.
					joinCode:
						data.state === 'live' && (data.joinCode || meeting.participation === 'room_code')
							? joinCodes.draw()
							: meeting.joinCode,
					// The first time it goes live (kept at the write): questions asked before were asked
					// in advance.
					startedAt:
						data.state === 'live'
							? sql`coalesce(${meetings.startedAt}, ${now.toISOString()}::timestamptz)`
							: undefined,
					sequence: meeting.sequence + 1,
					updatedAt: now
				})
				.where(eq(meetings.id, meeting.id))
				.returning();
			await recordAudit(tx, {
				actorId: user.id,
				groupId: group.id,
				action: `meeting.${data.state}`,
				subject: String(meeting.number),
				details: data.state === 'cancelled' ? { note: data.cancelNote } : undefined
			});
			// Followers hear of a meeting published, and of one they knew of cancelled.
			if (data.state === 'scheduled' || (data.state === 'cancelled' && meeting.state !== 'draft')) {
				await recordNotice(tx, {
					groupId: group.id,
					kind: data.state === 'scheduled' ? 'meeting.scheduled' : 'meeting.cancelled',
					subject: `meeting:${meeting.id}`,
					now
				});
			}
			// Closing ends the Q&A and the speakers' list: open questions and requests to speak still
			// waiting are recorded as not reached (the turn under way ends), and the record
			// as it now stands becomes the minutes' first draft.
			if (data.state === 'closed') {
				await markQuestionsNotReached(tx, meeting.id);
				await closeSpeakersList(tx, meeting.id, now);
				await createDraftOnClose(tx, group, updated);
			}
			return updated;
		});
		// Live pages learn at once that questions opened or closed.
		await announceMeetingState(db, group, changed);
		announceNotices();
		return changed;
	});
}

/** Upcoming: not yet over (and not held); the rest is past. Drafts only for officers. */
function whenFilter(group: Group, when: 'upcoming' | 'past', includeDrafts: boolean, now: Date) {
	const upcoming = and(gte(meetings.endsAt, now), ne(meetings.state, 'closed'));
	return and(
		eq(meetings.groupId, group.id),
		includeDrafts ? undefined : ne(meetings.state, 'draft'),
		when === 'upcoming' ? upcoming : or(lt(meetings.endsAt, now), eq(meetings.state, 'closed'))
	);
}

/** One page of a group's upcoming (soonest first) or past (latest first) meetings. */
export function listMeetings(
	db: Executor,
	group: Group,
	options: {
		when: 'upcoming' | 'past';
		includeDrafts: boolean;
		limit: number;
		offset?: number;
		now?: Date;
	}
) {
	return db
		.select()
		.from(meetings)
		.where(whenFilter(group, options.when, options.includeDrafts, options.now ?? new Date()))
		.orderBy(options.when === 'upcoming' ? asc(meetings.startsAt) : desc(meetings.startsAt))
		.limit(options.limit + 1)
		.offset(options.offset ?? 0);
}

/** The group's public meetings in number order after `afterNumber` (API pagination). */
export function listMeetingsAfter(
	db: Executor,
	group: Group,
	afterNumber: number | undefined,
	limit: number,
	includeDrafts = false
) {
	return db
		.select()
		.from(meetings)
		.where(
			and(
				eq(meetings.groupId, group.id),
				includeDrafts ? undefined : ne(meetings.state, 'draft'),
				afterNumber === undefined ? undefined : gt(meetings.number, afterNumber)
			)
		)
		.orderBy(asc(meetings.number))
		.limit(limit + 1);
}

/** The next public meeting that has not ended, for the group's home page. */
export async function nextMeeting(db: Executor, group: Group, now = new Date()) {
	const [meeting] = await db
		.select()
		.from(meetings)
		.where(
			and(
				eq(meetings.groupId, group.id),
				or(eq(meetings.state, 'scheduled'), eq(meetings.state, 'live')),
				gte(meetings.endsAt, now)
			)
		)
		.orderBy(asc(meetings.startsAt))
		.limit(1);
	return meeting;
}

/** The fields of a meeting anyone may read (the join code is for the room, not the web). */
export function publicMeeting(meeting: Meeting, group: Pick<Group, 'slug' | 'timeZone'>) {
	return {
		number: meeting.number,
		title: meeting.title,
		state: meeting.state,
		startsAt: meeting.startsAt.toISOString(),
		endsAt: meeting.endsAt.toISOString(),
		/** When it went live (null: not yet, or before this was kept and not in the audit log). */
		startedAt: meeting.startedAt?.toISOString() ?? null,
		timeZone: group.timeZone,
		location: meeting.location,
		onlineUrl: meeting.onlineUrl,
		streamUrl: meeting.streamUrl,
		recordingUrl: meeting.recordingUrl,
		cancelNote: meeting.cancelNote,
		otherAttendees: meeting.otherAttendees,
		updatedAt: meeting.updatedAt.toISOString(),
		url: `/g/${group.slug}/meetings/${meeting.number}`
	};
}
