import { expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers, makeMember, makeUser } from '../fixtures/factories';
import { failure } from '../fixtures/errors';
import type { Database } from '$lib/server/db';
import {
	groupRole,
	groupRoles,
	memberships,
	minutes,
	motionVotes,
	motions,
	representatives
} from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/session';
import { appointOfficer } from '$lib/server/groups/officers';
import { changeMeetingState, createMeeting } from '$lib/server/meetings/meetings';
import { representedOrganisations } from '$lib/server/meetings/members';
import { recordAttendance } from '$lib/server/meetings/attendance';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import {
	declineMotion,
	proposeMotion,
	scheduleMotion,
	secondMotion
} from '$lib/server/motions/propose';
import {
	castMotionVote,
	changeMotionState,
	closeMotionVote,
	openMotionVote
} from '$lib/server/motions/voting';
import { getMotion, listMotions } from '$lib/server/motions/read';
import { setMotionRules } from '$lib/server/motions/settings';

const clock = { now: new Date('2026-03-02T12:00:00Z') };
const text = 'That the group asks the Service to publish its custody figures every month.';

/** A group with its officers, a vice-chair, three member organisations and a live meeting. */
async function liveMeeting(db: Database) {
	const officers = await makeGroupWithOfficers(db);
	const { chair, secretary, group } = officers;
	const slug = group.slug;
	const vice = await makeUser(db);
	await appointOfficer(db, actorOf(chair), slug, { email: vice.email, role: 'vice_chair' });
	const repA = await makeMember(db, slug, chair, 'Harbour Law Centre');
	const repB = await makeMember(db, slug, chair, 'Migrants Network');
	const repC = await makeMember(db, slug, chair, 'Refugee Forum');
	const orgOf = async (rep: SessionUser) =>
		(await representedOrganisations(db, group.id, rep.id))[0];
	const [orgA, orgB, orgC] = [await orgOf(repA), await orgOf(repB), await orgOf(repC)];
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
	await changeMeetingState(db, actorOf(secretary), slug, n, { state: 'scheduled' }, clock);
	const goLive = () => changeMeetingState(db, actorOf(chair), slug, n, { state: 'live' });
	return { ...officers, db, slug, n, vice, repA, repB, repC, orgA, orgB, orgC, goLive };
}

type Setup = Awaited<ReturnType<typeof liveMeeting>>;

/** A second representative of an organisation (as an accepted invitation would make them). */
async function secondRepresentative(db: Database, membershipId: string) {
	const user = await makeUser(db);
	const [m] = await db
		.select({ applicationId: memberships.applicationId })
		.from(memberships)
		.where(eq(memberships.id, membershipId));
	await db.insert(representatives).values({ applicationId: m.applicationId, userId: user.id });
	return user;
}

/** Proposes and schedules a motion; returns its number. */
async function scheduled(s: Setup, input: Record<string, unknown> = { text }) {
	const motion = await proposeMotion(s.db, actorOf(s.repA), s.slug, s.n, input);
	await scheduleMotion(s.db, actorOf(s.secretary), s.slug, s.n, motion.number);
	return motion.number;
}

describeOnEachDatabase('motions', (handle) => {
	it('takes motions from representatives and officers, numbered in the meeting, and refuses anyone else', async () => {
		const s = await liveMeeting(handle().db);
		const { db, slug, n } = s;
		const first = await proposeMotion(db, actorOf(s.repA), slug, n, { text });
		expect(first).toMatchObject({ number: 1, state: 'proposed', membershipId: s.orgA.id });
		const byOfficer = await proposeMotion(db, actorOf(s.secretary), slug, n, {
			text: 'That the next meeting is held in the evening.'
		});
		expect(byOfficer).toMatchObject({ number: 2, membershipId: null, proposedAs: 'secretary' });

		expect((await failure(proposeMotion(db, actorOf(null), slug, n, { text }))).code).toBe(
			'not_signed_in'
		);
		const outsider = await failure(
			proposeMotion(db, actorOf(await makeUser(db)), slug, n, { text })
		);
		expect(outsider).toMatchObject({ code: 'not_allowed', msg: { key: 'motions.not_member' } });
		const empty = await failure(proposeMotion(db, actorOf(s.repA), slug, n, { text: '  ' }));
		expect(empty.code).toBe('invalid');
		expect(Object.keys(empty.fields)).toEqual(['text']);
		const notMine = await failure(
			proposeMotion(db, actorOf(s.repA), slug, n, { text, membershipId: s.orgB.id })
		);
		expect(Object.keys(notMine.fields)).toEqual(['membershipId']);

		const { motions: listed } = await listMotions(db, actorOf(null), slug, n);
		expect(listed.map((m) => [m.number, m.proposedBy, m.proposedAs])).toEqual([
			[1, 'Harbour Law Centre', null],
			[2, null, 'secretary']
		]);
		// Who proposed for an organisation is not public: only the organisation is named.
		expect(JSON.stringify(listed)).not.toContain(s.repA.id);
	});

	it('is seconded by another member organisation, by its own representative, once', async () => {
		const { db, slug, n, ...s } = await liveMeeting(handle().db);
		const motion = await proposeMotion(db, actorOf(s.repA), slug, n, { text });
		const own = await failure(secondMotion(db, actorOf(s.repA), slug, n, motion.number, {}));
		expect(own).toMatchObject({ code: 'conflict', msg: { key: 'motions.own_seconder' } });
		const officer = await failure(secondMotion(db, actorOf(s.chair), slug, n, motion.number, {}));
		expect(officer.code).toBe('not_allowed');
		const seconded = await secondMotion(db, actorOf(s.repB), slug, n, motion.number, {});
		expect(seconded.seconderMembershipId).toBe(s.orgB.id);
		const again = await failure(secondMotion(db, actorOf(s.repC), slug, n, motion.number, {}));
		expect(again.msg.key).toBe('motions.already_seconded');
		const { motion: read } = await getMotion(db, actorOf(null), slug, n, motion.number);
		expect(read.secondedBy).toBe('Migrants Network');
	});

	it('is scheduled or declined with a public, logged reason by the secretary or chair alone', async () => {
		const { db, slug, n, group, ...s } = await liveMeeting(handle().db);
		const one = await proposeMotion(db, actorOf(s.repA), slug, n, { text });
		const two = await proposeMotion(db, actorOf(s.repB), slug, n, { text: 'Another motion.' });
		for (const who of [s.vice, s.repA, await makeUser(db)]) {
			const refused = await failure(scheduleMotion(db, actorOf(who), slug, n, one.number));
			expect(refused.code).toBe('not_allowed');
		}
		expect((await scheduleMotion(db, actorOf(s.secretary), slug, n, one.number)).state).toBe(
			'scheduled'
		);
		const again = await failure(scheduleMotion(db, actorOf(s.chair), slug, n, one.number));
		expect(again.msg.key).toBe('motions.bad_transition');
		const noReason = await failure(
			declineMotion(db, actorOf(s.chair), slug, n, two.number, { reason: '' })
		);
		expect(noReason.fields.reason).toEqual({ key: 'motions.reason_required' });
		const declined = await changeMotionState(db, actorOf(s.chair), slug, n, two.number, {
			state: 'declined',
			reason: 'The group has no say over immigration law.'
		});
		expect(declined).toMatchObject({ state: 'declined' });
		const entry = (await listDecisions(db, group.id)).at(-1)!;
		expect(entry).toMatchObject({
			kind: 'motion.declined',
			payload: { number: 2, proposedBy: 'Migrants Network', reason: declined.declineReason }
		});
		const bad = await failure(
			changeMotionState(db, actorOf(s.chair), slug, n, two.number, { state: 'withdrawn' })
		);
		expect(Object.keys(bad.fields)).toEqual(['state']);
		expect((await failure(scheduleMotion(db, actorOf(s.chair), slug, n, 99))).code).toBe(
			'not_found'
		);
	});

	it('is voted on in the live meeting: the chair or vice-chair opens and closes, one vote per organisation, changeable until closed, then recorded on the log', async () => {
		const setup = await liveMeeting(handle().db);
		const { db, slug, n, group, ...s } = setup;
		const number = await scheduled(setup);
		const early = await failure(openMotionVote(db, actorOf(s.chair), slug, n, number));
		expect(early.msg.key).toBe('motions.meeting_not_live');
		await s.goLive();
		for (const who of [s.secretary, s.repA, await makeUser(db)]) {
			expect((await failure(openMotionVote(db, actorOf(who), slug, n, number))).code).toBe(
				'not_allowed'
			);
		}
		const beforeOpen = await failure(
			castMotionVote(db, actorOf(s.repA), slug, n, number, { vote: 'for' })
		);
		expect(beforeOpen.msg.key).toBe('motions.not_voting');
		expect((await openMotionVote(db, actorOf(s.vice), slug, n, number)).state).toBe('voting');

		await castMotionVote(db, actorOf(s.repA), slug, n, number, { vote: 'against' });
		const changed = await castMotionVote(db, actorOf(s.repA), slug, n, number, { vote: 'for' });
		expect(changed.totals).toEqual({ for: 1, against: 0, abstain: 0 });
		await castMotionVote(db, actorOf(s.repB), slug, n, number, { vote: 'abstain' });
		const bad = await failure(
			castMotionVote(db, actorOf(s.repC), slug, n, number, { vote: 'yes' })
		);
		expect(Object.keys(bad.fields)).toEqual(['vote']);
		for (const who of [s.chair, await makeUser(db)]) {
			const refused = await failure(
				castMotionVote(db, actorOf(who), slug, n, number, { vote: 'for' })
			);
			expect(refused.code).toBe('not_allowed');
		}
		const rows = await db.select().from(motionVotes);
		expect(rows.filter((r) => r.membershipId === s.orgA.id)).toHaveLength(1);

		// While voting, the public sees the running totals and no organisation's vote.
		const { motion: during } = await getMotion(db, actorOf(null), slug, n, number);
		expect(during).toMatchObject({
			state: 'voting',
			totals: { for: 1, against: 0, abstain: 1 },
			votes: null,
			result: null
		});
		// The meeting cannot close while the vote is open.
		const closing = await failure(
			changeMeetingState(db, actorOf(s.chair), slug, n, { state: 'closed' })
		);
		expect(closing.msg.key).toBe('motions.vote_open');

		expect((await failure(closeMotionVote(db, actorOf(s.secretary), slug, n, number))).code).toBe(
			'not_allowed'
		);
		const decided = await closeMotionVote(db, actorOf(s.chair), slug, n, number);
		expect(decided).toMatchObject({
			state: 'decided',
			votesFor: 1,
			votesAgainst: 0,
			abstentions: 1,
			eligible: 3,
			quorumNeeded: 1,
			quorumMet: true,
			outcome: 'carried'
		});
		const after = await failure(
			castMotionVote(db, actorOf(s.repC), slug, n, number, { vote: 'against' })
		);
		expect(after).toMatchObject({ code: 'conflict', msg: { key: 'motions.vote_closed' } });
		const twice = await failure(closeMotionVote(db, actorOf(s.chair), slug, n, number));
		expect(twice.code).toBe('conflict');

		const { motion: read } = await getMotion(db, actorOf(null), slug, n, number);
		expect(read).toMatchObject({
			state: 'decided',
			totals: { for: 1, against: 0, abstain: 1 },
			result: { outcome: 'carried', members: 3, quorumNeeded: 1, quorumMet: true },
			votes: [
				{ organisation: 'Harbour Law Centre', vote: 'for' },
				{ organisation: 'Migrants Network', vote: 'abstain' }
			],
			notVoting: ['Refugee Forum']
		});

		const log = await listDecisions(db, group.id);
		expect(verifyChain(log)).toMatchObject({ ok: true });
		const entry = log.at(-1)!;
		expect(entry).toMatchObject({
			kind: 'motion.decided',
			subject: `motion:${decided.id}`,
			payload: {
				meeting: n,
				number,
				text,
				proposedBy: 'Harbour Law Centre',
				counts: { for: 1, against: 0, abstain: 1 },
				members: 3,
				quorumNeeded: 1,
				quorumMet: true,
				rules: { quorum: 'third', majority: 'simple' },
				outcome: 'carried',
				votes: [
					{ organisation: 'Harbour Law Centre', vote: 'for' },
					{ organisation: 'Migrants Network', vote: 'abstain' }
				],
				notVoting: ['Refugee Forum']
			}
		});
		// No account is named on the public log.
		for (const who of [s.repA, s.repB, s.chair])
			expect(JSON.stringify(entry)).not.toContain(who.id);

		// The draft minutes made at closing record it, each organisation's vote included.
		await changeMeetingState(db, actorOf(s.chair), slug, n, { state: 'closed' });
		const [{ draft }] = await db
			.select({ draft: minutes.draft })
			.from(minutes)
			.where(eq(minutes.meetingId, decided.meetingId));
		expect(draft).toContain(`1. **Motion ${number}** ${text}`);
		expect(draft).toContain('- **Carried** — For 1 · Against 0 · Abstain 1');
		expect(draft).toContain('- Harbour Law Centre: For');
		expect(draft).toContain('- Did not vote: Refugee Forum');
	});

	it('keeps one vote per organisation when two of its representatives vote at once', async () => {
		const setup = await liveMeeting(handle().db);
		const { db, slug, n, ...s } = setup;
		const colleague = await secondRepresentative(db, s.orgA.id);
		const number = await scheduled(setup);
		await s.goLive();
		await openMotionVote(db, actorOf(s.chair), slug, n, number);
		for (let round = 0; round < 3; round++) {
			const [one, two] = await Promise.all([
				castMotionVote(db, actorOf(s.repA), slug, n, number, { vote: 'for' }),
				castMotionVote(db, actorOf(colleague), slug, n, number, { vote: 'against' })
			]);
			expect(one.organisation).toBe(two.organisation);
		}
		const motion = (await getMotion(db, actorOf(null), slug, n, number)).motion;
		const rows = await db.select().from(motionVotes).where(eq(motionVotes.motionId, motion.id));
		expect(rows).toHaveLength(1);
		expect(motion.totals).toEqual({
			for: rows[0].vote === 'for' ? 1 : 0,
			against: rows[0].vote === 'against' ? 1 : 0,
			abstain: 0
		});
		// A vote and the close at the same moment: the vote is counted, or refused; never lost.
		const [voted, decided] = await Promise.allSettled([
			castMotionVote(db, actorOf(s.repB), slug, n, number, { vote: 'abstain' }),
			closeMotionVote(db, actorOf(s.chair), slug, n, number)
		]);
		expect(decided.status).toBe('fulfilled');
		const result = (await getMotion(db, actorOf(null), slug, n, number)).motion;
		const counted = await db.select().from(motionVotes).where(eq(motionVotes.motionId, motion.id));
		expect(result.totals!.for + result.totals!.against + result.totals!.abstain).toBe(
			counted.length
		);
		expect(counted.length).toBe(voted.status === 'fulfilled' ? 2 : 1);
	});

	it('records a vote without quorum as no_quorum, and applies the group’s quorum and majority rules', async () => {
		const setup = await liveMeeting(handle().db);
		const { db, slug, n, group, ...s } = setup;
		await s.goLive();
		const vote = async (votes: [SessionUser, string][]) => {
			const number = await scheduled(setup);
			await openMotionVote(db, actorOf(s.chair), slug, n, number);
			for (const [rep, v] of votes) {
				await castMotionVote(db, actorOf(rep), slug, n, number, { vote: v });
			}
			return closeMotionVote(db, actorOf(s.chair), slug, n, number);
		};
		// A third of three organisations, rounded up: one must vote.
		expect(await vote([])).toMatchObject({
			outcome: 'no_quorum',
			quorumNeeded: 1,
			quorumMet: false
		});
		expect(
			await vote([
				[s.repA, 'for'],
				[s.repB, 'against']
			])
		).toMatchObject({ outcome: 'lost' });

		expect(
			(
				await failure(
					setMotionRules(db, actorOf(s.secretary), slug, { quorum: 'half', majority: 'simple' })
				)
			).code
		).toBe('not_allowed');
		await setMotionRules(db, actorOf(s.chair), slug, { quorum: 'half', majority: 'simple' });
		expect((await listDecisions(db, group.id)).at(-1)).toMatchObject({
			kind: 'motions.rules_changed',
			payload: { quorum: 'half', majority: 'simple' }
		});
		const unchanged = await failure(
			setMotionRules(db, actorOf(s.chair), slug, { quorum: 'half', majority: 'simple' })
		);
		expect(unchanged.msg.key).toBe('motions.rules_unchanged');
		// Half of three, rounded up: two. An abstention counts toward the quorum, not the majority.
		expect(await vote([[s.repA, 'for']])).toMatchObject({ outcome: 'no_quorum', quorumNeeded: 2 });
		expect(
			await vote([
				[s.repA, 'for'],
				[s.repB, 'abstain']
			])
		).toMatchObject({
			outcome: 'carried',
			quorumMet: true
		});
		await setMotionRules(db, actorOf(s.chair), slug, { quorum: 'none', majority: 'two_thirds' });
		expect(
			await vote([
				[s.repA, 'for'],
				[s.repB, 'against']
			])
		).toMatchObject({ outcome: 'lost' });
		expect(
			await vote([
				[s.repA, 'for'],
				[s.repB, 'for'],
				[s.repC, 'against']
			])
		).toMatchObject({
			outcome: 'carried'
		});

		// The rules cannot change while a vote is open.
		const open = await scheduled(setup);
		await openMotionVote(db, actorOf(s.chair), slug, n, open);
		const during = await failure(
			setMotionRules(db, actorOf(s.chair), slug, { quorum: 'third', majority: 'simple' })
		);
		expect(during.msg.key).toBe('motions.rules_vote_open');
		expect(verifyChain(await listDecisions(db, group.id))).toMatchObject({ ok: true });
	});

	it('decides amendments before the motion they amend', async () => {
		const setup = await liveMeeting(handle().db);
		const { db, slug, n, group, ...s } = setup;
		const main = await scheduled(setup);
		const amended =
			'That the group asks the Service to publish its custody figures every month and by organisation.';
		const amendment = await proposeMotion(db, actorOf(s.repB), slug, n, {
			text: 'Insert “and by organisation” after “every month”.',
			amendmentOf: main,
			amendedText: amended
		});
		const ofAmendment = await failure(
			proposeMotion(db, actorOf(s.repC), slug, n, {
				text: 'Further.',
				amendmentOf: amendment.number
			})
		);
		expect(ofAmendment.msg.key).toBe('motions.not_amendable');
		const unknown = await failure(
			proposeMotion(db, actorOf(s.repC), slug, n, { text: 'Further.', amendmentOf: 42 })
		);
		expect(Object.keys(unknown.fields)).toEqual(['amendmentOf']);
		await s.goLive();
		const blocked = await failure(openMotionVote(db, actorOf(s.chair), slug, n, main));
		expect(blocked.msg.key).toBe('motions.amendments_pending');
		await scheduleMotion(db, actorOf(s.chair), slug, n, amendment.number);
		await openMotionVote(db, actorOf(s.chair), slug, n, amendment.number);
		await castMotionVote(db, actorOf(s.repA), slug, n, amendment.number, { vote: 'for' });
		expect((await failure(openMotionVote(db, actorOf(s.chair), slug, n, main))).msg.key).toBe(
			'motions.amendments_pending'
		);
		await closeMotionVote(db, actorOf(s.chair), slug, n, amendment.number);
		const closedAmend = (await listDecisions(db, group.id)).at(-1)!;
		expect(closedAmend.payload).toMatchObject({
			amendmentOf: main,
			outcome: 'carried',
			amendedText: amended
		});
		// Carried, the amendment rewrote its motion, which keeps the text it was proposed with.
		const { motion: rewritten } = await getMotion(db, actorOf(null), slug, n, main);
		expect(rewritten).toMatchObject({ text: amended, originalText: text });
		await openMotionVote(db, actorOf(s.chair), slug, n, main);
		// Amending a motion being voted on is too late.
		const late = await failure(
			proposeMotion(db, actorOf(s.repC), slug, n, { text: 'Too late?', amendmentOf: main })
		);
		expect(late).toMatchObject({ code: 'conflict', msg: { key: 'motions.not_amendable' } });
		await castMotionVote(db, actorOf(s.repA), slug, n, main, { vote: 'for' });
		await closeMotionVote(db, actorOf(s.chair), slug, n, main);
		const entry = (await listDecisions(db, group.id)).at(-1)!;
		expect(entry.payload).toMatchObject({
			number: main,
			text: amended,
			originalText: text,
			amendmentOf: null,
			amendments: [{ number: amendment.number, outcome: 'carried' }]
		});
		const { motions: listed } = await listMotions(db, actorOf(null), slug, n);
		expect(listed.find((m) => m.number === amendment.number)?.amendmentOf).toBe(main);
	});

	it('takes an amendment only with the motion as it would read, and refuses one another amendment outdated', async () => {
		const setup = await liveMeeting(handle().db);
		const { db, slug, n, ...s } = setup;
		const main = await scheduled(setup);
		const without = await failure(
			proposeMotion(db, actorOf(s.repB), slug, n, { text: 'Add “monthly”.', amendmentOf: main })
		);
		expect(without.fields.amendedText.key).toBe('motions.amended_text_needed');
		const same = await failure(
			proposeMotion(db, actorOf(s.repB), slug, n, {
				text: 'Change nothing.',
				amendmentOf: main,
				amendedText: text
			})
		);
		expect(same.fields.amendedText.key).toBe('motions.amended_text_same');
		const first = await proposeMotion(db, actorOf(s.repB), slug, n, {
			text: 'Replace “every month” with “every week”.',
			amendmentOf: main,
			amendedText: 'That the group asks the Service to publish its custody figures every week.'
		});
		const second = await proposeMotion(db, actorOf(s.repC), slug, n, {
			text: 'Replace “custody figures” with “custody and stop figures”.',
			amendmentOf: main,
			amendedText:
				'That the group asks the Service to publish its custody and stop figures every month.'
		});
		for (const a of [first, second]) {
			await scheduleMotion(db, actorOf(s.chair), slug, n, a.number);
		}
		await s.goLive();
		await openMotionVote(db, actorOf(s.chair), slug, n, first.number);
		await castMotionVote(db, actorOf(s.repA), slug, n, first.number, { vote: 'for' });
		await closeMotionVote(db, actorOf(s.chair), slug, n, first.number);
		// The second was written against the motion before the first changed it.
		const outdated = await failure(openMotionVote(db, actorOf(s.chair), slug, n, second.number));
		expect(outdated).toMatchObject({
			code: 'conflict',
			msg: { key: 'motions.amendment_outdated' }
		});
		await declineMotion(db, actorOf(s.chair), slug, n, second.number, {
			reason: 'Overtaken by amendment 2; propose it again against the motion as amended.'
		});
		const { motion: listed } = await getMotion(db, actorOf(null), slug, n, main);
		expect(listed).toMatchObject({
			text: 'That the group asks the Service to publish its custody figures every week.',
			originalText: text
		});
	});

	it('lets only organisations that were members when the vote opened vote', async () => {
		const setup = await liveMeeting(handle().db);
		const { db, slug, n, ...s } = setup;
		const number = await scheduled(setup);
		await s.goLive();
		const opened = await openMotionVote(db, actorOf(s.chair), slug, n, number);
		// As if the Refugee Forum had been accepted after the vote opened.
		await db
			.update(memberships)
			.set({ startedAt: new Date(opened.voteOpenedAt!.getTime() + 1000) })
			.where(eq(memberships.id, s.orgC.id));
		const late = await failure(
			castMotionVote(db, actorOf(s.repC), slug, n, number, { vote: 'for' })
		);
		expect(late).toMatchObject({ code: 'not_allowed', msg: { key: 'motions.not_eligible' } });
		const decided = await closeMotionVote(db, actorOf(s.chair), slug, n, number);
		expect(decided.eligible).toBe(2);
	});

	it('refuses the vote of an organisation recorded absent or sending apologies, until it is recorded present', async () => {
		const setup = await liveMeeting(handle().db);
		const { db, slug, n, ...s } = setup;
		const number = await scheduled(setup);
		await s.goLive();
		await recordAttendance(db, actorOf(s.secretary), slug, n, {
			entries: [
				{ membershipId: s.orgA.id, status: 'present' },
				{ membershipId: s.orgB.id, status: 'absent' },
				{ membershipId: s.orgC.id, status: 'apologies' }
			]
		});
		await openMotionVote(db, actorOf(s.chair), slug, n, number);
		for (const rep of [s.repB, s.repC]) {
			expect(
				await failure(castMotionVote(db, actorOf(rep), slug, n, number, { vote: 'against' }))
			).toMatchObject({ code: 'conflict', msg: { key: 'motions.not_present' } });
		}
		await castMotionVote(db, actorOf(s.repA), slug, n, number, { vote: 'for' });
		// Arrived late: the secretary records it present, and its vote counts.
		await recordAttendance(db, actorOf(s.secretary), slug, n, {
			entries: [{ membershipId: s.orgB.id, status: 'present' }]
		});
		await castMotionVote(db, actorOf(s.repB), slug, n, number, { vote: 'against' });
		const decided = await closeMotionVote(db, actorOf(s.chair), slug, n, number);
		expect([decided.votesFor, decided.votesAgainst]).toEqual([1, 1]);
	});

	it.skipIf(!(groupRole.enumValues as readonly string[]).includes('respondent'))(
		'refuses a respondent everything',
		async () => {
			const setup = await liveMeeting(handle().db);
			const { db, slug, n, group, ...s } = setup;
			const respondent = await makeUser(db);
			await db.insert(groupRoles).values({
				groupId: group.id,
				userId: respondent.id,
				role: 'respondent' as (typeof groupRole.enumValues)[number]
			});
			const as = actorOf(respondent);
			const number = await scheduled(setup);
			const proposedOnly = (await proposeMotion(db, actorOf(s.repB), slug, n, { text })).number;
			await s.goLive();
			expect((await failure(proposeMotion(db, as, slug, n, { text }))).code).toBe('not_allowed');
			expect((await failure(secondMotion(db, as, slug, n, number, {}))).code).toBe('not_allowed');
			expect((await failure(scheduleMotion(db, as, slug, n, proposedOnly))).code).toBe(
				'not_allowed'
			);
			expect(
				(await failure(declineMotion(db, as, slug, n, proposedOnly, { reason: 'No.' }))).code
			).toBe('not_allowed');
			expect((await failure(openMotionVote(db, as, slug, n, number))).code).toBe('not_allowed');
			await openMotionVote(db, actorOf(s.chair), slug, n, number);
			expect((await failure(castMotionVote(db, as, slug, n, number, { vote: 'for' }))).code).toBe(
				'not_allowed'
			);
			expect((await failure(closeMotionVote(db, as, slug, n, number))).code).toBe('not_allowed');
			expect(
				(await failure(setMotionRules(db, as, slug, { quorum: 'half', majority: 'simple' }))).code
			).toBe('not_allowed');
			const rows = await db
				.select()
				.from(motions)
				.where(and(eq(motions.groupId, group.id), eq(motions.number, number)));
			expect(rows[0].state).toBe('voting');
		}
	);
});
