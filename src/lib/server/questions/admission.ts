import { timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db';
import type { MessageKey } from '$lib/i18n';
import { groups, meetings } from '../db/schema';
import { authorise } from '../auth/authorise';
import { consume, consumeOffRecord, limits, refuseIfSpent } from '../rate-limit';
import { invalidField } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { appendDecision } from '../decision-log/log';
import { joinCodes, withUniqueJoinCode } from '../meetings/join-code';
import { participationSchema, roomCodeSchema } from '$lib/schemas/questions';
import { emit } from '../events';
import { bumpSeq, liveSettings, toLiveMeeting, type LiveContext, type Participant } from './live';
import { admissionTag } from './participation';
import { requireQuestionsOpen } from './ask';
import { questionStates, takesQuestions } from '$lib/questions-open';

function sameCode(typed: string, actual: string | null) {
	if (!actual || typed.length !== actual.length) return false;
	return timingSafeEqual(Buffer.from(typed), Buffer.from(actual));
}

/**
 * A browser enters the meeting's room code (typed, or carried by the screen's QR code). Returns
 * the admission to remember in its `rooms` cookie. Guessing is limited twice: wrong codes per
 * client address (a hall shares one, so the allowance is generous and right codes do not count)
 * and every attempt per identity; with 32⁸ possible codes, either limit makes guessing hopeless
 * (docs/trust.md).
 */
export async function enterRoomCode(
	db: Database,
	identity: string,
	context: LiveContext,
	input: unknown,
	clientAddress: string
) {
	requireQuestionsOpen(context);
	const code = await attemptRoomCode(db, identity, input, clientAddress);
	if (!sameCode(code, context.meeting.joinCode)) {
		throw await wrongRoomCode(db, clientAddress, 'participation.room_code_wrong');
	}
	return admissionTag(identity, context.meeting.id);
}

/**
 * One attempt at a room code, whichever door it came through: every attempt counts against the
 * participant, and only wrong ones against the client address (`wrongRoomCode`: a hall shares
 * one address). Once an address has spent its wrong guesses even the right code is refused, so
 * the answer never tells a guesser which try was right.
 */
async function attemptRoomCode(
	db: Database,
	identity: string,
	input: unknown,
	clientAddress: string
) {
	const { code } = parseInput(roomCodeSchema, input);
	await refuseIfSpent(db, limits.roomCodePerClient, clientAddress);
	await consumeOffRecord(db, limits.roomCodePerParticipant, identity);
	return code;
}

/** A wrong code: counted against the client address, then the error to throw. */
async function wrongRoomCode(db: Database, clientAddress: string, key: MessageKey) {
	await consume(db, limits.roomCodePerClient, clientAddress);
	return invalidField('code', key);
}

/**
 * A browser enters a room code at the short address (`/join`), without naming the meeting: the
 * live meeting whose code it is admits it, exactly as entering the code on that meeting's page
 * does (the same limits, the same admission). Codes are unique (the column's constraint), so at
 * most one meeting answers. Returns the admission and where the meeting's live page is.
 */
export async function joinByRoomCode(
	db: Database,
	identity: string,
	input: unknown,
	clientAddress: string
) {
	const code = await attemptRoomCode(db, identity, input, clientAddress);
	const [found] = await db
		.select({ id: meetings.id, number: meetings.number, group: groups.slug })
		.from(meetings)
		.innerJoin(groups, eq(groups.id, meetings.groupId))
		.where(and(eq(meetings.joinCode, code), inArray(meetings.state, [...questionStates])))
		.limit(1);
	if (!found) throw await wrongRoomCode(db, clientAddress, 'room.code_unknown');
	return {
		admission: admissionTag(identity, found.id),
		group: found.group,
		number: found.number
	};
}

/** Officers set who may take part; the change is public, on the decision log and broadcast. */
export async function setParticipation(
	db: Database,
	actor: Participant,
	context: LiveContext,
	input: unknown
) {
	const officer = await authorise(db, actor, 'question.moderate', context.group.id);
	const { participation } = parseInput(participationSchema, input);
	const { meeting, group } = context;
	if (participation === meeting.participation) return { participation };
	const now = new Date();
	const seq = await withUniqueJoinCode(() =>
		db.transaction(async (tx) => {
			// A rule that needs a code gets one, if the meeting has none yet. Checked at the write:
			// the context may predate a rotation, whose code must not be written over.
			const drawn =
				participation === 'room_code' && takesQuestions(meeting.state) ? joinCodes.draw() : null;
			await tx
				.update(meetings)
				.set({
					participation,
					...(drawn && { joinCode: sql`coalesce(${meetings.joinCode}, ${drawn})` })
				})
				.where(eq(meetings.id, meeting.id));
			await appendDecision(tx, group.id, {
				kind: 'participation.changed',
				subject: `meeting:${meeting.number}`,
				at: now,
				payload: { meeting: meeting.number, from: meeting.participation, to: participation }
			});
			await recordAudit(tx, {
				actorId: officer.id,
				groupId: group.id,
				action: 'meeting.participation',
				subject: meeting.id,
				details: { participation }
			});
			return bumpSeq(tx, meeting.id);
		})
	);
	const changed = { ...meeting, participation };
	emit('meeting:changed', {
		meetingId: meeting.id,
		seq,
		meeting: toLiveMeeting(group, changed, await liveSettings(db, meeting.id))
	});
	return { participation };
}

/**
 * Officers rotate the room code (a code that leaked), or make one before the meeting for questions
 * in advance (to send to those invited); those already admitted stay admitted. Going live draws a
 * fresh code for the room either way.
 */
export async function rotateRoomCode(db: Database, actor: Participant, context: LiveContext) {
	const officer = await authorise(db, actor, 'question.moderate', context.group.id);
	requireQuestionsOpen(context);
	const { joinCode, seq } = await withUniqueJoinCode(() =>
		db.transaction(async (tx) => {
			const joinCode = joinCodes.draw();
			await tx.update(meetings).set({ joinCode }).where(eq(meetings.id, context.meeting.id));
			await recordAudit(tx, {
				actorId: officer.id,
				groupId: context.group.id,
				action: 'meeting.room_code_rotated',
				subject: context.meeting.id
			});
			return { joinCode, seq: await bumpSeq(tx, context.meeting.id) };
		})
	);
	const changed = { ...context.meeting, joinCode };
	emit('meeting:changed', {
		meetingId: context.meeting.id,
		seq,
		meeting: toLiveMeeting(context.group, changed, await liveSettings(db, context.meeting.id))
	});
	return { joinCode };
}
