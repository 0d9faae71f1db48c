import { count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import { auditLog, commitments, decisionLog, questions } from '$lib/server/db/schema';
import { askQuestion, recordFloorQuestion } from '$lib/server/questions/ask';
import { castVote } from '$lib/server/questions/votes';
import { moderateQuestion } from '$lib/server/questions/moderate';
import type { Participant } from '$lib/server/questions/live';
import type { Database } from '$lib/server/db';

/**
 * R5 (issue 16, docs/reliability.md): a client event sent twice (a double click on the console,
 * a retry after a lost acknowledgement, the form posted after the socket's answer went missing)
 * or two events in the other order apply once. Every moderation action and a question from the
 * floor carry the page's `requestId`; a vote and a rating are states, so a repeat changes nothing.
 */
describeOnEachDatabase('duplicated and reordered events', (handle) => {
	/** What a change leaves behind: decision log and audit entries, promises, questions. */
	const traces = async (db: Database) => {
		const [[log], [audit], [promises], [asked]] = await Promise.all([
			db.select({ n: count() }).from(decisionLog),
			db.select({ n: count() }).from(auditLog),
			db.select({ n: count() }).from(commitments),
			db.select({ n: count() }).from(questions)
		]);
		return { log: log.n, audit: audit.n, promises: promises.n, questions: asked.n };
	};

	it('applies every moderation action once however often it is sent, in turn or at once', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const chair = live.chairParticipant;
		const ask = (text: string) => askQuestion(db, attendee(), context, { text, anonymous: true });
		const [a, b, c, d] = await Promise.all([
			ask('Who checks the custody records?'),
			ask('How long are records kept?'),
			ask('How long are records kept, really?'),
			ask('Who signs off each operation?')
		]);
		const actions: Record<string, unknown>[] = [
			{ action: 'pin', questionId: a.id },
			{ action: 'unpin' },
			{
				action: 'status',
				questionId: a.id,
				status: 'answered',
				summary: 'Monthly, by the sergeant.'
			},
			{ action: 'undo_status', questionId: a.id },
			{
				action: 'status',
				questionId: d.id,
				status: 'deferred',
				owner: 'Chief Inspector',
				dueOn: '2027-03-01'
			},
			{ action: 'merge', questionId: c.id, intoId: b.id },
			{ action: 'restore', questionId: c.id },
			{ action: 'reject', questionId: c.id, reason: 'off_topic' }
		];
		for (const action of actions) {
			const requestId = crypto.randomUUID();
			const before = await traces(db);
			const first = await moderateQuestion(db, chair, context, { ...action, requestId });
			const after = await traces(db);
			// Sent again in turn, and twice more at once: nothing more is written, and each is
			// answered as the first was (a success, at the meeting's current `seq`).
			const again = await moderateQuestion(db, chair, context, { ...action, requestId });
			const racing = await Promise.all(
				[0, 1].map(() => moderateQuestion(db, chair, context, { ...action, requestId }))
			);
			expect(await traces(db), JSON.stringify(action)).toEqual(after);
			expect(after.audit).toBe(before.audit + 1);
			for (const reply of [again, ...racing]) expect(reply.seq).toBeGreaterThanOrEqual(first.seq);
		}
		// One promise from the deferral, and question d's answer recorded once.
		const promised = await db.select().from(commitments).where(eq(commitments.questionId, d.id));
		expect(promised).toHaveLength(1);
		const answered = await db
			.select()
			.from(decisionLog)
			.where(eq(decisionLog.subject, `question:${d.id}`));
		expect(answered.map((e) => e.kind)).toEqual(['question.answered']);
	});

	it('keeps requests apart: another officer’s or another action’s id is its own request', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const q = await askQuestion(db, attendee(), context, { text: 'Who decides?', anonymous: true });
		const requestId = crypto.randomUUID();
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'pin',
			questionId: q.id,
			requestId
		});
		const secretary = { ...actorOf(live.secretary), token: 'secretary-browser' } as Participant;
		const before = await traces(db);
		await moderateQuestion(db, secretary, context, { action: 'unpin', requestId });
		expect((await traces(db)).audit).toBe(before.audit + 1);
		// Without a request id, each send is an action of its own (as an API client may want).
		await moderateQuestion(db, live.chairParticipant, context, { action: 'unpin' });
		expect((await traces(db)).audit).toBe(before.audit + 2);
		const bad = await failure(
			moderateQuestion(db, live.chairParticipant, context, { action: 'unpin', requestId: 'x' })
		);
		expect(bad.fields.requestId).toBeTruthy();
	});

	it('records a question from the floor once, and reordered moderation of it applies once', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const chair = live.chairParticipant;
		const requestId = crypto.randomUUID();
		const floor = { text: 'From the floor: who pays for this?', requestId };
		const [first, second] = await Promise.all([
			recordFloorQuestion(db, chair, context, floor),
			recordFloorQuestion(db, chair, context, floor)
		]);
		const third = await recordFloorQuestion(db, chair, context, floor);
		expect(second.id).toBe(first.id);
		expect(third.id).toBe(first.id);
		const recorded = await db
			.select()
			.from(questions)
			.where(eq(questions.meetingId, live.meeting.id));
		expect(recorded.map((q) => q.id)).toEqual([first.id]);

		// An answer and its undo arrive the other way round (two tabs, a slow network): the undo
		// finds nothing to undo and is refused; the answer then applies, once.
		const answer = {
			action: 'status',
			questionId: first.id,
			status: 'answered',
			requestId: crypto.randomUUID()
		};
		const undo = { action: 'undo_status', questionId: first.id, requestId: crypto.randomUUID() };
		expect((await failure(moderateQuestion(db, chair, context, undo))).msg.key).toBe(
			'question.nothing_to_undo'
		);
		await moderateQuestion(db, chair, context, answer);
		await moderateQuestion(db, chair, context, answer);
		const entries = await db
			.select()
			.from(decisionLog)
			.where(eq(decisionLog.subject, `question:${first.id}`));
		expect(entries.map((e) => e.kind)).toEqual(['question.answered']);
		// A vote sent twice is one vote; sent after its question was answered, still one.
		const voter = attendee();
		await castVote(db, voter, context, { questionId: first.id });
		await castVote(db, voter, context, { questionId: first.id });
		const [row] = await db.select().from(questions).where(eq(questions.id, first.id));
		expect(row.answerStatus).toBe('answered');
	});
});
