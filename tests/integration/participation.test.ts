import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { makeMember, makeUser } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import { decisionLog, meetings, questionVotes } from '$lib/server/db/schema';
import { askQuestion } from '$lib/server/questions/ask';
import { moderateQuestion } from '$lib/server/questions/moderate';
import { castVote } from '$lib/server/questions/votes';
import { enterRoomCode, rotateRoomCode, setParticipation } from '$lib/server/questions/admission';
import { identityOf, issueParticipantToken } from '$lib/server/questions/participant';
import { liveSnapshot, type Participant } from '$lib/server/questions/live';

/** Who may take part in a meeting (issue 13, section 1), through the domain on both databases. */
describeOnEachDatabase('participation rules', (handle) => {
	const admit = async (
		db: Parameters<typeof enterRoomCode>[0],
		who: Participant,
		context: Parameters<typeof enterRoomCode>[2],
		code: string
	): Promise<Participant> => ({
		...who,
		rooms: [await enterRoomCode(db, identityOf(who)!, context, { code }, '203.0.113.7')]
	});

	it('takes questions and votes under the room code only from browsers that entered it', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'room_code');
		const context = await live.publicContext();
		const code = context.meeting.joinCode!;
		expect(code).toMatch(/^[A-Z2-9]{8}$/); // made when the meeting went live
		const outsider = attendee();
		const refused = await failure(
			askQuestion(db, outsider, context, { text: 'Let me in?', anonymous: true })
		);
		expect(refused).toMatchObject({ code: 'not_allowed' });
		expect(refused.msg.key).toBe('participation.room_code_needed');
		// The snapshot tells the page why, so it can offer the code form.
		expect((await liveSnapshot(db, context, outsider)).viewer.takingPart).toEqual({
			allowed: false,
			reason: 'participation.room_code_needed'
		});

		const wrong = await failure(
			enterRoomCode(db, identityOf(outsider)!, context, { code: 'WRONG123' }, '203.0.113.7')
		);
		expect(wrong.fields.code?.key).toBe('participation.room_code_wrong');
		// Typed as people type it: lower case, spaces and a dash are fine.
		const typed = `${code.slice(0, 4).toLowerCase()} -${code.slice(4)}`;
		const inside = await admit(db, outsider, context, typed);
		const asked = await askQuestion(db, inside, context, { text: 'I am in?', anonymous: true });
		await castVote(db, inside, context, { questionId: asked.id });
		// The admission is this browser's: another cannot borrow it.
		const borrowed = { ...attendee(), rooms: inside.rooms };
		const vote = await failure(castVote(db, borrowed, context, { questionId: asked.id }));
		expect(vote.code).toBe('not_allowed');
		expect(
			await db.select().from(questionVotes).where(eq(questionVotes.questionId, asked.id))
		).toHaveLength(1);
	});

	// CI's permission matrix once got a 500 from a chair's unpinning: a deadlock (PostgreSQL). A
	// new code updates the meeting's row (a unique column: the strongest row lock), then counts the
	// change on the meeting's live row. The first change to a fresh meeting inserted that live row
	// (an unpinning writes it first), and the insert's check that its meeting exists waited for
	// the meeting's row: each waited for the other. The live row is now made with the meeting.
	it('takes new room codes and unpinnings of a fresh meeting at once', async () => {
		const { db } = handle();
		for (let round = 0; round < 8; round++) {
			const live = await liveMeeting(db, 'room_code');
			const chairs = await live.context();
			const settled = await Promise.allSettled([
				rotateRoomCode(db, live.chairParticipant, chairs),
				moderateQuestion(db, live.chairParticipant, chairs, { action: 'unpin' }),
				rotateRoomCode(db, live.chairParticipant, chairs),
				moderateQuestion(db, live.chairParticipant, chairs, { action: 'unpin' })
			]);
			expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
		}
	});

	// A rule changed from a console page drawn before the code was rotated wrote the old (leaked)
	// code back: the change now touches the code only when it draws one.
	it('keeps a rotated room code when the rule is changed from a page read before the rotation', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'room_code');
		const stale = await live.context();
		const leaked = stale.meeting.joinCode;
		const { joinCode } = await rotateRoomCode(db, live.chairParticipant, await live.context());
		await setParticipation(db, live.chairParticipant, stale, { participation: 'open' });
		const [row] = await db
			.select({ joinCode: meetings.joinCode, participation: meetings.participation })
			.from(meetings)
			.where(eq(meetings.id, live.meeting.id));
		expect(row).toEqual({ joinCode, participation: 'open' });
		expect(row.joinCode).not.toBe(leaked);
	});

	it('limits guessing per participant, and a new code leaves the admitted admitted', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'room_code');
		const context = await live.publicContext();
		const guesser = attendee();
		const errors = [];
		for (let i = 0; i < 11; i++) {
			errors.push(
				(
					await failure(
						enterRoomCode(db, identityOf(guesser)!, context, { code: `GUESS${i}` }, '198.51.100.1')
					)
				).code
			);
		}
		expect(errors.slice(0, 10).every((c) => c === 'invalid')).toBe(true);
		expect(errors[10]).toBe('rate_limited');
		// Even the right code is refused while the guesser is limited.
		const right = await failure(
			enterRoomCode(
				db,
				identityOf(guesser)!,
				context,
				{ code: context.meeting.joinCode! },
				'198.51.100.1'
			)
		);
		expect(right.code).toBe('rate_limited');

		const early = await admit(db, attendee(), context, context.meeting.joinCode!);
		const { joinCode } = await rotateRoomCode(db, live.chairParticipant, await live.context());
		expect(joinCode).not.toBe(context.meeting.joinCode);
		const rotated = await live.publicContext();
		await askQuestion(db, early, rotated, {
			text: 'Still in after the new code?',
			anonymous: true
		});
		const late = await failure(
			enterRoomCode(
				db,
				identityOf(attendee())!,
				rotated,
				{ code: context.meeting.joinCode! },
				'198.51.100.2'
			)
		);
		expect(late.code).toBe('invalid');
	});

	it('applies a rule tightened live to a vote whose context was read before it', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'open');
		const before = await live.publicContext(); // as a socket keeps it
		const voter = attendee();
		const q = await askQuestion(db, attendee(), before, { text: 'Counted?', anonymous: true });
		await setParticipation(db, live.chairParticipant, await live.context(), {
			participation: 'signed_in'
		});
		const refused = await failure(castVote(db, voter, before, { questionId: q.id }));
		expect(refused.msg.key).toBe('participation.sign_in_needed');
		expect(
			await db.select().from(questionVotes).where(eq(questionVotes.questionId, q.id))
		).toHaveLength(0);
		const member = attendee(await makeUser(db));
		expect((await castVote(db, member, before, { questionId: q.id })).voteCount).toBe(1);
		// The change is public, on the group's decision log.
		const [logged] = await db
			.select()
			.from(decisionLog)
			.where(
				and(eq(decisionLog.groupId, live.group.id), eq(decisionLog.kind, 'participation.changed'))
			);
		expect(logged.payload).toEqual({ meeting: live.meeting.number, from: 'open', to: 'signed_in' });
		// Only officers change it.
		const notOfficer = await failure(
			setParticipation(db, member, await live.publicContext(), { participation: 'open' })
		);
		expect(['not_allowed', 'not_signed_in']).toContain(notOfficer.code);
	});

	it('takes part under "members" only as a representative of a member organisation', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'members');
		const context = await live.publicContext();
		const representative = await makeMember(
			db,
			live.group.slug,
			live.chair,
			'Riverside Refugee Forum'
		);
		const stranger = attendee(await makeUser(db));
		const refused = await failure(
			askQuestion(db, stranger, context, { text: 'May I?', anonymous: false })
		);
		expect(refused.msg.key).toBe('participation.members_only');
		const q = await askQuestion(db, attendee(representative), context, {
			text: 'When will the figures be published?',
			anonymous: false
		});
		expect(
			(await castVote(db, attendee(representative), context, { questionId: q.id })).voteCount
		).toBe(1);
		// Officers may always take part.
		expect(
			(await castVote(db, live.chairParticipant, await live.context(), { questionId: q.id }))
				.voteCount
		).toBe(2);
		const [meeting] = await db.select().from(meetings).where(eq(meetings.id, live.meeting.id));
		expect(meeting.participation).toBe('members');
	});
});

describeOnEachDatabase('votes from new participants', (handle) => {
	it('flags a burst on the console when most recent votes come from identities minutes old', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'open');
		const context = await live.publicContext();
		const ask = (text: string) => askQuestion(db, attendee(), context, { text, anonymous: true });
		const flooded = await ask('The friendly question a script pushes up?');
		const steady = await ask('The question the room cares about?');
		const newcomer = (): Participant => ({ user: null, token: issueParticipantToken() });
		const regular = (): Participant => ({
			user: null,
			token: issueParticipantToken(Date.now() - 30 * 60_000)
		});
		for (let i = 0; i < 12; i++)
			await castVote(db, newcomer(), context, { questionId: flooded.id });
		for (let i = 0; i < 12; i++) await castVote(db, regular(), context, { questionId: steady.id });
		const officers = (await liveSnapshot(db, await live.context(), live.chairParticipant)).viewer;
		expect(officers.recentVotes[flooded.id]).toEqual({ recent: 12, fromNew: 12 });
		expect(officers.recentVotes[steady.id]).toEqual({ recent: 12, fromNew: 0 });
		expect(officers.bursts).toEqual([flooded.id]);
		// Attendees see none of it.
		const attendees = (await liveSnapshot(db, context, attendee())).viewer;
		expect(attendees.recentVotes).toEqual({});
		expect(attendees.bursts).toEqual([]);
	});
});
