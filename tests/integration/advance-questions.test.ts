import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeUser } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import { eq } from 'drizzle-orm';
import { changeMeetingState, createMeeting, publicMeeting } from '$lib/server/meetings/meetings';
import { minutes, questions } from '$lib/server/db/schema';
import { liveContext, liveSnapshot } from '$lib/server/questions/live';
import { askQuestion, withdrawQuestion } from '$lib/server/questions/ask';
import { castVote } from '$lib/server/questions/votes';
import { moderateQuestion, updateLiveSettings } from '$lib/server/questions/moderate';
import { enterRoomCode, joinByRoomCode, rotateRoomCode } from '$lib/server/questions/admission';
import { identityOf } from '$lib/server/questions/participant';

/** Issue 18: questions in advance, from when a meeting is scheduled until it starts. */
describeOnEachDatabase('questions in advance', (handle) => {
	it('takes questions and votes once the meeting is scheduled, and carries them into it with their votes', async () => {
		const { db } = handle();
		const advance = await liveMeeting(db, 'open', 'scheduled');
		const context = await advance.publicContext();
		expect(context.meeting.state).toBe('scheduled');
		const asker = attendee();
		const q = await askQuestion(db, asker, context, {
			text: 'Will the review of stop and search be published?',
			anonymous: true
		});
		expect(q.state).toBe('published');
		const voters = [attendee(), attendee(), asker];
		for (const voter of voters) await castVote(db, voter, context, { questionId: q.id });
		// Taken back and cast again: still one vote per participant.
		await castVote(db, voters[0], context, { questionId: q.id, up: false });
		await castVote(db, voters[0], context, { questionId: q.id });
		const second = attendee();
		const other = await askQuestion(db, second, context, {
			text: 'Asked and then withdrawn',
			anonymous: true
		});
		expect((await withdrawQuestion(db, second, context, { questionId: other.id })).state).toBe(
			'withdrawn'
		);

		await changeMeetingState(
			db,
			actorOf(advance.chair),
			advance.group.slug,
			advance.meeting.number,
			{ state: 'live' }
		);
		const live = await advance.publicContext();
		const snapshot = await liveSnapshot(db, live, asker);
		const carried = snapshot.questions.find((x) => x.id === q.id)!;
		expect(carried.votes).toBe(3);
		expect(snapshot.viewer.voted).toContain(q.id);
		expect(snapshot.viewer.mine).toContain(q.id);
		// And the vote goes on counting live.
		expect((await castVote(db, attendee(), live, { questionId: q.id })).voteCount).toBe(4);
	});

	it('keeps when the meeting started, and the minutes mark the questions asked before it', async () => {
		const { db } = handle();
		const advance = await liveMeeting(db, 'open', 'scheduled');
		const chair = actorOf(advance.chair);
		const { slug } = advance.group;
		const n = advance.meeting.number;
		const early = 'Will the custody figures be broken down by nationality?';
		const late = 'Who signed off the new stop forms?';
		const sent = await askQuestion(db, attendee(), await advance.publicContext(), {
			text: early,
			anonymous: true
		});
		// Sent the evening before (times are kept to the minute: one asked in the minute the
		// meeting starts is not marked either way).
		await db
			.update(questions)
			.set({ askedAt: new Date(Date.now() - 86_400_000) })
			.where(eq(questions.id, sent.id));
		expect((await advance.publicContext()).meeting.startedAt).toBeNull();

		await changeMeetingState(db, chair, slug, n, { state: 'live' });
		const startedAt = (await advance.publicContext()).meeting.startedAt;
		expect(startedAt).toBeInstanceOf(Date);
		await askQuestion(db, attendee(), await advance.publicContext(), {
			text: late,
			anonymous: true
		});
		await changeMeetingState(db, chair, slug, n, { state: 'closed' });
		const held = (await advance.publicContext()).meeting;
		expect(held.startedAt).toEqual(startedAt);
		expect(publicMeeting(held, advance.group).startedAt).toBe(startedAt!.toISOString());

		const [row] = await db.select().from(minutes).where(eq(minutes.meetingId, held.id));
		// Each question with its details, up to the next question.
		const block = (text: string) => row.draft.slice(row.draft.indexOf(text)).split(/\n\d+\. /)[0];
		expect(block(early)).toContain('Asked before the meeting (in advance)');
		expect(block(late)).toContain('Asked by');
		expect(block(late)).not.toContain('in advance');
	});

	it('refuses questions for a draft, a cancelled or a closed meeting', async () => {
		const { db } = handle();
		const advance = await liveMeeting(db, 'open', 'scheduled');
		const chair = actorOf(advance.chair);
		const start = new Date(Date.now() + 86_400_000);
		const draft = await createMeeting(db, chair, advance.group.slug, {
			title: 'Not yet published',
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
			participation: 'open'
		});
		const draftContext = await liveContext(db, chair, advance.group.slug, draft.number);
		const ask = (context: typeof draftContext) =>
			failure(askQuestion(db, attendee(), context, { text: 'Too early?', anonymous: true }));
		expect((await ask(draftContext)).msg.key).toBe('question.not_open');

		const context = await advance.publicContext();
		const q = await askQuestion(db, attendee(), context, { text: 'In time?', anonymous: true });
		await changeMeetingState(db, chair, advance.group.slug, advance.meeting.number, {
			state: 'cancelled',
			cancelNote: 'The hall is closed.'
		});
		const cancelled = await advance.publicContext();
		expect((await ask(cancelled)).msg.key).toBe('question.not_open');
		// A context read before the cancellation: the vote statement itself refuses.
		expect((await failure(castVote(db, attendee(), context, { questionId: q.id }))).msg.key).toBe(
			'question.not_open'
		);
	});

	it('moderates in advance, but pins and answers only once the meeting is held', async () => {
		const { db } = handle();
		const advance = await liveMeeting(db, 'open', 'scheduled');
		const officer = await advance.context();
		await updateLiveSettings(db, advance.chairParticipant, officer, {
			mode: 'premoderated',
			questionCap: 3
		});
		const context = await advance.publicContext();
		const pending = await askQuestion(db, attendee(), context, {
			text: 'Awaiting approval in advance',
			anonymous: true
		});
		expect(pending.state).toBe('pending');
		const moderate = (input: Record<string, unknown>) =>
			moderateQuestion(db, advance.chairParticipant, officer, input);
		await moderate({ action: 'approve', questionId: pending.id });
		expect((await failure(moderate({ action: 'pin', questionId: pending.id }))).msg.key).toBe(
			'question.not_live'
		);
		expect(
			(await failure(moderate({ action: 'status', questionId: pending.id, status: 'answered' })))
				.msg.key
		).toBe('question.not_live');
		const published = await liveSnapshot(db, await advance.publicContext(), null);
		expect(published.questions.find((x) => x.id === pending.id)).toMatchObject({
			state: 'published',
			answerStatus: 'open'
		});
	});

	it('applies the participation rule in advance: signed in, and the room code made before the meeting', async () => {
		const { db } = handle();
		const signedIn = await liveMeeting(db, 'signed_in', 'scheduled');
		const refused = await failure(
			askQuestion(db, attendee(), await signedIn.publicContext(), {
				text: 'Without an account?',
				anonymous: true
			})
		);
		expect(refused.code).toBe('not_allowed');
		const user = await makeUser(db);
		const member = attendee(user);
		expect(
			(
				await askQuestion(db, member, await signedIn.publicContext(), {
					text: 'With an account',
					anonymous: true
				})
			).state
		).toBe('published');

		const coded = await liveMeeting(db, 'room_code', 'scheduled');
		const context = await coded.publicContext();
		// No code before the officers make one: nobody can be admitted yet.
		expect(context.meeting.joinCode).toBeNull();
		const guest = attendee();
		expect(
			(await failure(askQuestion(db, guest, context, { text: 'Let me in', anonymous: true }))).code
		).toBe('not_allowed');
		const { joinCode } = await rotateRoomCode(db, coded.chairParticipant, await coded.context());
		const admission = await enterRoomCode(
			db,
			identityOf(guest)!,
			await coded.publicContext(),
			{ code: joinCode },
			'203.0.113.7'
		);
		// The short address finds a scheduled meeting by its code too.
		const joined = await joinByRoomCode(db, identityOf(guest)!, { code: joinCode }, '203.0.113.7');
		expect(joined).toMatchObject({ admission, number: coded.meeting.number });
		const admitted = { ...guest, rooms: [admission] };
		const q = await askQuestion(db, admitted, await coded.publicContext(), {
			text: 'Admitted in advance',
			anonymous: true
		});
		expect(q.state).toBe('published');
		// Going live draws a fresh code for the room; those admitted in advance stay admitted.
		await changeMeetingState(db, actorOf(coded.chair), coded.group.slug, coded.meeting.number, {
			state: 'live'
		});
		const live = await coded.publicContext();
		expect(live.meeting.joinCode).not.toBe(joinCode);
		expect((await castVote(db, admitted, live, { questionId: q.id })).voteCount).toBe(1);
	});
});
