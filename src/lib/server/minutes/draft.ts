import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { commitments, minutes, questions, type Group, type Meeting } from '../db/schema';
import type { Actor } from '../auth/authorise';
import { conflict } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { translatorFor } from '../i18n';
import { defaultLocale, isLocale } from '$lib/i18n';
import { draftSchema } from '$lib/schemas/minutes';
import { listAgenda } from '../meetings/agenda';
import { listAttendance } from '../meetings/attendance';
import { liveQuestions } from '../questions/live';
import { motionsOfMeeting } from '../motions/read';
import { speakingRecord } from '../speakers/read';
import { draftMarkdown } from './generate';
import { lockMinutes, minutesForChange } from './access';

/**
 * Reads the meeting's record and writes it out as the draft's markdown, in the group's own
 * language (whoever closes the meeting or asks for the draft again).
 */
export async function generateDraft(db: Executor, group: Group, meeting: Meeting) {
	const locale = isLocale(group.language) ? group.language : defaultLocale;
	const [agenda, attendance, rows, actions, motions, speakers] = await Promise.all([
		listAgenda(db, meeting.id),
		listAttendance(db, meeting.id),
		db
			.select()
			.from(questions)
			.where(eq(questions.meetingId, meeting.id))
			.orderBy(asc(questions.askedAt)),
		db
			.select()
			.from(commitments)
			.where(eq(commitments.meetingId, meeting.id))
			.orderBy(asc(commitments.dueOn), asc(commitments.createdAt)),
		motionsOfMeeting(db, group.id, meeting.id),
		speakingRecord(db, meeting.id)
	]);
	return draftMarkdown(
		{
			meeting,
			timeZone: group.timeZone,
			attendance,
			agenda,
			questions: await liveQuestions(db, rows),
			motions,
			speakers,
			commitments: actions
		},
		{ t: translatorFor(locale), locale }
	);
}

/**
 * Called in the transaction that closes the meeting: writes the first draft. Closing twice (it
 * cannot, but a retry might) keeps the draft already there.
 */
export async function createDraftOnClose(tx: Executor, group: Group, meeting: Meeting) {
	await tx
		.insert(minutes)
		.values({ meetingId: meeting.id, draft: await generateDraft(tx, group, meeting) })
		.onConflictDoNothing({ target: minutes.meetingId });
}

/** The secretary or chair saves the draft (it may be empty while being written). */
export async function saveDraft(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown
) {
	const { group, meeting, user } = await minutesForChange(db, actor, groupSlug, number);
	const data = parseInput(draftSchema, input);
	return db.transaction((tx) =>
		writeDraft(tx, { group, meeting, user }, data.markdown, 'minutes.draft')
	);
}

/** Stores an officer's new draft of the minutes, with its audit entry (inside a transaction). */
async function writeDraft(
	tx: Executor,
	{ group, meeting, user }: { group: Group; meeting: Meeting; user: { id: string } },
	draft: string,
	action: 'minutes.draft' | 'minutes.regenerate'
) {
	const now = new Date();
	const [row] = await tx
		.insert(minutes)
		.values({ meetingId: meeting.id, draft, draftUpdatedAt: now, draftUpdatedBy: user.id })
		.onConflictDoUpdate({
			target: minutes.meetingId,
			set: { draft, draftUpdatedAt: now, draftUpdatedBy: user.id }
		})
		.returning();
	await recordAudit(tx, {
		actorId: user.id,
		groupId: group.id,
		action,
		subject: String(meeting.number)
	});
	return row;
}

/**
 * Writes the draft again from the meeting's record, replacing the secretary's edits: only while
 * nothing has been published (an amendment starts from the published text instead).
 */
export async function regenerateDraft(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
) {
	const { group, meeting, user } = await minutesForChange(db, actor, groupSlug, number);
	return db.transaction(async (tx) => {
		const existing = await tx
			.select({ version: minutes.publishedVersion })
			.from(minutes)
			.where(eq(minutes.meetingId, meeting.id));
		if (existing.length) {
			const row = await lockMinutes(tx, meeting.id);
			if (row.publishedVersion > 0) throw conflict('minutes.already_published');
		}
		const draft = await generateDraft(tx, group, meeting);
		return writeDraft(tx, { group, meeting, user }, draft, 'minutes.regenerate');
	});
}
