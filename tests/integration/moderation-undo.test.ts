import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import { decisionLog, questions, questionVotes } from '$lib/server/db/schema';
import { askQuestion } from '$lib/server/questions/ask';
import { castVote } from '$lib/server/questions/votes';
import { liveSnapshot, type Participant } from '$lib/server/questions/live';
import {
	moderateQuestion,
	restoreQuestion,
	updateLiveSettings
} from '$lib/server/questions/moderate';
import { closingSummary } from '$lib/server/questions/closing';
import { endAppointment, listOfficers } from '$lib/server/groups/officers';
import type { Database } from '$lib/server/db';

/**
 * Moderating without mistakes (issue 20, item 4): a rejection, a merge and an answer status can
 * be undone, each undo a public decision of its own; and the asker's own view (item 6).
 */
describeOnEachDatabase('undoing moderation', (handle) => {
	const votersOf = async (db: Database, questionId: string) =>
		(await db.select().from(questionVotes).where(eq(questionVotes.questionId, questionId)))
			.map((v) => v.voterKey)
			.sort();

	const entriesFor = async (db: Database, questionId: string) =>
		(
			await db
				.select()
				.from(decisionLog)
				.where(eq(decisionLog.subject, `question:${questionId}`))
				.orderBy(decisionLog.seq)
		).map((e) => ({ kind: e.kind, payload: e.payload }));

	it('restores a rejected question where it was, logged publicly like the rejection', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const q = await askQuestion(db, attendee(), context, {
			text: 'Who checks the custody records?',
			anonymous: true
		});
		await castVote(db, attendee(), context, { questionId: q.id });
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'reject',
			questionId: q.id,
			reason: 'off_topic',
			note: 'Clicked by mistake'
		});
		await restoreQuestion(db, live.chairParticipant, context, { questionId: q.id });
		const [row] = await db.select().from(questions).where(eq(questions.id, q.id));
		expect(row).toMatchObject({
			state: 'published',
			rejectionReason: null,
			rejectionNote: null
		});
		const publicView = await liveSnapshot(db, await live.publicContext(), attendee());
		expect(publicView.questions.find((x) => x.id === q.id)).toMatchObject({
			state: 'published',
			votes: 1
		});
		const entries = await entriesFor(db, q.id);
		expect(entries.map((e) => e.kind)).toEqual(['question.rejected', 'question.restored']);
		expect(entries[1].payload).toMatchObject({
			question: q.id,
			text: 'Who checks the custody records?',
			state: 'published',
			was: 'rejected',
			reason: 'off_topic'
		});
		// Restoring twice is refused: the question is no longer rejected.
		const again = await failure(
			restoreQuestion(db, live.chairParticipant, context, { questionId: q.id })
		);
		expect(again.msg.key).toBe('question.not_restorable');
	});

	it('un-merges exactly: each question gets back its own votes, a voter of both keeps both', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const ask = (text: string) => askQuestion(db, attendee(), context, { text, anonymous: true });
		const keep = await ask('What safeguards check accuracy?');
		const dup = await ask('How is the accuracy of foreign records checked?');
		const [both, dupOnly, keepOnly] = [attendee(), attendee(), attendee()];
		await castVote(db, both, context, { questionId: keep.id });
		await castVote(db, both, context, { questionId: dup.id });
		await castVote(db, dupOnly, context, { questionId: dup.id });
		await castVote(db, keepOnly, context, { questionId: keep.id });
		const keepBefore = await votersOf(db, keep.id);
		const dupBefore = await votersOf(db, dup.id);
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'merge',
			questionId: dup.id,
			intoId: keep.id
		});
		expect(await votersOf(db, keep.id)).toHaveLength(3);
		expect(await votersOf(db, dup.id)).toHaveLength(0);
		await restoreQuestion(db, live.chairParticipant, context, { questionId: dup.id });
		expect(await votersOf(db, keep.id)).toEqual(keepBefore);
		expect(await votersOf(db, dup.id)).toEqual(dupBefore);
		const [row] = await db.select().from(questions).where(eq(questions.id, dup.id));
		expect(row).toMatchObject({ state: 'published', mergedIntoId: null, rejectionReason: null });
		const entries = await entriesFor(db, dup.id);
		expect(entries.map((e) => e.kind)).toEqual(['question.merged', 'question.restored']);
		expect(entries[1].payload).toMatchObject({ was: 'merged', from: keep.id });
		// The decision log says nothing about who voted.
		expect(JSON.stringify(entries)).not.toContain(keepBefore[0]);
		// Each viewer's vote is theirs again: the voter of both sees both voted.
		const view = await liveSnapshot(db, context, both);
		expect(view.viewer.voted.sort()).toEqual([keep.id, dup.id].sort());
	});

	it('returns a restored question that was never approved to the approval queue', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		await updateLiveSettings(db, live.chairParticipant, await live.context(), {
			mode: 'premoderated',
			questionCap: '5'
		});
		const context = await live.context();
		const asker = attendee();
		const q = await askQuestion(db, asker, context, { text: 'Pending one?', anonymous: true });
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'reject',
			questionId: q.id,
			reason: 'abusive'
		});
		await restoreQuestion(db, live.chairParticipant, context, { questionId: q.id });
		const publicView = await liveSnapshot(db, await live.publicContext(), attendee());
		expect(publicView.questions.map((x) => x.id)).not.toContain(q.id);
		const askerView = await liveSnapshot(db, await live.publicContext(), asker);
		expect(askerView.questions.find((x) => x.id === q.id)).toMatchObject({
			state: 'pending',
			text: 'Pending one?'
		});
		const entries = await entriesFor(db, q.id);
		// The text rejected as abusive was withheld; restored, it is shown again.
		expect(entries[0].payload.text).toBeNull();
		expect(entries[1].payload).toMatchObject({ state: 'pending', text: 'Pending one?' });
	});

	it('undoes an answer status by recording the previous one again, logged as an undo', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const q = await askQuestion(db, attendee(), context, { text: 'Status?', anonymous: true });
		const status = (s: string, summary?: string) =>
			moderateQuestion(db, live.chairParticipant, context, {
				action: 'status',
				questionId: q.id,
				status: s,
				summary
			});
		const undo = () =>
			moderateQuestion(db, live.chairParticipant, context, {
				action: 'undo_status',
				questionId: q.id
			});
		const nothing = await failure(undo());
		expect(nothing.msg.key).toBe('question.nothing_to_undo');
		await status('partly_answered', 'Half of it.');
		await status('declined');
		await undo();
		let [row] = await db.select().from(questions).where(eq(questions.id, q.id));
		expect(row).toMatchObject({ answerStatus: 'partly_answered', answerSummary: 'Half of it.' });
		// Only the latest status is undone, once.
		expect((await failure(undo())).msg.key).toBe('question.nothing_to_undo');
		await status('answered', 'All of it.');
		await undo();
		[row] = await db.select().from(questions).where(eq(questions.id, q.id));
		expect(row).toMatchObject({ answerStatus: 'partly_answered', answerSummary: 'Half of it.' });
		const kinds = (await entriesFor(db, q.id)).map((e) => [e.kind, e.payload.status]);
		expect(kinds).toEqual([
			['question.answered', 'partly_answered'],
			['question.answered', 'declined'],
			['question.status_undone', 'partly_answered'],
			['question.answered', 'answered'],
			['question.status_undone', 'partly_answered']
		]);
		// The first status undone returns the question to open.
		const other = await askQuestion(db, attendee(), context, { text: 'Other?', anonymous: true });
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'status',
			questionId: other.id,
			status: 'answered'
		});
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'undo_status',
			questionId: other.id
		});
		[row] = await db.select().from(questions).where(eq(questions.id, other.id));
		expect(row).toMatchObject({ answerStatus: 'open', answerSummary: null, answeredAt: null });
		// A deferral made a commitment: it is not undone here.
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'status',
			questionId: other.id,
			status: 'deferred',
			owner: 'The inspector',
			dueOn: '2027-01-31'
		});
		const deferred = await failure(
			moderateQuestion(db, live.chairParticipant, context, {
				action: 'undo_status',
				questionId: other.id
			})
		);
		expect(deferred.msg.key).toBe('question.undo_deferred');
	});

	it('lets only officers restore or undo: an attendee and an ended officer are refused', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const q = await askQuestion(db, attendee(), context, { text: 'Refused?', anonymous: true });
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'reject',
			questionId: q.id,
			reason: 'off_topic'
		});
		const stranger = await failure(restoreQuestion(db, attendee(), context, { questionId: q.id }));
		expect(stranger.code).toBe('not_signed_in');
		const secretary: Participant = { ...actorOf(live.secretary), token: null };
		const [appointment] = (await listOfficers(db, live.group.id)).filter(
			(o) => o.userId === live.secretary.id
		);
		await endAppointment(db, actorOf(live.chair), live.group.slug, appointment.id, {
			reason: 'Stood down.'
		});
		const ended = await failure(restoreQuestion(db, secretary, context, { questionId: q.id }));
		expect(ended.code).toBe('not_allowed');
		const undo = await failure(
			moderateQuestion(db, secretary, context, { action: 'undo_status', questionId: q.id })
		);
		expect(undo.code).toBe('not_allowed');
		const [row] = await db.select().from(questions).where(eq(questions.id, q.id));
		expect(row.state).toBe('rejected');
		expect((await entriesFor(db, q.id)).map((e) => e.kind)).toEqual(['question.rejected']);
	});

	it('shows the asker their pending and rejected question, with the reason, and no one else', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		await updateLiveSettings(db, live.chairParticipant, await live.context(), {
			mode: 'premoderated',
			questionCap: '5'
		});
		const asker = attendee();
		const neighbour = attendee();
		const context = await live.publicContext();
		const q = await askQuestion(db, asker, context, {
			text: 'A question with a private name in it',
			anonymous: true
		});
		const mine = await liveSnapshot(db, context, asker);
		expect(mine.viewer.mine).toEqual([q.id]);
		expect(mine.questions.find((x) => x.id === q.id)?.state).toBe('pending');
		const theirs = await liveSnapshot(db, context, neighbour);
		expect(theirs.viewer.mine).toEqual([]);
		expect(theirs.questions.map((x) => x.id)).not.toContain(q.id);
		await moderateQuestion(db, live.chairParticipant, await live.context(), {
			action: 'reject',
			questionId: q.id,
			reason: 'personal_data',
			note: 'It names someone.'
		});
		const after = await liveSnapshot(db, context, asker);
		expect(after.questions.find((x) => x.id === q.id)).toMatchObject({
			state: 'rejected',
			rejectionReason: 'personal_data',
			rejectionNote: 'It names someone.',
			text: 'A question with a private name in it' // their own text, to them alone
		});
		const neighbourAfter = await liveSnapshot(db, context, neighbour);
		expect(neighbourAfter.viewer.mine).toEqual([]);
		expect(neighbourAfter.questions.find((x) => x.id === q.id)?.text).toBeNull();
	});

	it('tells the chair what closing will do', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const open = await askQuestion(db, attendee(), context, { text: 'Open one', anonymous: true });
		const done = await askQuestion(db, attendee(), context, { text: 'Done one', anonymous: true });
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'status',
			questionId: done.id,
			status: 'answered'
		});
		await updateLiveSettings(db, live.chairParticipant, context, {
			mode: 'premoderated',
			questionCap: '5'
		});
		await askQuestion(db, attendee(), context, { text: 'Waiting one', anonymous: true });
		expect(await closingSummary(db, live.meeting.id)).toEqual({ notReached: 1, pending: 1 });
		const [row] = await db
			.select()
			.from(questions)
			.where(and(eq(questions.id, open.id), eq(questions.answerStatus, 'open')));
		expect(row).toBeDefined();
	});
});
