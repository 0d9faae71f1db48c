import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeUser } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { commitments, questions, questionVotes, rateLimits } from '$lib/server/db/schema';
import { changeMeetingState } from '$lib/server/meetings/meetings';
import { liveSnapshot } from '$lib/server/questions/live';
import { askQuestion, recordFloorQuestion, withdrawQuestion } from '$lib/server/questions/ask';
import { castVote, rateAnswer } from '$lib/server/questions/votes';
import { moderateQuestion, updateLiveSettings } from '$lib/server/questions/moderate';
import { failure } from '../fixtures/errors';

describeOnEachDatabase('live questions', (handle) => {
	// R5 (issue 16): a question sent twice (a phone retrying on a bad connection, a double tap, the
	// form posted after the socket timed out) was asked twice.
	it('asks once for one request, however often it is sent, and links it to nobody', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const asker = attendee();
		const context = await live.context();
		const request = { text: 'Who sees the custody records?', anonymous: true };
		const requestId = crypto.randomUUID();
		const first = await askQuestion(db, asker, context, { ...request, requestId });
		const again = await askQuestion(db, asker, context, { ...request, requestId });
		const [raceA, raceB] = await Promise.all(
			[0, 1].map(() =>
				askQuestion(db, asker, context, {
					...request,
					requestId: '7c1d2f7e-2c43-4b55-9f1e-5d1b7d4a9e10'
				})
			)
		);
		expect(again.id).toBe(first.id);
		expect(raceB.id).toBe(raceA.id);
		const rows = await db.select().from(questions).where(eq(questions.meetingId, live.meeting.id));
		expect(rows).toHaveLength(2);
		// Another participant's request with the same id is a question of their own.
		const other = await askQuestion(db, attendee(), context, { ...request, requestId });
		expect(other.id).not.toBe(first.id);
		// The request id is not stored, and the question's id does not show it.
		expect(JSON.stringify(rows)).not.toContain(requestId);
		expect(first.id).not.toBe(requestId);
		// Without a request id, each send is a question (as before).
		const plain = attendee();
		const a = await askQuestion(db, plain, context, {
			text: 'A second question here?',
			anonymous: true
		});
		const b = await askQuestion(db, plain, context, {
			text: 'A second question here?',
			anonymous: true
		});
		expect(a.id).not.toBe(b.id);
		const bad = await failure(askQuestion(db, asker, context, { ...request, requestId: 'x' }));
		expect(bad.fields.requestId).toBeTruthy();
	});

	it('stores nothing about the asker of an anonymous question but an unlinkable hash', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const user = await makeUser(db, { displayName: 'Yusuf Ali' });
		const asker = attendee(user);
		const limitRows = (await db.select().from(rateLimits)).length;
		const anonymous = await askQuestion(db, asker, await live.context(), {
			text: 'How long are people held while record checks are done?',
			anonymous: true
		});
		const named = await askQuestion(db, asker, await live.context(), {
			text: 'Who audits the checks?',
			anonymous: false
		});
		const [a] = await db.select().from(questions).where(eq(questions.id, anonymous.id));
		const [n] = await db.select().from(questions).where(eq(questions.id, named.id));
		expect(a.askerUserId).toBeNull();
		expect(a.askerName).toBeNull();
		expect(JSON.stringify(a)).not.toContain(asker.token);
		expect(n.askerUserId).toBe(user.id);
		expect(n.askerName).toBe('Yusuf Ali');
		// Same browser, two questions: nothing stored links them.
		expect(a.askerKey).not.toBe(n.askerKey);
		expect(anonymous.askerName).toBeNull();
		// But the browser itself knows both are its own.
		const snapshot = await liveSnapshot(db, await live.context(), asker);
		expect(snapshot.viewer.mine.sort()).toEqual([anonymous.id, named.id].sort());
		const other = await liveSnapshot(db, await live.context(), attendee());
		expect(other.viewer.mine).toEqual([]);
		// No finer time than the minute is kept of the anonymous one, publicly or in the database,
		// and no rate-limit row records the asker's asking (docs/trust.md).
		expect(a.askedAt.getSeconds() + a.askedAt.getMilliseconds()).toBe(0);
		expect(a.publishedAt?.getTime()).toBe(a.askedAt.getTime());
		expect(anonymous.askedAt).toMatch(/:00\.000Z$/);
		expect(await db.select().from(rateLimits)).toHaveLength(limitRows);
	});

	it('counts one vote per participant exactly, even when the same vote arrives at once', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const q = await askQuestion(db, attendee(), await live.context(), {
			text: 'Are checks audited?',
			anonymous: true
		});
		const voters = Array.from({ length: 8 }, () => attendee());
		const context = await live.context();
		// Every voter clicks three times at once.
		await Promise.all(
			voters.flatMap((v) =>
				[1, 2, 3].map(() => castVote(db, v, context, { questionId: q.id, up: true }))
			)
		);
		const rows = await db.select().from(questionVotes).where(eq(questionVotes.questionId, q.id));
		expect(rows).toHaveLength(8);
		const back = await castVote(db, voters[0], context, { questionId: q.id, up: false });
		expect(back.voteCount).toBe(7);
		const again = await castVote(db, voters[0], context, { questionId: q.id, up: 'false' });
		expect(again.voteCount).toBe(7);
	});

	it('merges duplicates so their votes combine without double counting', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const keep = await askQuestion(db, attendee(), context, {
			text: 'What safeguards check accuracy?',
			anonymous: true
		});
		const dup = await askQuestion(db, attendee(), context, {
			text: 'How is accuracy of foreign records checked?',
			anonymous: true
		});
		const both = attendee();
		await castVote(db, both, context, { questionId: keep.id });
		await castVote(db, both, context, { questionId: dup.id });
		await castVote(db, attendee(), context, { questionId: dup.id });
		await castVote(db, attendee(), context, { questionId: keep.id });
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'merge',
			questionId: dup.id,
			intoId: keep.id
		});
		const snapshot = await liveSnapshot(db, context, both);
		const survivor = snapshot.questions.find((q) => q.id === keep.id)!;
		const merged = snapshot.questions.find((q) => q.id === dup.id)!;
		expect(survivor.votes).toBe(3); // both, the dup's other voter, the keep's other voter
		expect(merged.state).toBe('merged');
		expect(merged.mergedIntoId).toBe(keep.id);
		expect(snapshot.viewer.voted).toEqual([keep.id]);
	});

	it('pre-moderates, rejects with a public reason and withholds a problem text', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		await updateLiveSettings(db, live.chairParticipant, await live.context(), {
			mode: 'premoderated',
			questionCap: '5'
		});
		const asker = attendee();
		const q = await askQuestion(db, asker, await live.context(), {
			text: 'A question naming a private person',
			anonymous: true
		});
		expect(q.state).toBe('pending');
		const publicView = await liveSnapshot(db, await live.publicContext(), attendee());
		expect(publicView.questions.map((x) => x.id)).not.toContain(q.id);
		const officerView = await liveSnapshot(db, await live.context(), live.chairParticipant);
		expect(officerView.questions.map((x) => x.id)).toContain(q.id);
		await moderateQuestion(db, live.chairParticipant, await live.context(), {
			action: 'reject',
			questionId: q.id,
			reason: 'personal_data',
			note: 'It names a private individual.'
		});
		const after = (await liveSnapshot(db, await live.publicContext(), attendee())).questions.find(
			(x) => x.id === q.id
		)!;
		expect(after.state).toBe('rejected');
		expect(after.rejectionReason).toBe('personal_data');
		expect(after.text).toBeNull();
		const askerView = await liveSnapshot(db, await live.publicContext(), asker);
		expect(askerView.viewer.mine).toContain(q.id);
		expect(askerView.questions.find((x) => x.id === q.id)!.rejectionNote).toBe(
			'It names a private individual.'
		);
		const twice = await failure(
			moderateQuestion(db, live.chairParticipant, await live.context(), {
				action: 'approve',
				questionId: q.id
			})
		);
		expect(twice.code).toBe('conflict');
	});

	it('lets only officers moderate, and records answers, deferrals and the room’s verdict', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const q = await askQuestion(db, attendee(), context, {
			text: 'Are British suspects checked the same way?',
			anonymous: true
		});
		const stranger = attendee(await makeUser(db));
		expect(
			(await failure(moderateQuestion(db, stranger, context, { action: 'pin', questionId: q.id })))
				.code
		).toBe('not_allowed');
		expect(
			(
				await failure(
					moderateQuestion(db, attendee(), context, { action: 'pin', questionId: q.id })
				)
			).code
		).toBe('not_signed_in');
		const early = await failure(
			rateAnswer(db, attendee(), context, { questionId: q.id, verdict: 'answered' })
		);
		expect(early.code).toBe('conflict');

		const deferred = await failure(
			moderateQuestion(db, live.chairParticipant, context, {
				action: 'status',
				questionId: q.id,
				status: 'deferred'
			})
		);
		expect(deferred.fields.owner).toBeTruthy();
		await moderateQuestion(db, live.chairParticipant, context, {
			action: 'status',
			questionId: q.id,
			status: 'deferred',
			summary: 'The Service will report back.',
			owner: 'Riverside Police Service',
			dueOn: '2027-01-31'
		});
		const [commitment] = await db
			.select()
			.from(commitments)
			.where(eq(commitments.questionId, q.id));
		expect(commitment).toMatchObject({ owner: 'Riverside Police Service', dueOn: '2027-01-31' });

		const rater = attendee();
		await rateAnswer(db, rater, context, { questionId: q.id, verdict: 'answered' });
		await rateAnswer(db, rater, context, { questionId: q.id, verdict: 'not_answered' }); // changes, not adds
		await rateAnswer(db, attendee(), context, { questionId: q.id, verdict: 'not_answered' });
		const view = (await liveSnapshot(db, context, rater)).questions.find((x) => x.id === q.id)!;
		expect(view.answerStatus).toBe('deferred');
		expect(view.verdict).toEqual({ answered: 0, partly_answered: 0, not_answered: 2 });
	});

	it('enforces the cap per participant, the text limit and the meeting being live', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const asker = attendee();
		for (let i = 0; i < 3; i++)
			await askQuestion(db, asker, context, { text: `Question number ${i}`, anonymous: true });
		expect(
			(await failure(askQuestion(db, asker, context, { text: 'One more?', anonymous: true }))).msg
				.key
		).toBe('question.cap_reached');
		const long = await failure(
			askQuestion(db, attendee(), context, { text: 'x'.repeat(501), anonymous: true })
		);
		expect(long.fields.text.key).toBe('validation.too_long');
		const nameless = await failure(
			askQuestion(db, attendee(), context, { text: 'Named but nameless', anonymous: false })
		);
		expect(nameless.fields.name).toBeTruthy();

		const q = await askQuestion(db, attendee(), context, {
			text: 'Will this be reached?',
			anonymous: true
		});
		const floor = await recordFloorQuestion(db, live.chairParticipant, context, {
			text: 'From the floor: why now?',
			name: ''
		});
		expect(floor).toMatchObject({ source: 'floor', anonymous: true, state: 'published' });
		await changeMeetingState(db, actorOf(live.chair), live.group.slug, live.meeting.number, {
			state: 'closed'
		});
		const closed = await live.context();
		expect(
			(await failure(askQuestion(db, attendee(), closed, { text: 'Too late?', anonymous: true })))
				.msg.key
		).toBe('question.not_open');
		expect((await failure(castVote(db, attendee(), closed, { questionId: q.id }))).msg.key).toBe(
			'question.not_open'
		);
		const record = await liveSnapshot(db, closed, null);
		expect(record.questions.find((x) => x.id === q.id)!.answerStatus).toBe('not_reached');
	});

	it('lets the asker alone withdraw a question', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const asker = attendee();
		const q = await askQuestion(db, asker, context, { text: 'Withdraw me', anonymous: true });
		expect(
			(await failure(withdrawQuestion(db, attendee(), context, { questionId: q.id }))).code
		).toBe('not_found');
		const withdrawn = await withdrawQuestion(db, asker, context, { questionId: q.id });
		expect(withdrawn.state).toBe('withdrawn');
		expect((await failure(castVote(db, attendee(), context, { questionId: q.id }))).msg.key).toBe(
			'question.not_votable'
		);
	});

	it('rejects unknown and foreign question ids', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const other = await liveMeeting(db);
		const foreign = await askQuestion(db, attendee(), await other.context(), {
			text: 'Elsewhere',
			anonymous: true
		});
		const context = await live.context();
		expect(
			(await failure(castVote(db, attendee(), context, { questionId: foreign.id }))).code
		).toBe('not_found');
		expect((await failure(castVote(db, attendee(), context, { questionId: 'nope' }))).code).toBe(
			'invalid'
		);
	});
});
