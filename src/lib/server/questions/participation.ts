import { timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Executor } from '../db';
import { memberships, type Meeting } from '../db/schema';
import { DomainError } from '../errors';
import type { MessageKey } from '$lib/i18n';
import { keyedTag } from '../secrets';
import { identityOf, type ParticipantLike } from './participant';
import { representedBy } from '../membership/representatives';

/**
 * Who may take part (ask, vote, rate, withdraw) in a meeting's live Q&A: its participation rule,
 * set by officers, public, changeable while live. Watching is always open to all.
 * - `open`: anyone with the link (and an identity: participant.ts);
 * - `room_code`: those who entered the meeting's room code in this browser (or followed the
 *   screen's QR code, which carries it) — the default for new meetings;
 * - `signed_in`: people signed in to an account;
 * - `members`: representatives of the group's member organisations.
 * Officers of the group may always take part.
 */
export type ParticipationRule = Meeting['participation'];

/** A browser admitted to meetings by their room code: the admissions its cookie carries. */
export type Admitted = { rooms?: readonly string[] };

/** The cookie that remembers, per browser, the meetings whose room code it entered. */
export const roomsCookie = 'rooms';
/** At most this many meetings are remembered (the oldest is forgotten first). */
const roomsKept = 8;
const tagBytes = 16;

/**
 * The proof that this identity entered this meeting's room code: a MAC, so it can be neither
 * forged nor moved to another browser or meeting. It does not name the code, so a rotated code
 * leaves everyone already admitted admitted.
 */
export function admissionTag(identity: string, meetingId: string) {
	return encodeBase32LowerCaseNoPadding(
		keyedTag('admission', `${meetingId}\n${identity}`, tagBytes)
	);
}

export function isAdmitted(participant: ParticipantLike & Admitted, meetingId: string) {
	const identity = identityOf(participant);
	if (!identity || !participant.rooms?.length) return false;
	const expected = Buffer.from(admissionTag(identity, meetingId));
	return participant.rooms.some(
		(tag) => tag.length === expected.length && timingSafeEqual(Buffer.from(tag), expected)
	);
}

/** The admissions a `rooms` cookie carries (anything malformed is ignored). */
export function parseRooms(cookie: string | undefined): string[] {
	return (cookie ?? '')
		.split('.')
		.filter((tag) => /^[a-z2-7]{26}$/.test(tag))
		.slice(-roomsKept);
}

/** The cookie value after admitting `tag`: the newest last, at most `roomsKept`. */
export function withRoom(rooms: readonly string[], tag: string): string {
	return [...rooms.filter((r) => r !== tag), tag].slice(-roomsKept).join('.');
}

/** Why someone may not take part under a rule, or null when they may (a pure rule). */
export function refusalUnder(
	rule: ParticipationRule,
	viewer: { signedIn: boolean; canModerate: boolean; admitted: boolean; representative: boolean }
): MessageKey | null {
	if (viewer.canModerate) return null;
	switch (rule) {
		case 'open':
			return null;
		case 'room_code':
			return viewer.admitted ? null : 'participation.room_code_needed';
		case 'signed_in':
			return viewer.signedIn ? null : 'participation.sign_in_needed';
		case 'members':
			return viewer.representative ? null : 'participation.members_only';
	}
}

/** Whether the signed-in person represents one of the group's current member organisations. */
export async function representsMember(db: Executor, groupId: string, userId: string) {
	const [row] = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(
			and(
				eq(memberships.groupId, groupId),
				inArray(memberships.applicationId, representedBy(db, userId)),
				isNull(memberships.endedAt)
			)
		)
		.limit(1);
	return !!row;
}

type Context = {
	group: { id: string };
	meeting: Pick<Meeting, 'id' | 'participation'>;
	canModerate: boolean;
};

/** What a refusal says: `not_allowed`, with the rule's own message (the client offers the way in). */
const refused = (key: MessageKey) => new DomainError('not_allowed', { key });

/** Throws unless the participant may take part under the meeting's rule as it now stands. */
export async function requireTakingPart(
	db: Executor,
	participant: ParticipantLike & Admitted,
	context: Context
) {
	const rule = context.meeting.participation;
	const key = refusalUnder(rule, {
		signedIn: !!participant.user,
		canModerate: context.canModerate,
		admitted: rule === 'room_code' && isAdmitted(participant, context.meeting.id),
		representative:
			rule === 'members' &&
			!!participant.user &&
			(await representsMember(db, context.group.id, participant.user.id))
	});
	if (key) throw refused(key);
}

/**
 * The rule as a condition of the vote statement (`m` the meeting, which it reads anyway), so a
 * vote is checked against the rule as it stands at the write, even when the socket's context was
 * read before an officer tightened it.
 */
export function takingPartCondition(
	participant: ParticipantLike & Admitted,
	meetingId: string,
	canModerate: boolean
): SQL {
	if (canModerate) return sql`true`;
	const userId = participant.user?.id ?? null;
	return sql`(m.participation = 'open'
		or (m.participation = 'room_code' and ${isAdmitted(participant, meetingId)})
		or (m.participation = 'signed_in' and ${userId !== null})
		or (m.participation = 'members' and exists (select 1 from memberships ms
			join representatives r on r.application_id = ms.application_id
			where ms.group_id = m.group_id and r.user_id = ${userId}
				and r.removed_at is null and ms.ended_at is null)))`;
}
