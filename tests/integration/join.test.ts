import { eq } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import { meetings } from '$lib/server/db/schema';
import { askQuestion } from '$lib/server/questions/ask';
import {
	enterRoomCode,
	joinByRoomCode,
	rotateRoomCode,
	setParticipation
} from '$lib/server/questions/admission';
import { identityOf } from '$lib/server/questions/participant';
import { joinCodes } from '$lib/server/meetings/join-code';
import { changeMeetingState } from '$lib/server/meetings/meetings';
import { actorOf } from '../fixtures/factories';
import { liveNow } from '$lib/server/meetings/live-now';

afterEach(() => {
	vi.restoreAllMocks();
});

/** Issue 20: a room code typed at /join, without naming the meeting, through the domain. */
describeOnEachDatabase('joining by room code', (handle) => {
	it('admits the browser to the live meeting whose code it is, as the meeting’s own form does', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'room_code');
		const other = await liveMeeting(db, 'room_code');
		const context = await live.publicContext();
		const code = context.meeting.joinCode!;
		const who = attendee();
		const typed = ` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `;
		const joined = await joinByRoomCode(db, identityOf(who)!, { code: typed }, '203.0.113.20');
		expect(joined).toMatchObject({ group: live.group.slug, number: live.meeting.number });
		// The same admission the meeting's own code form gives.
		expect(joined.admission).toBe(
			await enterRoomCode(db, identityOf(who)!, context, { code }, '203.0.113.20')
		);
		const inside = { ...who, rooms: [joined.admission] };
		await askQuestion(db, inside, context, { text: 'Joined from /join?', anonymous: true });
		// It admits to that meeting alone.
		const elsewhere = await failure(
			askQuestion(db, inside, await other.publicContext(), { text: 'Here too?', anonymous: true })
		);
		expect(elsewhere.msg.key).toBe('participation.room_code_needed');
	});

	it('says clearly when no live meeting has the code, closed meetings included', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'room_code');
		const code = (await live.publicContext()).meeting.joinCode!;
		const wrong = await failure(
			joinByRoomCode(db, identityOf(attendee())!, { code: 'NOPE2345' }, '203.0.113.21')
		);
		expect(wrong.code).toBe('invalid');
		expect(wrong.fields.code?.key).toBe('room.code_unknown');
		const empty = await failure(
			joinByRoomCode(db, identityOf(attendee())!, { code: '  ' }, '203.0.113.21')
		);
		expect(empty.fields.code?.key).toBe('validation.required');
		await changeMeetingState(db, actorOf(live.chair), live.group.slug, live.meeting.number, {
			state: 'closed'
		});
		const closed = await failure(
			joinByRoomCode(db, identityOf(attendee())!, { code }, '203.0.113.21')
		);
		expect(closed.fields.code?.key).toBe('room.code_unknown');
	});

	it('counts a guess at /join against the same limits as one on the meeting’s page', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'room_code');
		const context = await live.publicContext();
		const code = context.meeting.joinCode!;
		// Per identity (10 in ten minutes): five guesses at each door, then both refuse.
		const guesser = identityOf(attendee())!;
		for (let i = 0; i < 5; i++) {
			await failure(joinByRoomCode(db, guesser, { code: `GUESS${i}` }, '198.51.100.30'));
			await failure(enterRoomCode(db, guesser, context, { code: `WRONG${i}` }, '198.51.100.30'));
		}
		expect((await failure(joinByRoomCode(db, guesser, { code }, '198.51.100.30'))).code).toBe(
			'rate_limited'
		);
		expect(
			(await failure(enterRoomCode(db, guesser, context, { code }, '198.51.100.30'))).code
		).toBe('rate_limited');
		// Per address (300 in ten minutes, a hall shares one): guesses at /join from many
		// identities use up the address's allowance on the meeting's page too.
		const address = '198.51.100.31';
		for (let i = 0; i < 300; i++) {
			const who = identityOf(attendee())!;
			await failure(joinByRoomCode(db, who, { code: `MISS${i}` }, address));
		}
		const fresh = identityOf(attendee())!;
		expect((await failure(enterRoomCode(db, fresh, context, { code }, address))).code).toBe(
			'rate_limited'
		);
		expect((await failure(joinByRoomCode(db, fresh, { code }, address))).code).toBe('rate_limited');
	});

	it('never gives two meetings one code: starting, rotating and requiring a code draw again', async () => {
		const { db } = handle();
		const first = await liveMeeting(db, 'room_code');
		const taken = (await first.publicContext()).meeting.joinCode!;
		const draws = (...codes: string[]) => {
			const spy = vi.spyOn(joinCodes, 'draw');
			for (const c of codes) spy.mockImplementationOnce(() => c);
			return spy;
		};
		// Rotating.
		const second = await liveMeeting(db, 'room_code');
		draws(taken, 'ROTATED2');
		const rotated = await rotateRoomCode(db, second.chairParticipant, await second.context());
		expect(rotated.joinCode).toBe('ROTATED2');
		// A rule that needs a code, set while live.
		const third = await liveMeeting(db, 'open');
		// (Started without a code: the box left unticked.)
		await db.update(meetings).set({ joinCode: null }).where(eq(meetings.id, third.meeting.id));
		draws(taken, 'RULED234');
		await setParticipation(db, third.chairParticipant, await third.context(), {
			participation: 'room_code'
		});
		expect((await third.publicContext()).meeting.joinCode).toBe('RULED234');
		// Starting (the code drawn as the meeting goes live).
		draws(taken, 'ROTATED2', 'STARTED3');
		const fourth = await liveMeeting(db, 'room_code');
		expect((await fourth.publicContext()).meeting.joinCode).toBe('STARTED3');
		const codes = (await db.select({ code: meetings.joinCode }).from(meetings)).map((r) => r.code);
		expect(codes.filter((c) => c === taken)).toHaveLength(1);
		// And /join finds each.
		const found = await joinByRoomCode(db, identityOf(attendee())!, { code: 'RULED234' }, '::1');
		expect(found.number).toBe(third.meeting.number);
		expect(found.group).toBe(third.group.slug);
	});

	it('lists the meetings live now, and forgets a closed one at once', async () => {
		const { db } = handle();
		const live = await liveMeeting(db, 'open');
		const listed = await liveNow(db);
		expect(listed).toContainEqual({
			group: live.group.slug,
			groupName: live.group.name,
			number: live.meeting.number,
			title: live.meeting.title
		});
		await changeMeetingState(db, actorOf(live.chair), live.group.slug, live.meeting.number, {
			state: 'closed'
		});
		expect((await liveNow(db)).map((m) => m.group)).not.toContain(live.group.slug);
	});
});
