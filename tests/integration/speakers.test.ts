import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers, makeMember, makeUser } from '../fixtures/factories';
import { failure } from '../fixtures/errors';
import type { Database } from '$lib/server/db';
import { groups, minutes, speakerRequests } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/session';
import { changeMeetingState, createMeeting } from '$lib/server/meetings/meetings';
import { addAgendaItem } from '$lib/server/meetings/agenda';
import { representedOrganisations } from '$lib/server/meetings/members';
import { askToSpeak, withdrawSpeakerRequest } from '$lib/server/speakers/requests';
import {
	endTurn,
	giveFloor,
	moveSpeaker,
	setCurrentItem,
	setSpeakerTime
} from '$lib/server/speakers/chair';
import { listSpeakers, speakingRecord } from '$lib/server/speakers/read';
import { setSpeakingTurn } from '$lib/server/speakers/settings';
import { liveContext, liveSnapshot } from '$lib/server/questions/live';
import { plain } from '$lib/server/minutes/generate';
import { on } from '$lib/server/events';

const clock = { now: new Date('2026-03-02T12:00:00Z') };
const at = (minutes: number) => ({ now: new Date(Date.UTC(2026, 3, 2, 18, 30 + minutes)) });

/** A group with officers, two member organisations, an attendee with an account, two items. */
async function liveMeeting(db: Database) {
	const officers = await makeGroupWithOfficers(db);
	const { chair, secretary, group } = officers;
	const slug = group.slug;
	const repA = await makeMember(db, slug, chair, 'Harbour Law Centre');
	const repB = await makeMember(db, slug, chair, 'Migrants Network');
	const attendee = await makeUser(db);
	const orgOf = async (rep: SessionUser) =>
		(await representedOrganisations(db, group.id, rep.id))[0];
	const [orgA, orgB] = [await orgOf(repA), await orgOf(repB)];
	const meeting = await createMeeting(
		db,
		actorOf(secretary),
		slug,
		{
			title: 'Quarterly meeting',
			startsAt: '2026-04-02T18:30',
			endsAt: '2026-04-02T20:30',
			location: 'Riverside Community Centre'
		},
		clock
	);
	const n = meeting.number;
	const item1 = await addAgendaItem(db, actorOf(secretary), slug, n, {
		title: 'Custody figures',
		plannedMinutes: 20
	});
	const item2 = await addAgendaItem(db, actorOf(secretary), slug, n, {
		title: 'Foreign record checks',
		plannedMinutes: 15
	});
	await changeMeetingState(db, actorOf(secretary), slug, n, { state: 'scheduled' }, clock);
	const goLive = () => changeMeetingState(db, actorOf(chair), slug, n, { state: 'live' });
	return {
		...officers,
		db,
		slug,
		n,
		meetingId: meeting.id,
		repA,
		repB,
		attendee,
		orgA,
		orgB,
		item1,
		item2,
		goLive
	};
}

describeOnEachDatabase('speakers', (handle) => {
	it('takes requests to speak from signed-in people while live, named as each chose', async () => {
		const s = await liveMeeting(handle().db);
		const { db, slug, n } = s;
		const early = await failure(askToSpeak(db, actorOf(s.repA), slug, n, {}));
		expect(early).toMatchObject({ code: 'conflict', msg: { key: 'speakers.not_live' } });
		await s.goLive();
		expect((await failure(askToSpeak(db, actorOf(null), slug, n, {}))).code).toBe('not_signed_in');
		await setCurrentItem(db, actorOf(s.chair), slug, n, { agendaItemId: s.item1.id }, at(0));
		const a = await askToSpeak(db, actorOf(s.repA), slug, n, {}, at(1));
		expect(a).toMatchObject({
			membershipId: s.orgA.id,
			shownAs: 'name',
			publicName: s.repA.displayName,
			agendaItemId: s.item1.id,
			allowedSeconds: 180,
			state: 'waiting'
		});
		const b = await askToSpeak(db, actorOf(s.repB), slug, n, { shownAs: 'organisation' });
		const c = await askToSpeak(db, actorOf(s.attendee), slug, n, { shownAs: 'attendee' });
		expect(c.membershipId).toBeNull();
		const again = await failure(askToSpeak(db, actorOf(s.repA), slug, n, {}));
		expect(again).toMatchObject({ code: 'conflict', msg: { key: 'speakers.already_listed' } });
		const noOrg = await failure(
			askToSpeak(db, actorOf(await makeUser(db)), slug, n, { shownAs: 'organisation' })
		);
		expect(Object.keys(noOrg.fields)).toEqual(['shownAs']);
		const notMine = await failure(
			askToSpeak(db, actorOf(await makeUser(db)), slug, n, { membershipId: s.orgA.id })
		);
		expect(Object.keys(notMine.fields)).toEqual(['membershipId']);
		const bad = await failure(askToSpeak(db, actorOf(s.repB), slug, n, { shownAs: 'ghost' }));
		expect(Object.keys(bad.fields)).toEqual(['shownAs']);

		const { speakers } = await listSpeakers(db, actorOf(null), slug, n);
		expect(speakers.currentItem).toMatchObject({ id: s.item1.id, plannedMinutes: 20 });
		expect(speakers.list.map((r) => [r.name, r.organisation, r.shownAs])).toEqual([
			[s.repA.displayName, 'Harbour Law Centre', 'name'],
			[null, 'Migrants Network', 'organisation'],
			[null, null, 'attendee']
		]);
		// Never an email or an account, in anything the public reads.
		const json = JSON.stringify(speakers);
		for (const user of [s.repA, s.repB, s.attendee]) {
			expect(json).not.toContain(user.email);
			expect(json).not.toContain(user.id);
		}
		expect(json).not.toContain(s.attendee.displayName);
		expect(b.position).toBeLessThan(c.position);
	});

	it('lets a speaker withdraw their own waiting request, and no one else', async () => {
		const s = await liveMeeting(handle().db);
		const { db, slug, n } = s;
		await s.goLive();
		const a = await askToSpeak(db, actorOf(s.repA), slug, n, {});
		const other = await failure(
			withdrawSpeakerRequest(db, actorOf(s.repB), slug, n, { requestId: a.id })
		);
		expect(other).toMatchObject({ code: 'not_allowed', msg: { key: 'speakers.not_yours' } });
		const unknown = await failure(
			withdrawSpeakerRequest(db, actorOf(s.repA), slug, n, {
				requestId: '00000000-0000-4000-8000-000000000000'
			})
		);
		expect(unknown.code).toBe('not_found');
		const invalid = await failure(
			withdrawSpeakerRequest(db, actorOf(s.repA), slug, n, { requestId: 'nope' })
		);
		expect(Object.keys(invalid.fields)).toEqual(['requestId']);
		const withdrawn = await withdrawSpeakerRequest(db, actorOf(s.repA), slug, n, {
			requestId: a.id
		});
		expect(withdrawn.state).toBe('withdrawn');
		const twice = await failure(
			withdrawSpeakerRequest(db, actorOf(s.repA), slug, n, { requestId: a.id })
		);
		expect(twice.msg.key).toBe('speakers.not_waiting');
		expect((await listSpeakers(db, actorOf(null), slug, n)).speakers.list).toEqual([]);
		// Withdrawn, they may ask again.
		expect((await askToSpeak(db, actorOf(s.repA), slug, n, {})).state).toBe('waiting');
	});

	it('lets only the chair and secretary run the list: order, floor, time, end', async () => {
		const s = await liveMeeting(handle().db);
		const { db, slug, n } = s;
		await s.goLive();
		const a = await askToSpeak(db, actorOf(s.repA), slug, n, {});
		const b = await askToSpeak(db, actorOf(s.repB), slug, n, {});
		const c = await askToSpeak(db, actorOf(s.attendee), slug, n, {});
		for (const actor of [actorOf(s.repA), actorOf(s.attendee)]) {
			expect((await failure(giveFloor(db, actor, slug, n, { requestId: a.id }))).code).toBe(
				'not_allowed'
			);
			expect((await failure(endTurn(db, actor, slug, n, {}))).code).toBe('not_allowed');
			expect(
				(await failure(moveSpeaker(db, actor, slug, n, { requestId: a.id, position: 2 }))).code
			).toBe('not_allowed');
			expect(
				(await failure(setSpeakerTime(db, actor, slug, n, { requestId: a.id, seconds: 60 }))).code
			).toBe('not_allowed');
			expect(
				(await failure(setCurrentItem(db, actor, slug, n, { agendaItemId: s.item1.id }))).code
			).toBe('not_allowed');
		}
		expect((await failure(endTurn(db, actorOf(null), slug, n, {}))).code).toBe('not_signed_in');

		await moveSpeaker(db, actorOf(s.secretary), slug, n, { requestId: c.id, position: 1 });
		const order = async () =>
			(await listSpeakers(db, actorOf(null), slug, n)).speakers.list
				.filter((r) => r.state === 'waiting')
				.sort((x, y) => x.position - y.position)
				.map((r) => r.id);
		expect(await order()).toEqual([c.id, a.id, b.id]);
		await moveSpeaker(db, actorOf(s.chair), slug, n, { requestId: c.id, position: 99 });
		expect(await order()).toEqual([a.id, b.id, c.id]);
		const badPlace = await failure(
			moveSpeaker(db, actorOf(s.chair), slug, n, { requestId: c.id, position: 0 })
		);
		expect(Object.keys(badPlace.fields)).toEqual(['position']);

		const badTime = await failure(
			setSpeakerTime(db, actorOf(s.chair), slug, n, { requestId: b.id, seconds: 5 })
		);
		expect(Object.keys(badTime.fields)).toEqual(['seconds']);
		await setSpeakerTime(db, actorOf(s.chair), slug, n, { requestId: b.id, seconds: 120 });

		expect((await failure(endTurn(db, actorOf(s.chair), slug, n, {}))).msg.key).toBe(
			'speakers.not_speaking'
		);
		const first = await giveFloor(db, actorOf(s.chair), slug, n, { requestId: a.id }, at(0));
		expect(first).toMatchObject({ state: 'speaking', startedAt: at(0).now });
		// Giving the floor to the next ends the current turn first: one speaker at a time.
		await giveFloor(db, actorOf(s.chair), slug, n, { requestId: b.id }, at(2));
		const rows = await db
			.select()
			.from(speakerRequests)
			.where(eq(speakerRequests.meetingId, s.meetingId));
		const byId = new Map(rows.map((r) => [r.id, r]));
		expect(byId.get(a.id)).toMatchObject({ state: 'spoke', endedAt: at(2).now });
		expect(byId.get(b.id)).toMatchObject({ state: 'speaking', allowedSeconds: 120 });
		const floorAgain = await failure(giveFloor(db, actorOf(s.chair), slug, n, { requestId: a.id }));
		expect(floorAgain.msg.key).toBe('speakers.not_waiting');
		// The current turn's time can still change; a finished one's cannot.
		await setSpeakerTime(db, actorOf(s.chair), slug, n, { requestId: b.id, seconds: 240 });
		const over = await failure(
			setSpeakerTime(db, actorOf(s.chair), slug, n, { requestId: a.id, seconds: 60 })
		);
		expect(over.msg.key).toBe('speakers.turn_over');
		const wrongEnd = await failure(endTurn(db, actorOf(s.chair), slug, n, { requestId: c.id }));
		expect(wrongEnd.msg.key).toBe('speakers.not_speaking');
		const ended = await endTurn(db, actorOf(s.chair), slug, n, { requestId: b.id }, at(5));
		expect(ended).toMatchObject({ state: 'spoke', endedAt: at(5).now });
		// A speaking request cannot be withdrawn by its speaker, nor a spoken one.
		await giveFloor(db, actorOf(s.chair), slug, n, { requestId: c.id }, at(6));
		const busy = await failure(
			withdrawSpeakerRequest(db, actorOf(s.attendee), slug, n, { requestId: c.id })
		);
		expect(busy.msg.key).toBe('speakers.not_waiting');
	});

	it('keeps one speaker at a time when the floor is given twice at once', async () => {
		const s = await liveMeeting(handle().db);
		const { db, slug, n } = s;
		await s.goLive();
		const a = await askToSpeak(db, actorOf(s.repA), slug, n, {});
		const b = await askToSpeak(db, actorOf(s.repB), slug, n, {});
		const c = await askToSpeak(db, actorOf(s.attendee), slug, n, {});
		const results = await Promise.allSettled([
			giveFloor(db, actorOf(s.chair), slug, n, { requestId: a.id }),
			giveFloor(db, actorOf(s.secretary), slug, n, { requestId: b.id }),
			giveFloor(db, actorOf(s.chair), slug, n, { requestId: c.id })
		]);
		expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
		const speaking = await db
			.select()
			.from(speakerRequests)
			.where(
				and(eq(speakerRequests.meetingId, s.meetingId), eq(speakerRequests.state, 'speaking'))
			);
		expect(speaking).toHaveLength(1);
		// One person asking twice at once is listed once.
		const twice = await Promise.allSettled([
			askToSpeak(db, actorOf(s.repA), slug, n, {}),
			askToSpeak(db, actorOf(s.repA), slug, n, {})
		]);
		expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = twice.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason.msg.key).toBe('speakers.already_listed');
	});

	it('sets the current agenda item, ending the turn, and takes requests per item', async () => {
		const s = await liveMeeting(handle().db);
		const { db, slug, n } = s;
		await s.goLive();
		await setCurrentItem(db, actorOf(s.chair), slug, n, { agendaItemId: s.item1.id }, at(0));
		const same = await failure(
			setCurrentItem(db, actorOf(s.chair), slug, n, { agendaItemId: s.item1.id })
		);
		expect(same.msg.key).toBe('speakers.item_unchanged');
		const unknown = await failure(
			setCurrentItem(db, actorOf(s.chair), slug, n, {
				agendaItemId: '00000000-0000-4000-8000-000000000000'
			})
		);
		expect(Object.keys(unknown.fields)).toEqual(['agendaItemId']);
		const a = await askToSpeak(db, actorOf(s.repA), slug, n, {});
		await giveFloor(db, actorOf(s.chair), slug, n, { requestId: a.id }, at(1));
		await setCurrentItem(db, actorOf(s.chair), slug, n, { agendaItemId: s.item2.id }, at(4));
		const [ended] = await db.select().from(speakerRequests).where(eq(speakerRequests.id, a.id));
		expect(ended).toMatchObject({ state: 'spoke', endedAt: at(4).now });
		// A new item: the same person may ask again.
		const again = await askToSpeak(db, actorOf(s.repA), slug, n, {});
		expect(again.agendaItemId).toBe(s.item2.id);
		const context = await liveContext(db, actorOf(s.repA), slug, n);
		const snapshot = await liveSnapshot(db, context, { ...actorOf(s.repA), token: null });
		expect(snapshot.speakers.currentItem).toMatchObject({
			id: s.item2.id,
			title: 'Foreign record checks',
			startedAt: at(4).now.toISOString()
		});
		expect(snapshot.viewer.speaking).toEqual([again.id]);
		await setCurrentItem(db, actorOf(s.chair), slug, n, { agendaItemId: '' });
		expect((await listSpeakers(db, actorOf(null), slug, n)).speakers.currentItem).toBeNull();
	});

	it('announces every change after commit, numbered', async () => {
		const s = await liveMeeting(handle().db);
		const { db, slug, n } = s;
		await s.goLive();
		const heard: { seq: number; waiting: number }[] = [];
		const stop = on('speakers:changed', ({ meetingId, seq, speakers }) => {
			if (meetingId === s.meetingId) {
				heard.push({ seq, waiting: speakers.list.filter((r) => r.state === 'waiting').length });
			}
		});
		try {
			const a = await askToSpeak(db, actorOf(s.repA), slug, n, {});
			await giveFloor(db, actorOf(s.chair), slug, n, { requestId: a.id });
			await failure(giveFloor(db, actorOf(s.chair), slug, n, { requestId: a.id }));
		} finally {
			stop();
		}
		expect(heard).toHaveLength(2);
		expect(heard[1].seq).toBe(heard[0].seq + 1);
		expect(heard.map((h) => h.waiting)).toEqual([1, 0]);
	});

	it('keeps who spoke, for how long and for whom in the record and the minutes draft', async () => {
		const s = await liveMeeting(handle().db);
		const { db, slug, n } = s;
		await s.goLive();
		await setCurrentItem(db, actorOf(s.chair), slug, n, { agendaItemId: s.item1.id }, at(0));
		const a = await askToSpeak(db, actorOf(s.repA), slug, n, {});
		const c = await askToSpeak(db, actorOf(s.attendee), slug, n, { shownAs: 'attendee' });
		await giveFloor(db, actorOf(s.chair), slug, n, { requestId: a.id }, at(1));
		await giveFloor(db, actorOf(s.chair), slug, n, { requestId: c.id }, at(4));
		await setCurrentItem(db, actorOf(s.chair), slug, n, { agendaItemId: s.item2.id }, at(6));
		const b = await askToSpeak(db, actorOf(s.repB), slug, n, { shownAs: 'organisation' });
		const a2 = await askToSpeak(db, actorOf(s.repA), slug, n, {});
		await giveFloor(db, actorOf(s.chair), slug, n, { requestId: b.id }, at(7));
		await giveFloor(db, actorOf(s.chair), slug, n, { requestId: a2.id }, at(9));
		// Still waiting when the meeting closes: recorded as not reached, never silently dropped.
		await askToSpeak(db, actorOf(s.attendee), slug, n, { shownAs: 'name' });
		// Closing the meeting ends the last turn: it is part of the record.
		await changeMeetingState(db, actorOf(s.chair), slug, n, { state: 'closed' }, at(10));

		const record = await speakingRecord(db, s.meetingId);
		expect(
			record.items.map((i) => [i.title, i.turns.map((t) => [t.name, t.organisation, t.seconds])])
		).toEqual([
			[
				'Custody figures',
				[
					[s.repA.displayName, 'Harbour Law Centre', 180],
					[null, null, 120]
				]
			],
			[
				'Foreign record checks',
				[
					[null, 'Migrants Network', 120],
					[s.repA.displayName, 'Harbour Law Centre', 60]
				]
			]
		]);
		expect(record.items.map((i) => i.notReached.map((r) => [r.name, r.organisation]))).toEqual([
			[],
			[[s.attendee.displayName, null]]
		]);
		expect(record.totals).toEqual([
			{ organisation: 'Harbour Law Centre', turns: 2, seconds: 240 },
			{ organisation: 'Migrants Network', turns: 1, seconds: 120 },
			{ organisation: null, turns: 1, seconds: 120 }
		]);
		const [{ draft }] = await db
			.select({ draft: minutes.draft })
			.from(minutes)
			.where(eq(minutes.meetingId, s.meetingId));
		expect(draft).toContain('## Speakers');
		expect(draft).toContain('### Custody figures');
		expect(draft).toContain(`- ${plain(s.repA.displayName)} (Harbour Law Centre): 3:00`);
		expect(draft).toContain('- An attendee: 2:00');
		expect(draft).toContain(`Asked to speak, not reached: ${plain(s.attendee.displayName)}`);
		expect(draft).toContain('- Harbour Law Centre: 2 turn(s), 4:00');
		expect(draft).toContain('- No organisation: 1 turn(s), 2:00');
	});

	it('lets the chair alone set the default turn, within bounds', async () => {
		const s = await liveMeeting(handle().db);
		const { db, slug } = s;
		expect(
			(await failure(setSpeakingTurn(db, actorOf(s.secretary), slug, { seconds: 60 }))).code
		).toBe('not_allowed');
		const bad = await failure(setSpeakingTurn(db, actorOf(s.chair), slug, { seconds: 'x' }));
		expect(Object.keys(bad.fields)).toEqual(['seconds']);
		await setSpeakingTurn(db, actorOf(s.chair), slug, { seconds: '90' });
		const [group] = await db.select().from(groups).where(eq(groups.slug, slug));
		expect(group.speakingTurnSeconds).toBe(90);
		await s.goLive();
		expect((await askToSpeak(db, actorOf(s.repA), slug, s.n, {})).allowedSeconds).toBe(90);
	});
});
