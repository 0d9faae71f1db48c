import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeMember, makeUser } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import type { Database } from '$lib/server/db';
import { writtenQuestions, writtenRatings } from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/session';
import { allows, permissions, rolesOf, type Permission } from '$lib/server/auth/authorise';
import { appointOfficer, endAppointment, listOfficers } from '$lib/server/groups/officers';
import { createMeeting } from '$lib/server/meetings/meetings';
import { askQuestion } from '$lib/server/questions/ask';
import { moderateQuestion } from '$lib/server/questions/moderate';
import { rateAnswer } from '$lib/server/questions/votes';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import { groupToday, ledgerFilterOf, ledgerItems, ledgerSummary } from '$lib/server/ledger/items';
import { generateSessionToken } from '$lib/server/auth/session';
import { askInWriting } from '$lib/server/written/ask';
import { answerInWriting } from '$lib/server/written/answer';
import { rateWrittenAnswer } from '$lib/server/written/rate';
import { getWritten, listWritten } from '$lib/server/written/read';
import { getGroup } from '$lib/server/groups/groups';
import { makeGroupWithOfficers } from '../fixtures/factories';
import { demoGroupSlug, loadDemo } from '$lib/server/demo/load-demo';

const day = (iso: string) => ({ now: new Date(`${iso}T12:00:00Z`) });

/** A live meeting's group with a respondent, a member organisation and a question asked in it. */
async function setUp(db: Database) {
	const live = await liveMeeting(db);
	const slug = live.group.slug;
	const respondent = await makeUser(db, { displayName: 'Inspector Grey' });
	await appointOfficer(db, actorOf(live.chair), slug, {
		email: respondent.email,
		role: 'respondent'
	});
	const rep = await makeMember(db, slug, live.chair, 'Harbour Law Centre');
	const question = await askQuestion(db, attendee(), await live.context(), {
		text: 'How many strip searches were recorded last year?',
		anonymous: true
	});
	return { ...live, db, slug, respondent, rep, question };
}

type Setup = Awaited<ReturnType<typeof setUp>>;

/** The chair sends the live question for a written answer. */
function sendForWriting(s: Setup, extra: Record<string, unknown> = {}, as = s.chairParticipant) {
	return s.context().then((context) =>
		moderateQuestion(s.db, as, context, {
			action: 'status',
			questionId: s.question.id,
			status: 'written',
			...extra
		})
	);
}

async function writtenOf(db: Database, questionId: string) {
	const [row] = await db
		.select()
		.from(writtenQuestions)
		.where(eq(writtenQuestions.questionId, questionId));
	return row;
}

describeOnEachDatabase('written answers', (handle) => {
	it('the chair appoints a respondent, who holds no power but answering in writing', async () => {
		const s = await setUp(handle().db);
		const { db, slug } = s;
		const roles = await rolesOf(db, s.respondent, s.group.id);
		expect([...roles]).toEqual(['respondent']);
		for (const permission of Object.keys(permissions) as Permission[]) {
			expect(allows(roles, permission), permission).toBe(permission === 'question.answer.written');
		}
		// Only the chair (or the site admin) appoints one: not the secretary.
		const other = await makeUser(db);
		const bySecretary = await failure(
			appointOfficer(db, actorOf(s.secretary), slug, { email: other.email, role: 'respondent' })
		);
		expect(bySecretary.code).toBe('not_allowed');
		const log = await listDecisions(db, s.group.id);
		expect(
			log.find((e) => e.kind === 'officer.appointed' && e.payload.role === 'respondent')
		).toMatchObject({ payload: { officer: 'Inspector Grey', by: 'chair' } });

		// A respondent trying anything else is refused: moderating, the meeting, appointing.
		const respondentParticipant = { ...actorOf(s.respondent), token: generateSessionToken() };
		const moderate = await failure(
			moderateQuestion(db, respondentParticipant, await s.context(), {
				action: 'pin',
				questionId: s.question.id
			})
		);
		expect(moderate.code).toBe('not_allowed');
		const status = await failure(sendForWriting(s, {}, respondentParticipant));
		expect(status.code).toBe('not_allowed');
		const meeting = await failure(
			createMeeting(db, actorOf(s.respondent), slug, {
				title: 'Not theirs',
				startsAt: '2027-01-01T18:00',
				endsAt: '2027-01-01T19:00',
				location: 'Hall'
			})
		);
		expect(meeting.code).toBe('not_allowed');
		const appoint = await failure(
			appointOfficer(db, actorOf(s.respondent), slug, { email: other.email, role: 'respondent' })
		);
		expect(appoint.code).toBe('not_allowed');
		// Nor may they ask in writing: they are not a member organisation's representative.
		const ask = await failure(askInWriting(db, actorOf(s.respondent), slug, { text: 'Mine?' }));
		expect(ask).toMatchObject({ code: 'not_allowed', msg: { key: 'written.not_member' } });
	});

	it('sends a live question for a written answer, due in 28 days or on the date the chair sets', async () => {
		const s = await setUp(handle().db);
		await sendForWriting(s);
		const row = await writtenOf(s.db, s.question.id);
		const today = groupToday(s.group, row.askedAt);
		const expected = new Date(Date.parse(`${today}T00:00:00Z`) + 28 * 86_400_000)
			.toISOString()
			.slice(0, 10);
		expect(row).toMatchObject({
			groupId: s.group.id,
			meetingId: s.meeting.id,
			text: s.question.text,
			dueOn: expected,
			answer: null
		});
		const log = await listDecisions(s.db, s.group.id);
		expect(log.at(-1)).toMatchObject({
			kind: 'question.answered',
			payload: { status: 'written', dueOn: expected }
		});
		// Owed now: neither undone nor given another status (answer it instead).
		const context = await s.context();
		const undo = await failure(
			moderateQuestion(s.db, s.chairParticipant, context, {
				action: 'undo_status',
				questionId: s.question.id
			})
		);
		expect(undo).toMatchObject({ code: 'conflict', msg: { key: 'written.undo' } });
		const again = await failure(sendForWriting(s, { dueOn: '2027-01-01' }));
		expect(again).toMatchObject({ code: 'conflict', msg: { key: 'written.undo' } });
		// No answer yet, so no room's verdict on it: that is given on the written answer.
		const verdict = await failure(
			rateAnswer(s.db, attendee(), context, { questionId: s.question.id, verdict: 'answered' })
		);
		expect(verdict).toMatchObject({ code: 'conflict', msg: { key: 'question.not_rateable' } });

		const other = await setUp(handle().db);
		await sendForWriting(other, { dueOn: '2026-12-24' });
		expect((await writtenOf(other.db, other.question.id)).dueOn).toBe('2026-12-24');
	});

	it('takes questions in writing from member organisations and officers, refusing anyone else', async () => {
		const s = await setUp(handle().db);
		const { db, slug } = s;
		const asked = await askInWriting(db, actorOf(s.rep), slug, { text: 'Why close the desk?' });
		const secretarys = await askInWriting(db, actorOf(s.secretary), slug, {
			text: 'And the cells?'
		});
		expect(secretarys.membershipId).toBeNull();
		const [first] = await listWritten(db, s.group);
		expect(first).toMatchObject({ id: asked.id, organisation: 'Harbour Law Centre' });
		// Who asked is not public: the organisation is named, never the person.
		expect(JSON.stringify(await listWritten(db, s.group))).not.toContain(s.rep.id);

		expect((await failure(askInWriting(db, actorOf(null), slug, { text: 'x' }))).code).toBe(
			'not_signed_in'
		);
		const outsider = await failure(
			askInWriting(db, actorOf(await makeUser(db)), slug, { text: 'Let me in?' })
		);
		expect(outsider).toMatchObject({ code: 'not_allowed', msg: { key: 'written.not_member' } });
		const empty = await failure(askInWriting(db, actorOf(s.rep), slug, { text: '  ' }));
		expect(Object.keys(empty.fields)).toEqual(['text']);
		const notTheirs = await failure(
			askInWriting(db, actorOf(s.rep), slug, {
				text: 'For another?',
				membershipId: '00000000-0000-4000-8000-000000000000'
			})
		);
		expect(Object.keys(notTheirs.fields)).toEqual(['membershipId']);
	});

	// Each question asked in writing is owed an answer on the public ledger: one account could
	// flood the institution (and the ledger) with them. Limited per account, like corrections.
	it('limits questions in writing per account, and writes nothing when refused', async () => {
		const s = await setUp(handle().db);
		const { db, slug } = s;
		const before = (await listWritten(db, s.group)).length;
		for (let i = 0; i < 10; i++) {
			await askInWriting(db, actorOf(s.rep), slug, { text: `Question in writing ${i}?` });
		}
		const refused = await failure(
			askInWriting(db, actorOf(s.rep), slug, { text: 'One more in writing?' })
		);
		expect(refused.code).toBe('rate_limited');
		expect((await listWritten(db, s.group)).length).toBe(before + 10);
		// Another account is not held back by it.
		await askInWriting(db, actorOf(s.secretary), slug, { text: 'The secretary asks?' });
	});

	it('records the answer once, verbatim, with its date, by the secretary or a respondent', async () => {
		const s = await setUp(handle().db);
		const { db, slug } = s;
		const asked = await askInWriting(db, actorOf(s.rep), slug, { text: 'Q?' }, day('2026-03-01'));
		expect(asked.dueOn).toBe('2026-03-29');
		const answer = '  We recorded 412.\n\n<b>Not bold</b> — verbatim.';
		const refused = async (who: SessionUser | null) =>
			(await failure(answerInWriting(db, actorOf(who), slug, asked.id, { answer }))).code;
		expect(await refused(null)).toBe('not_signed_in');
		expect(await refused(s.rep)).toBe('not_allowed');
		expect(await refused(await makeUser(db))).toBe('not_allowed');

		const future = await failure(
			answerInWriting(
				db,
				actorOf(s.respondent),
				slug,
				asked.id,
				{ answer, answeredOn: '2026-04-20' },
				day('2026-04-10')
			)
		);
		expect(Object.keys(future.fields)).toEqual(['answeredOn']);
		const blank = await failure(answerInWriting(db, actorOf(s.respondent), slug, asked.id, {}));
		expect(Object.keys(blank.fields)).toEqual(['answer']);

		const answered = await answerInWriting(
			db,
			actorOf(s.respondent),
			slug,
			asked.id,
			{ answer, answeredOn: '2026-04-08' },
			day('2026-04-10')
		);
		expect(answered).toMatchObject({
			answer: answer.trim(),
			answeredOn: '2026-04-08',
			answeredBy: s.respondent.id
		});
		const twice = await failure(
			answerInWriting(db, actorOf(s.secretary), slug, asked.id, { answer: 'Rewritten.' })
		);
		expect(twice).toMatchObject({ code: 'conflict', msg: { key: 'written.already_answered' } });

		const log = await listDecisions(db, s.group.id);
		expect(log.at(-1)).toMatchObject({
			kind: 'question.answered_in_writing',
			payload: {
				answer: answer.trim(),
				answeredOn: '2026-04-08',
				dueOn: '2026-03-29',
				daysLate: 10
			}
		});
		expect(JSON.stringify(log.at(-1))).not.toContain(s.respondent.id);
		expect(verifyChain(log)).toMatchObject({ ok: true });

		// The secretary answers too; the date defaults to today.
		const second = await askInWriting(db, actorOf(s.rep), slug, { text: 'Again?' });
		const bySecretary = await answerInWriting(db, actorOf(s.secretary), slug, second.id, {
			answer: 'Yes.'
		});
		expect(bySecretary.answeredOn).toBe(groupToday(s.group, new Date()));
	});

	it('finds no written question of another group, nor one that does not exist', async () => {
		const s = await setUp(handle().db);
		const asked = await askInWriting(s.db, actorOf(s.rep), s.slug, { text: 'Ours?' });
		const b = await makeGroupWithOfficers(s.db);
		const foreign = await failure(
			answerInWriting(s.db, actorOf(b.secretary), b.group.slug, asked.id, { answer: 'No.' })
		);
		expect(foreign.code).toBe('not_found');
		const made = await failure(
			answerInWriting(s.db, actorOf(s.secretary), s.slug, 'not-an-id', { answer: 'No.' })
		);
		expect(made.code).toBe('not_found');
		expect((await writtenOf(s.db, s.question.id)) ?? null).toBeNull();
	});

	it('a respondent whose appointment ended answers nothing', async () => {
		const s = await setUp(handle().db);
		const asked = await askInWriting(s.db, actorOf(s.rep), s.slug, { text: 'Still?' });
		const appointment = (await listOfficers(s.db, s.group.id)).find(
			(o) => o.role === 'respondent'
		)!;
		await endAppointment(s.db, actorOf(s.chair), s.slug, appointment.id, { reason: 'Moved on.' });
		const after = await failure(
			answerInWriting(s.db, actorOf(s.respondent), s.slug, asked.id, { answer: 'Late.' })
		);
		expect(after.code).toBe('not_allowed');
	});

	it('puts written questions on the ledger with their due date, answer date and lateness', async () => {
		const s = await setUp(handle().db);
		const { db, slug } = s;
		const group = await getGroup(db, slug);
		const late = await askInWriting(db, actorOf(s.rep), slug, { text: 'Late?' }, day('2026-01-01'));
		const overdue = await askInWriting(
			db,
			actorOf(s.rep),
			slug,
			{ text: 'Over?' },
			day('2026-01-02')
		);
		const inTime = await askInWriting(
			db,
			actorOf(s.rep),
			slug,
			{ text: 'Quick?' },
			day('2026-01-03')
		);
		await answerInWriting(
			db,
			actorOf(s.respondent),
			slug,
			late.id,
			{ answer: 'At last.', answeredOn: '2026-02-09' },
			day('2026-02-10')
		);
		await answerInWriting(
			db,
			actorOf(s.respondent),
			slug,
			inTime.id,
			{ answer: 'Soon.', answeredOn: '2026-01-20' },
			day('2026-02-10')
		);
		const now = new Date('2026-03-01T12:00:00Z');
		const items = await ledgerItems(
			db,
			group,
			ledgerFilterOf(new URLSearchParams('kind=written')),
			now
		);
		const byId = new Map(items.map((i) => [i.id, i]));
		expect(byId.get(late.id)).toMatchObject({
			kind: 'written',
			meetingNumber: null,
			organisation: 'Harbour Law Centre',
			owner: group.institution,
			dueOn: '2026-01-29',
			status: 'answered_in_writing',
			overdue: false,
			answeredOn: '2026-02-09',
			daysLate: 11,
			resolution: 'At last.'
		});
		expect(byId.get(overdue.id)).toMatchObject({
			status: 'written',
			dueOn: '2026-01-30',
			overdue: true,
			daysLate: 30,
			answeredOn: null
		});
		expect(byId.get(inTime.id)).toMatchObject({ overdue: false, daysLate: 0 });

		const only = async (query: string) =>
			(await ledgerItems(db, group, ledgerFilterOf(new URLSearchParams(query)), now)).map(
				(i) => i.id
			);
		expect(await only('overdue=1')).toEqual([overdue.id]);
		expect(await only('status=answered_in_writing')).toEqual([late.id, inTime.id]);
		expect(await only('kind=action')).toEqual([]);
		// The live question the chair sends for writing appears once, as a written question.
		await sendForWriting(s);
		const all = await ledgerItems(db, group, ledgerFilterOf(new URLSearchParams()), now);
		expect(
			all.filter((i) => i.text === s.question.text).map((i) => [i.kind, i.meetingNumber])
		).toEqual([['written', s.meeting.number]]);
		expect(await ledgerSummary(db, group, now)).toMatchObject({
			overdue: 1,
			unresolvedQuestions: 2
		});
	});

	it('takes one verdict per account on a written answer, once it is answered', async () => {
		const s = await setUp(handle().db);
		const { db, slug } = s;
		const asked = await askInWriting(db, actorOf(s.rep), slug, { text: 'Judge?' });
		const early = await failure(
			rateWrittenAnswer(db, actorOf(s.rep), slug, asked.id, { verdict: 'answered' })
		);
		expect(early).toMatchObject({ code: 'conflict', msg: { key: 'written.not_answered_yet' } });
		await answerInWriting(db, actorOf(s.respondent), slug, asked.id, { answer: 'Partly so.' });
		const anonymous = await failure(
			rateWrittenAnswer(db, actorOf(null), slug, asked.id, { verdict: 'answered' })
		);
		expect(anonymous.code).toBe('not_signed_in');
		const bad = await failure(
			rateWrittenAnswer(db, actorOf(s.rep), slug, asked.id, { verdict: 'great' })
		);
		expect(Object.keys(bad.fields)).toEqual(['verdict']);
		const reader = await makeUser(db);
		await rateWrittenAnswer(db, actorOf(s.rep), slug, asked.id, { verdict: 'answered' });
		// Said again, it replaces one's own verdict: never a second vote.
		await rateWrittenAnswer(db, actorOf(s.rep), slug, asked.id, { verdict: 'partly_answered' });
		await rateWrittenAnswer(db, actorOf(reader), slug, asked.id, { verdict: 'not_answered' });
		expect((await getWritten(db, s.group, asked.id)).verdicts).toEqual({
			answered: 0,
			partly_answered: 1,
			not_answered: 1
		});
		const rows = await db.select().from(writtenRatings);
		expect(rows).toHaveLength(2);
		// Keyed hashes: no verdict names its account, nor links to the same person's others.
		const ids = [s.rep.id, reader.id];
		for (const row of rows) for (const id of ids) expect(row.raterKey).not.toContain(id);
	});

	it('tells the demo’s story: a written answer that came late, one still overdue, a respondent', async () => {
		const { db } = handle();
		await loadDemo(db);
		const group = await getGroup(db, demoGroupSlug);
		const items = await ledgerItems(db, group, ledgerFilterOf(new URLSearchParams('kind=written')));
		expect(items.map((i) => [i.status, i.overdue, i.daysLate])).toEqual([
			['answered_in_writing', false, 12],
			['written', true, 17]
		]);
		const officers = await listOfficers(db, group.id, { currentOnly: true });
		expect(officers.filter((o) => o.role === 'respondent').map((o) => o.displayName)).toEqual([
			'Inspector Dana Whitfield'
		]);
	});
});
