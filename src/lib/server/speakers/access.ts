import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import {
	meetingLive,
	speakerRequests,
	type Group,
	type Meeting,
	type MeetingLive,
	type SpeakerRequest
} from '../db/schema';
import type { Actor } from '../auth/authorise';
import { conflict, notFound } from '../errors';
import { findMeeting, lockMeeting } from '../meetings/access';
import { bumpSeq } from '../questions/live';
import { isUuid } from '../validation';
import { announceSpeakers } from './read';

export type SpeakersChange<T> = {
	result: T;
	/** What the meeting's live row changes to, written by `bumpSeq` (the current agenda item). */
	set?: Partial<Pick<MeetingLive, 'currentAgendaItemId' | 'currentItemStartedAt'>>;
};

/**
 * Runs one change to a meeting's speakers' list in one transaction, in the documented lock order:
 * the meeting's row (`for no key update`, which queues every change to the list, so there is one
 * speaker at a time and positions never clash), then the requests, then the live row once, last
 * (`bumpSeq`). Refused unless the meeting is live. Announced after commit.
 */
export async function changeSpeakers<T>(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	change: (
		tx: Executor,
		at: { group: Group; meeting: Meeting; live: Pick<MeetingLive, 'currentAgendaItemId'> }
	) => Promise<SpeakersChange<T>>
): Promise<T> {
	const { group, meeting } = await findMeeting(db, actor, groupSlug, meetingNumber);
	const { result, seq } = await db.transaction(async (tx) => {
		const locked = await lockMeeting(tx, meeting.id, 'no key update');
		if (locked.state !== 'live') throw conflict('speakers.not_live');
		const live = await currentItemOf(tx, meeting.id);
		const { result, set } = await change(tx, { group, meeting: locked, live });
		return { result, seq: await bumpSeq(tx, meeting.id, set) };
	});
	await announceSpeakers(db, meeting.id, seq);
	return result;
}

/** The live row's current agenda item (read, not locked: the meeting's lock already queues us). */
async function currentItemOf(tx: Executor, meetingId: string) {
	const [row] = await tx
		.select({ currentAgendaItemId: meetingLive.currentAgendaItemId })
		.from(meetingLive)
		.where(eq(meetingLive.meetingId, meetingId));
	return row ?? { currentAgendaItemId: null };
}

/** A request of the meeting, by its id, locked for update; or a 404. */
export async function findSpeakerRequest(
	tx: Executor,
	meetingId: string,
	requestId: string
): Promise<SpeakerRequest> {
	if (!isUuid(requestId)) throw notFound('speakers.not_found');
	const [row] = await tx
		.select()
		.from(speakerRequests)
		.where(and(eq(speakerRequests.id, requestId), eq(speakerRequests.meetingId, meetingId)))
		.for('update');
	if (!row) throw notFound('speakers.not_found');
	return row;
}
