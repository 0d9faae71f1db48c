import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroup, makeUser } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import type { Database } from '$lib/server/db';
import {
	auditLog,
	commitments,
	meetings,
	questions,
	questionVotes,
	type AnswerStatus,
	type MeetingState
} from '$lib/server/db/schema';
import { appointOfficer } from '$lib/server/groups/officers';
import { recordCommitment, updateCommitmentStatus } from '$lib/server/commitments/commitments';
import { ledgerFilterOf, ledgerItems, ledgerSummary } from '$lib/server/ledger/items';
import { meetingFigures } from '$lib/server/ledger/figures';
import { askQuestion } from '$lib/server/questions/ask';
import { demoGroupSlug, loadDemo } from '$lib/server/demo/load-demo';
import { getGroup } from '$lib/server/groups/groups';
import { moderateQuestion } from '$lib/server/questions/moderate';

const at = (iso: string) => new Date(iso);
/** The fixed "now" of these tests: midday UTC, already the next day in Auckland (UTC+13). */
const now = at('2026-03-15T12:00:00Z');

/** A group in Auckland with a chair and a secretary, and a history of meetings set by hand. */
async function groupWithHistory(db: Database) {
	const admin = await makeUser(db, { siteAdmin: true });
	const chair = await makeUser(db);
	const secretary = await makeUser(db);
	const member = await makeUser(db);
	const group = await makeGroup(db, admin, { timeZone: 'Pacific/Auckland' });
	await appointOfficer(db, actorOf(admin), group.slug, { email: chair.email, role: 'chair' });
	await appointOfficer(db, actorOf(chair), group.slug, {
		email: secretary.email,
		role: 'secretary'
	});
	const meeting = async (number: number, startsAt: string, state: MeetingState) => {
		const [row] = await db
			.insert(meetings)
			.values({
				groupId: group.id,
				number,
				title: `Meeting ${number}`,
				startsAt: at(startsAt),
				endsAt: new Date(at(startsAt).getTime() + 7_200_000),
				state
			})
			.returning();
		return row;
	};
	const m1 = await meeting(1, '2026-01-10T06:00:00Z', 'closed');
	const m2 = await meeting(2, '2026-02-10T06:00:00Z', 'closed');
	const m3 = await meeting(3, '2026-03-10T06:00:00Z', 'closed');
	const m4 = await meeting(4, '2026-04-10T06:00:00Z', 'scheduled');
	const m5 = await meeting(5, '2026-05-10T06:00:00Z', 'draft');
	return { admin, chair, secretary, member, group, m1, m2, m3, m4, m5 };
}

/** A published question, with `votes` distinct voters. */
async function question(
	db: Database,
	meetingId: string,
	text: string,
	options: {
		votes?: number;
		status?: AnswerStatus;
		askedAt?: string;
		state?: 'published' | 'merged' | 'rejected';
	} = {}
) {
	const [row] = await db
		.insert(questions)
		.values({
			meetingId,
			text,
			anonymous: true,
			state: options.state ?? 'published',
			answerStatus: options.status ?? 'open',
			askedAt: at(options.askedAt ?? '2026-01-01T00:00:00Z')
		})
		.returning();
	if (options.votes) {
		await db.insert(questionVotes).values(
			Array.from({ length: options.votes }, (_, i) => ({
				questionId: row.id,
				voterKey: `voter-${i}`
			}))
		);
	}
	return row;
}

describeOnEachDatabase('actions and the accountability ledger', (handle) => {
	it('records actions with field messages, only by officers, only at held meetings', async () => {
		const { db } = handle();
		const h = await groupWithHistory(db);
		const secretary = actorOf(h.secretary);
		const valid = { owner: 'The Service', description: 'Publish the audit.', dueOn: '2026-04-01' };

		const bad = await failure(
			recordCommitment(db, secretary, h.group.slug, 1, {
				owner: ' ',
				description: 'Publish the audit.',
				dueOn: '2026-02-31'
			})
		);
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.fields).sort()).toEqual(['dueOn', 'owner']);
		expect(bad.fields.dueOn.key).toBe('validation.date');
		expect(
			(await failure(recordCommitment(db, actorOf(null), h.group.slug, 1, valid))).status
		).toBe(401);
		expect(
			(await failure(recordCommitment(db, actorOf(h.member), h.group.slug, 1, valid))).status
		).toBe(403);
		// Not yet held (scheduled) → conflict; a draft is unknown → 404.
		expect((await failure(recordCommitment(db, secretary, h.group.slug, 4, valid))).status).toBe(
			409
		);
		expect((await failure(recordCommitment(db, secretary, h.group.slug, 99, valid))).status).toBe(
			404
		);
		// A question of another meeting cannot be linked.
		const elsewhere = await question(db, h.m2.id, 'From another meeting?');
		const foreign = await failure(
			recordCommitment(db, secretary, h.group.slug, 1, { ...valid, questionId: elsewhere.id })
		);
		expect(foreign.fields.questionId.key).toBe('action.question_unknown');

		const action = await recordCommitment(db, secretary, h.group.slug, 1, valid, { now });
		expect(action).toMatchObject({
			meetingNumber: 1,
			owner: 'The Service',
			dueOn: '2026-04-01',
			status: 'open',
			resolvedAt: null,
			createdAt: now.toISOString()
		});
		const [row] = await db.select().from(commitments).where(eq(commitments.id, action.id));
		expect(row.createdBy).toBe(h.secretary.id);
		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.subject, action.id), eq(auditLog.action, 'action.record')));
		expect(audit).toHaveLength(1);
	});

	it('marks actions done, dropped (only with a reason) and open again, setting resolvedAt', async () => {
		const { db } = handle();
		const h = await groupWithHistory(db);
		const chair = actorOf(h.chair);
		const action = await recordCommitment(db, chair, h.group.slug, 2, {
			owner: 'Chief Inspector',
			description: 'Share the custody figures.',
			dueOn: '2026-03-01'
		});
		const noReason = await failure(
			updateCommitmentStatus(db, chair, h.group.slug, action.id, { status: 'dropped', note: '  ' })
		);
		expect(noReason.status).toBe(400);
		expect(noReason.fields.note.key).toBe('action.reason_needed');
		const badStatus = await failure(
			updateCommitmentStatus(db, chair, h.group.slug, action.id, { status: 'lost' })
		);
		expect(Object.keys(badStatus.fields)).toEqual(['status']);
		expect(
			(
				await failure(
					updateCommitmentStatus(db, actorOf(h.member), h.group.slug, action.id, { status: 'done' })
				)
			).status
		).toBe(403);
		expect(
			(await failure(updateCommitmentStatus(db, chair, h.group.slug, 'nope', { status: 'done' })))
				.status
		).toBe(404);

		const doneAt = at('2026-03-02T09:00:00Z');
		const done = await updateCommitmentStatus(
			db,
			chair,
			h.group.slug,
			action.id,
			{ status: 'done' },
			{ now: doneAt }
		);
		expect(done).toMatchObject({
			status: 'done',
			statusNote: null,
			resolvedAt: doneAt.toISOString()
		});
		expect(
			(
				await failure(
					updateCommitmentStatus(db, chair, h.group.slug, action.id, { status: 'done' })
				)
			).status
		).toBe(409);
		const reopened = await updateCommitmentStatus(db, chair, h.group.slug, action.id, {
			status: 'open'
		});
		expect(reopened).toMatchObject({ status: 'open', resolvedAt: null });
		const dropped = await updateCommitmentStatus(
			db,
			actorOf(h.secretary),
			h.group.slug,
			action.id,
			{
				status: 'dropped',
				note: 'Superseded by the review.'
			}
		);
		expect(dropped).toMatchObject({ status: 'dropped', statusNote: 'Superseded by the review.' });
		expect(dropped.resolvedAt).not.toBeNull();
		const audit = await db.select().from(auditLog).where(eq(auditLog.subject, action.id));
		expect(audit.map((a) => a.action).sort()).toEqual(
			['action.record', 'action.done', 'action.reopen', 'action.dropped'].sort()
		);
	});

	it('lists unresolved questions and every action, with owner, age, overdue and times raised', async () => {
		const { db } = handle();
		const h = await groupWithHistory(db);
		const secretary = actorOf(h.secretary);
		// Meeting 1: one action still open, one done before meeting 3.
		const open1 = await recordCommitment(
			db,
			secretary,
			h.group.slug,
			1,
			{ owner: 'The Service', description: 'Publish the audit.', dueOn: '2026-03-15' },
			{ now: at('2026-01-10T08:00:00Z') }
		);
		const done1 = await recordCommitment(
			db,
			secretary,
			h.group.slug,
			1,
			{ owner: 'Law Centre', description: 'Circulate the advice note.', dueOn: '2026-02-01' },
			{ now: at('2026-01-10T08:00:00Z') }
		);
		await updateCommitmentStatus(
			db,
			secretary,
			h.group.slug,
			done1.id,
			{ status: 'done', note: 'Sent to all members.' },
			{ now: at('2026-02-20T08:00:00Z') }
		);
		// Meeting 2: not answered, answered (not in the ledger), and deferred with its action.
		const notAnswered = await question(db, h.m2.id, 'How long are people held?', {
			status: 'not_answered',
			askedAt: '2026-02-10T06:30:00Z'
		});
		await question(db, h.m2.id, 'Who runs the checks?', { status: 'answered' });
		await question(db, h.m2.id, 'A rejected question', { state: 'rejected', status: 'declined' });
		const deferred = await question(db, h.m2.id, 'What safeguards check accuracy?', {
			status: 'deferred',
			askedAt: '2026-02-10T06:40:00Z'
		});
		const deferredAction = await recordCommitment(
			db,
			secretary,
			h.group.slug,
			2,
			{
				owner: 'The Service',
				description: 'What safeguards check accuracy?',
				dueOn: '2026-03-16',
				questionId: deferred.id
			},
			{ now: at('2026-02-10T08:00:00Z') }
		);

		const items = await ledgerItems(db, h.group, ledgerFilterOf(new URLSearchParams()), now);
		expect(items.map((i) => i.id)).toEqual([open1.id, done1.id, notAnswered.id, deferredAction.id]);
		const byId = new Map(items.map((i) => [i.id, i]));
		// Due 15 March; in Auckland it is already 16 March: overdue. Due 16 March: not yet.
		expect(byId.get(open1.id)).toMatchObject({
			kind: 'action',
			owner: 'The Service',
			status: 'open',
			overdue: true,
			ageDays: 64,
			timesRaised: 3,
			resolvedAt: null
		});
		expect(byId.get(deferredAction.id)).toMatchObject({
			overdue: false,
			questionId: deferred.id,
			timesRaised: 2
		});
		// Resolved on 20 February: raised at meetings 1 and 2 only; its age stops then.
		expect(byId.get(done1.id)).toMatchObject({
			status: 'done',
			overdue: false,
			timesRaised: 2,
			ageDays: 41,
			resolution: 'Sent to all members.',
			resolvedAt: '2026-02-20T08:00:00.000Z'
		});
		expect(byId.get(notAnswered.id)).toMatchObject({
			kind: 'question',
			owner: 'Testshire Police',
			status: 'not_answered',
			dueOn: null,
			overdue: false,
			timesRaised: 2,
			ageDays: 33
		});

		const only = async (query: string) =>
			(await ledgerItems(db, h.group, ledgerFilterOf(new URLSearchParams(query)), now)).map(
				(i) => i.id
			);
		expect(await only('kind=question')).toEqual([notAnswered.id]);
		expect(await only('kind=action')).toEqual([open1.id, done1.id, deferredAction.id]);
		expect(await only('status=done')).toEqual([done1.id]);
		expect(await only('status=not_answered')).toEqual([notAnswered.id]);
		expect(await only('overdue=1')).toEqual([open1.id]);
		expect(await only('kind=question&overdue=1')).toEqual([]);
		expect(await only('kind=bogus&status=bogus')).toHaveLength(4);
		// The group page's three numbers, counted by the database with the same conditions.
		expect(await ledgerSummary(db, h.group, now)).toEqual({
			openActions: 2,
			overdue: 1,
			unresolvedQuestions: 1
		});
	});

	it('computes per-meeting figures exactly, the top-ten share counting only answered', async () => {
		const { db } = handle();
		const h = await groupWithHistory(db);
		// Meeting 3: twelve published questions with 12, 11, … votes; the 10th and 11th tie on 3.
		const votes = [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 3, 1];
		const statuses: AnswerStatus[] = [
			'answered',
			'answered',
			'answered',
			'partly_answered',
			'not_answered',
			'declined',
			'not_reached',
			'not_reached',
			'deferred',
			'not_answered', // 10th: asked first, so in the top ten; not answered
			'answered', // 11th: same votes, asked later: outside the top ten
			'answered'
		];
		for (const [i, n] of votes.entries()) {
			await question(db, h.m3.id, `Question ${i + 1}`, {
				votes: n,
				status: statuses[i],
				askedAt: `2026-03-10T06:${String(10 + i).padStart(2, '0')}:00Z`
			});
		}
		// A merged duplicate and a rejected question are not counted as asked.
		await question(db, h.m3.id, 'Duplicate', { state: 'merged', votes: 50 });
		await question(db, h.m3.id, 'Off topic', { state: 'rejected', votes: 40, status: 'answered' });
		// Meeting 1: three actions, one kept, one dropped.
		const secretary = actorOf(h.secretary);
		const made = [];
		for (const description of ['One thing', 'Another thing', 'A third thing']) {
			made.push(
				await recordCommitment(db, secretary, h.group.slug, 1, {
					owner: 'The Service',
					description,
					dueOn: '2026-02-01'
				})
			);
		}
		await updateCommitmentStatus(db, secretary, h.group.slug, made[0].id, { status: 'done' });
		await updateCommitmentStatus(db, secretary, h.group.slug, made[1].id, {
			status: 'dropped',
			note: 'No longer needed.'
		});

		const figures = await meetingFigures(db, h.group);
		// Held meetings only: the scheduled and the draft one are left out.
		expect(figures.map((f) => f.number)).toEqual([1, 2, 3]);
		expect(figures[0]).toMatchObject({
			questionsAsked: 0,
			topTen: 0,
			topTenShare: null,
			commitmentsMade: 3,
			commitmentsKept: 1
		});
		expect(figures[2]).toMatchObject({
			questionsAsked: 12,
			topTen: 10,
			topTenAnswered: 3,
			topTenShare: 0.3,
			commitmentsMade: 0,
			commitmentsKept: 0
		});
	});

	it('records who made the commitment when the chair defers a question', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const q = await askQuestion(db, attendee(), await live.context(), {
			text: 'What safeguards check accuracy?',
			anonymous: true
		});
		await moderateQuestion(db, live.chairParticipant, await live.context(), {
			action: 'status',
			questionId: q.id,
			status: 'deferred',
			owner: 'The Service',
			dueOn: '2026-06-01'
		});
		const [row] = await db.select().from(commitments).where(eq(commitments.questionId, q.id));
		expect(row.createdBy).toBe(live.chair.id);
		const items = await ledgerItems(db, live.group);
		expect(items.map((i) => [i.kind, i.questionId])).toEqual([['action', q.id]]);
	});

	it('tells the demo’s story: the overdue deferral, the unanswered and partly answered questions', async () => {
		const { db } = handle();
		await loadDemo(db);
		const group = await getGroup(db, demoGroupSlug);
		const items = await ledgerItems(db, group);
		const find = (text: string) => items.find((i) => i.text.startsWith(text));
		expect(find('What safeguards check the accuracy')).toMatchObject({
			kind: 'action',
			owner: 'Riverside Police Service',
			overdue: true
		});
		expect(find('How long are people held')).toMatchObject({
			kind: 'question',
			status: 'not_answered'
		});
		expect(find('Are British suspects checked')).toMatchObject({ status: 'partly_answered' });
		expect(await ledgerSummary(db, group)).toEqual({
			openActions: items.filter((i) => i.kind === 'action' && i.status === 'open').length,
			overdue: items.filter((i) => i.overdue).length,
			// Written answers still due count as questions the institution owes (issue 18).
			unresolvedQuestions: items.filter(
				(i) => i.kind === 'question' || (i.kind === 'written' && i.status === 'written')
			).length
		});
		const figures = await meetingFigures(db, group);
		expect(figures).toHaveLength(3);
		expect(figures[2].questionsAsked).toBeGreaterThan(10);
		expect(figures[2].topTen).toBe(10);
	});
});
