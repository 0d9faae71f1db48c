import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../db';
import {
	agendaItems,
	groups,
	meetingLive,
	meetings,
	memberships,
	speakerRequests,
	type SpeakerRequest
} from '../db/schema';
import type { Actor } from '../auth/authorise';
import { findMeeting } from '../meetings/access';
import { emit } from '../events';
import type { LiveSpeaker, LiveSpeakers } from '$lib/realtime/live-types';
import type { SpeakingRecord } from '$lib/speakers';

export type { SpeakingRecord };

type Row = { request: SpeakerRequest; organisation: string | null };

/** A request as the public reads it: named only as its speaker chose. */
function toPublic({ request: r, organisation }: Row): LiveSpeaker {
	return {
		id: r.id,
		agendaItemId: r.agendaItemId,
		shownAs: r.shownAs,
		name: r.shownAs === 'name' ? r.publicName : null,
		organisation: r.shownAs === 'attendee' ? null : organisation,
		position: r.position,
		state: r.state === 'withdrawn' ? 'spoke' : r.state,
		allowedSeconds: r.allowedSeconds,
		requestedAt: r.requestedAt.toISOString(),
		startedAt: r.startedAt?.toISOString() ?? null,
		endedAt: r.endedAt?.toISOString() ?? null
	};
}

function selectRequests(db: Executor, meetingId: string) {
	return db
		.select({ request: speakerRequests, organisation: memberships.organisationName })
		.from(speakerRequests)
		.leftJoin(memberships, eq(memberships.id, speakerRequests.membershipId))
		.where(and(eq(speakerRequests.meetingId, meetingId), ne(speakerRequests.state, 'withdrawn')))
		.orderBy(
			asc(speakerRequests.startedAt),
			asc(speakerRequests.position),
			asc(speakerRequests.requestedAt)
		);
}

/** The meeting's speakers' list and current agenda item, as every viewer sees them. */
export async function speakersOf(db: Executor, meetingId: string): Promise<LiveSpeakers> {
	const [head] = await db
		.select({
			turnSeconds: groups.speakingTurnSeconds,
			itemId: agendaItems.id,
			title: agendaItems.title,
			plannedMinutes: agendaItems.plannedMinutes,
			startedAt: meetingLive.currentItemStartedAt
		})
		.from(meetings)
		.innerJoin(groups, eq(groups.id, meetings.groupId))
		.leftJoin(meetingLive, eq(meetingLive.meetingId, meetings.id))
		.leftJoin(agendaItems, eq(agendaItems.id, meetingLive.currentAgendaItemId))
		.where(eq(meetings.id, meetingId));
	const rows = await selectRequests(db, meetingId);
	return {
		currentItem:
			head?.itemId && head.title !== null
				? {
						id: head.itemId,
						title: head.title,
						plannedMinutes: head.plannedMinutes ?? 0,
						startedAt: (head.startedAt ?? new Date()).toISOString()
					}
				: null,
		turnSeconds: head?.turnSeconds ?? 180,
		list: rows.map(toPublic),
		serverTime: new Date().toISOString()
	};
}

/** The ids of a signed-in viewer's own open requests to speak at the meeting. */
export async function ownSpeakerRequests(db: Executor, meetingId: string, userId: string | null) {
	if (!userId) return [];
	const rows = await db
		.select({ id: speakerRequests.id })
		.from(speakerRequests)
		.where(
			and(
				eq(speakerRequests.meetingId, meetingId),
				eq(speakerRequests.userId, userId),
				inArray(speakerRequests.state, ['waiting', 'speaking'])
			)
		);
	return rows.map((r) => r.id);
}

/** Tells the live pages the list changed (called once its transaction committed). */
export async function announceSpeakers(db: Executor, meetingId: string, seq: number) {
	emit('speakers:changed', { meetingId, seq, speakers: await speakersOf(db, meetingId) });
}

/** The public list of a meeting (a draft meeting's, to its officers only). */
export async function listSpeakers(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string
) {
	const { group, meeting, roles } = await findMeeting(db, actor, groupSlug, meetingNumber);
	return { group, meeting, roles, speakers: await speakersOf(db, meeting.id) };
}

/** Whole seconds between two times. */
const secondsBetween = (from: Date, to: Date) =>
	Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * Who spoke at a meeting, per agenda item in agenda order (turns on no item last), who asked and
 * was not reached, and the totals per organisation: the meeting's record and the minutes draft's
 * section.
 */
export async function speakingRecord(db: Executor, meetingId: string): Promise<SpeakingRecord> {
	const rows = await db
		.select({
			request: speakerRequests,
			organisation: memberships.organisationName,
			title: agendaItems.title,
			itemPosition: agendaItems.position
		})
		.from(speakerRequests)
		.leftJoin(memberships, eq(memberships.id, speakerRequests.membershipId))
		.leftJoin(agendaItems, eq(agendaItems.id, speakerRequests.agendaItemId))
		.where(
			and(
				eq(speakerRequests.meetingId, meetingId),
				inArray(speakerRequests.state, ['spoke', 'not_reached'])
			)
		)
		.orderBy(
			asc(speakerRequests.startedAt),
			asc(speakerRequests.position),
			asc(speakerRequests.id)
		);
	const items = new Map<string, SpeakingRecord['items'][number] & { order: number }>();
	const totals = new Map<string, SpeakingRecord['totals'][number]>();
	for (const row of rows) {
		const r = row.request;
		const turn = toPublic(row);
		const key = r.agendaItemId ?? '';
		if (!items.has(key)) {
			items.set(key, {
				agendaItemId: r.agendaItemId,
				title: row.title,
				order: row.itemPosition ?? Number.MAX_SAFE_INTEGER,
				turns: [],
				notReached: []
			});
		}
		const item = items.get(key)!;
		if (r.state === 'not_reached') {
			item.notReached.push({
				name: turn.name,
				organisation: turn.organisation,
				shownAs: turn.shownAs
			});
			continue;
		}
		if (!r.startedAt || !r.endedAt) continue;
		const seconds = secondsBetween(r.startedAt, r.endedAt);
		item.turns.push({
			name: turn.name,
			organisation: turn.organisation,
			shownAs: turn.shownAs,
			startedAt: r.startedAt.toISOString(),
			seconds
		});
		const organisation = turn.organisation;
		const total = totals.get(organisation ?? '') ?? { organisation, turns: 0, seconds: 0 };
		total.turns += 1;
		total.seconds += seconds;
		totals.set(organisation ?? '', total);
	}
	return {
		items: [...items.values()]
			.sort((a, b) => a.order - b.order)
			.map(({ agendaItemId, title, turns, notReached }) => ({
				agendaItemId,
				title,
				turns,
				notReached
			})),
		totals: [...totals.values()].sort(
			(a, b) =>
				b.seconds - a.seconds ||
				(a.organisation === null ? 1 : b.organisation === null ? -1 : 0) ||
				(a.organisation ?? '').localeCompare(b.organisation ?? '')
		)
	};
}
