import { expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers, makeUser } from '../fixtures/factories';
import type { Database } from '$lib/server/db';
import { applications, decisionLog, groups, memberships } from '$lib/server/db/schema';
import { DomainError } from '$lib/server/errors';
import type { SessionUser } from '$lib/server/auth/session';
import {
	applyForMembership,
	appealRefusal,
	withdrawApplication
} from '$lib/server/membership/apply';
import {
	addPrivateNote,
	decideAppeal,
	decideApplication,
	listPrivateNotes,
	startReview
} from '$lib/server/membership/review';
import { endMembership } from '$lib/server/membership/memberships';
import { isRepresentative } from '$lib/server/membership/representatives';
import { currentOpening, setMembershipOpen } from '$lib/server/membership/openness';
import { addCategory, activeCategories, retireCategory } from '$lib/server/membership/categories';
import { groupComposition } from '$lib/server/membership/composition';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import { appointOfficer } from '$lib/server/groups/officers';
import { failure } from '../fixtures/errors';

let counter = 0;
function applicationInput(overrides: { name?: string; category?: string } = {}) {
	counter++;
	return {
		organisation: {
			name: overrides.name ?? `Riverside Refugee Forum ${counter}`,
			category: overrides.category ?? 'Refugee community organisation',
			website: 'https://forum.example.org',
			area: 'Riverside',
			description: 'A forum of refugee-led groups in Riverside.'
		},
		contact: { name: 'Amina Yusuf', email: 'amina@forum.example.org' },
		statement: 'Our members are held in the custody suites the operation runs.'
	};
}

const refusal = {
	outcome: 'refused',
	reason: 'The organisation works outside the operation’s area.'
};

describeOnEachDatabase('membership', (handle) => {
	const setup = async () => {
		const db = handle().db;
		const officers = await makeGroupWithOfficers(db);
		const applicant = await makeUser(db);
		return { db, ...officers, applicant, slug: officers.group.slug };
	};

	const apply = (db: Database, user: SessionUser, slug: string, overrides = {}) =>
		applyForMembership(db, actorOf(user), slug, applicationInput(overrides));

	// The membership decisions, after the setup's two officer appointments (also on the log).
	const entriesOf = async (db: Database, groupId: string) =>
		(await listDecisions(db, groupId)).filter((e) => e.kind !== 'officer.appointed');

	it('records an application with the default categories, and keeps the contact private', async () => {
		const { db, group, applicant, slug } = await setup();
		const categories = await activeCategories(db, group.id);
		expect(categories.map((c) => c.name)).toContain('Legal advice');
		const app = await apply(db, applicant, slug);
		expect(app.status).toBe('submitted');
		expect(app.contactEmail).toBe('amina@forum.example.org');
		expect(app.applicantId).toBe(applicant.id);
		expect(await entriesOf(db, group.id)).toHaveLength(0);
	});

	it('gives field-level messages for missing and too-long fields, and records nothing', async () => {
		const { db, group, applicant, slug } = await setup();
		const error = await failure(
			applyForMembership(db, actorOf(applicant), slug, {
				organisation: { name: 'x'.repeat(161), category: 'Faith group', area: '' },
				contact: { name: 'A', email: 'not-an-email' },
				statement: ''
			})
		);
		expect(error.code).toBe('invalid');
		expect(error.fields['organisation.name'].key).toBe('validation.too_long');
		expect(error.fields['organisation.area'].key).toBe('validation.required');
		expect(error.fields['organisation.description'].key).toBe('validation.required');
		expect(error.fields['contact.email'].key).toBe('validation.email');
		expect(error.fields.statement.key).toBe('validation.required');
		const unknown = await failure(apply(db, applicant, slug, { category: 'Football club' }));
		expect(unknown.fields['organisation.category'].key).toBe('validation.choice');
		const rows = await db.select().from(applications).where(eq(applications.groupId, group.id));
		expect(rows).toHaveLength(0);
	});

	it('refuses applying signed out', async () => {
		const { db, slug } = await setup();
		expect((await failure(apply(db, null as never, slug))).code).toBe('not_signed_in');
	});

	it('allows one open application per organisation, whatever the spelling', async () => {
		const { db, chair, applicant, slug } = await setup();
		const first = await apply(db, applicant, slug, { name: 'Harbour Law Centre' });
		const other = await makeUser(db);
		const again = await failure(apply(db, other, slug, { name: '  harbour   LAW centre ' }));
		expect(again.code).toBe('conflict');
		expect(again.fields['organisation.name'].key).toBe('application.already_open');
		await decideApplication(db, actorOf(chair), slug, first.id, refusal);
		// Once decided, the organisation may apply again.
		await expect(apply(db, other, slug, { name: 'Harbour Law Centre' })).resolves.toBeTruthy();
	});

	it('rate-limits applying per account', async () => {
		const { db, applicant, slug } = await setup();
		for (let i = 0; i < 5; i++) await apply(db, applicant, slug);
		// Another account is counted apart.
		await expect(apply(db, await makeUser(db), slug)).resolves.toBeTruthy();
		const limited = await failure(apply(db, applicant, slug));
		expect(limited.code).toBe('rate_limited');
		expect(limited.status).toBe(429);
	});

	it('lets the applicant withdraw before a decision, once, and nobody else', async () => {
		const { db, chair, applicant, slug } = await setup();
		const app = await apply(db, applicant, slug);
		const notMine = await failure(withdrawApplication(db, actorOf(chair), slug, app.id));
		expect(notMine.code).toBe('not_allowed');
		const withdrawn = await withdrawApplication(db, actorOf(applicant), slug, app.id);
		expect(withdrawn.status).toBe('withdrawn');
		const twice = await failure(withdrawApplication(db, actorOf(applicant), slug, app.id));
		expect(twice.msg.key).toBe('application.conflict.withdrawn');
		const decideWithdrawn = await failure(
			decideApplication(db, actorOf(chair), slug, app.id, refusal)
		);
		expect(decideWithdrawn.code).toBe('conflict');
		expect(decideWithdrawn.msg.key).toBe('application.conflict.withdrawn');
		const decided = await apply(db, applicant, slug);
		await decideApplication(db, actorOf(chair), slug, decided.id, refusal);
		const late = await failure(withdrawApplication(db, actorOf(applicant), slug, decided.id));
		expect(late.msg.key).toBe('application.conflict.decided');
	});

	it('lets a secretary take an application under review and keep private notes', async () => {
		const { db, secretary, applicant, slug } = await setup();
		const app = await apply(db, applicant, slug);
		const byApplicant = await failure(startReview(db, actorOf(applicant), slug, app.id));
		expect(byApplicant.code).toBe('not_allowed');
		const reviewed = await startReview(db, actorOf(secretary), slug, app.id);
		expect(reviewed.status).toBe('under_review');
		expect(reviewed.reviewStartedAt).toBeInstanceOf(Date);
		const twice = await failure(startReview(db, actorOf(secretary), slug, app.id));
		expect(twice.msg.key).toBe('application.conflict.in_review');
		await addPrivateNote(db, actorOf(secretary), slug, app.id, { body: 'Check their area.' });
		const noteByApplicant = await failure(
			addPrivateNote(db, actorOf(applicant), slug, app.id, { body: 'Hello' })
		);
		expect(noteByApplicant.code).toBe('not_allowed');
		const empty = await failure(
			addPrivateNote(db, actorOf(secretary), slug, app.id, { body: ' ' })
		);
		expect(empty.fields.body.key).toBe('validation.required');
		const notes = await listPrivateNotes(db, app.id);
		expect(notes.map((n) => n.body)).toEqual(['Check their area.']);
	});

	it('lets only the chair decide, and a refusal needs a public reason of a minimum length', async () => {
		const { db, group, secretary, chair, applicant, slug } = await setup();
		const app = await apply(db, applicant, slug);
		const bySecretary = await failure(
			decideApplication(db, actorOf(secretary), slug, app.id, refusal)
		);
		expect(bySecretary.code).toBe('not_allowed');
		const noReason = await failure(
			decideApplication(db, actorOf(chair), slug, app.id, { outcome: 'refused' })
		);
		expect(noReason.fields.reason.key).toBe('validation.required');
		const short = await failure(
			decideApplication(db, actorOf(chair), slug, app.id, { outcome: 'refused', reason: 'No.' })
		);
		expect(short.fields.reason).toEqual({
			key: 'validation.too_short',
			params: { min: 20, max: 20 }
		});
		const badOutcome = await failure(
			decideApplication(db, actorOf(chair), slug, app.id, { outcome: 'maybe' })
		);
		expect(badOutcome.code).toBe('invalid');
		const [unchanged] = await db.select().from(applications).where(eq(applications.id, app.id));
		expect(unchanged.status).toBe('submitted');
		expect(await entriesOf(db, group.id)).toHaveLength(0);

		const refused = await decideApplication(db, actorOf(chair), slug, app.id, refusal);
		expect(refused).toMatchObject({
			status: 'refused',
			decision: 'refused',
			decidedByRole: 'chair'
		});
		expect(refused.reason).toBe(refusal.reason);
		const twice = await failure(
			decideApplication(db, actorOf(chair), slug, app.id, { outcome: 'accepted' })
		);
		expect(twice.status).toBe(409);
		expect(twice.msg.key).toBe('application.conflict.decided');
		const entries = await entriesOf(db, group.id);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			seq: 3,
			kind: 'application.refused',
			subject: `application:${app.id}`,
			payload: { reason: refusal.reason, organisation: app.organisationName, role: 'chair' }
		});
		expect(JSON.stringify(entries)).not.toContain('amina@forum.example.org');
	});

	it('makes a membership on acceptance; an organisation cannot be a member twice', async () => {
		const { db, group, chair, applicant, slug } = await setup();
		const app = await apply(db, applicant, slug, { name: 'Riverside Migrants Network' });
		const accepted = await decideApplication(db, actorOf(chair), slug, app.id, {
			outcome: 'accepted',
			reason: ''
		});
		expect(accepted.status).toBe('accepted');
		expect(accepted.reason).toBeNull();
		const [member] = await db
			.select()
			.from(memberships)
			.where(eq(memberships.applicationId, app.id));
		expect(member).toMatchObject({ endedAt: null });
		// The applicant acts for the member organisation: its first representative.
		expect(await isRepresentative(db, app.id, applicant.id)).toBe(true);
		const again = await apply(db, applicant, slug, { name: 'Riverside Migrants Network' });
		const duplicate = await failure(
			decideApplication(db, actorOf(chair), slug, again.id, { outcome: 'accepted' })
		);
		expect(duplicate.msg.key).toBe('membership.already_member');
		const [still] = await db.select().from(applications).where(eq(applications.id, again.id));
		expect(still.status).toBe('submitted');
		expect(await entriesOf(db, group.id)).toHaveLength(1);
	});

	it('lets the applicant appeal a refusal once; a vice-chair (never the chair who refused) upholds or overturns it', async () => {
		const { db, group, chair, secretary, applicant, slug } = await setup();
		const vice = await makeUser(db);
		await appointOfficer(db, actorOf(chair), slug, { email: vice.email, role: 'vice_chair' });
		const app = await apply(db, applicant, slug);
		const early = await failure(
			appealRefusal(db, actorOf(applicant), slug, app.id, { statement: 'Please.' })
		);
		expect(early.msg.key).toBe('application.conflict.not_refused');
		await decideApplication(db, actorOf(chair), slug, app.id, refusal);
		const noAppeal = await failure(
			decideAppeal(db, actorOf(vice), slug, app.id, {
				outcome: 'overturned',
				reason: 'The area has been redrawn since.'
			})
		);
		expect(noAppeal.msg.key).toBe('application.conflict.no_appeal');
		const byOther = await failure(
			appealRefusal(db, actorOf(chair), slug, app.id, { statement: 'Not mine.' })
		);
		expect(byOther.code).toBe('not_allowed');
		const empty = await failure(appealRefusal(db, actorOf(applicant), slug, app.id, {}));
		expect(empty.fields.statement.key).toBe('validation.required');
		const appealed = await appealRefusal(db, actorOf(applicant), slug, app.id, {
			statement: 'We work in Riverside too.'
		});
		expect(appealed.appealStatus).toBe('pending');
		const twice = await failure(
			appealRefusal(db, actorOf(applicant), slug, app.id, { statement: 'Again.' })
		);
		expect(twice.msg.key).toBe('application.conflict.appealed');
		const bySecretary = await failure(
			decideAppeal(db, actorOf(secretary), slug, app.id, {
				outcome: 'overturned',
				reason: 'The organisation does work in the area.'
			})
		);
		expect(bySecretary.code).toBe('not_allowed');
		const byChair = await failure(
			decideAppeal(db, actorOf(chair), slug, app.id, {
				outcome: 'overturned',
				reason: 'The organisation does work in the area.'
			})
		);
		expect(byChair.msg.key).toBe('appeal.own_decision');
		const noReason = await failure(
			decideAppeal(db, actorOf(vice), slug, app.id, { outcome: 'overturned' })
		);
		expect(noReason.fields.reason.key).toBe('validation.required');
		const overturned = await decideAppeal(db, actorOf(vice), slug, app.id, {
			outcome: 'overturned',
			reason: 'The organisation does work in the area.'
		});
		expect(overturned).toMatchObject({ status: 'accepted', appealStatus: 'overturned' });
		expect(overturned.reason).toBe(refusal.reason); // the refusal stays on the record
		const decidedTwice = await failure(
			decideAppeal(db, actorOf(vice), slug, app.id, {
				outcome: 'upheld',
				reason: 'Second thoughts are not allowed.'
			})
		);
		expect(decidedTwice.msg.key).toBe('application.conflict.appeal_decided');
		const appealAfter = await failure(
			appealRefusal(db, actorOf(applicant), slug, app.id, { statement: 'Again.' })
		);
		expect(appealAfter.code).toBe('conflict');
		expect(
			await db.select().from(memberships).where(eq(memberships.applicationId, app.id))
		).toHaveLength(1);

		const other = await apply(db, applicant, slug);
		await decideApplication(db, actorOf(chair), slug, other.id, refusal);
		await appealRefusal(db, actorOf(applicant), slug, other.id, { statement: 'Reconsider.' });
		const upheld = await decideAppeal(db, actorOf(vice), slug, other.id, {
			outcome: 'upheld',
			reason: 'Nothing in the appeal changes the facts.'
		});
		expect(upheld).toMatchObject({ status: 'refused', appealStatus: 'upheld' });
		const kinds = (await entriesOf(db, group.id)).map((e) => e.kind);
		expect(kinds).toEqual([
			'application.refused',
			'appeal.overturned',
			'application.refused',
			'appeal.upheld'
		]);
	});

	it('ends a membership by resignation or by the chair with a public reason', async () => {
		const { db, group, chair, secretary, applicant, slug } = await setup();
		const ids: string[] = [];
		for (const name of ['Faith Night Shelter', 'Race Relations Institute']) {
			const app = await apply(db, applicant, slug, { name });
			await decideApplication(db, actorOf(chair), slug, app.id, { outcome: 'accepted' });
			const [m] = await db.select().from(memberships).where(eq(memberships.applicationId, app.id));
			ids.push(m.id);
		}
		const resigned = await endMembership(db, actorOf(applicant), slug, ids[0], {});
		expect(resigned).toMatchObject({ endedBy: 'resignation', endReason: null });
		const again = await failure(endMembership(db, actorOf(applicant), slug, ids[0], {}));
		expect(again.msg.key).toBe('membership.already_ended');
		const bySecretary = await failure(
			endMembership(db, actorOf(secretary), slug, ids[1], {
				reason: 'Has not attended for a year and did not reply.'
			})
		);
		expect(bySecretary.code).toBe('not_allowed');
		const noReason = await failure(endMembership(db, actorOf(chair), slug, ids[1], {}));
		expect(noReason.fields.reason.key).toBe('validation.required');
		const ended = await endMembership(db, actorOf(chair), slug, ids[1], {
			reason: 'Has not attended for a year and did not reply.'
		});
		expect(ended.endedBy).toBe('chair');
		const unknown = await failure(endMembership(db, actorOf(chair), slug, 'nope', {}));
		expect(unknown.code).toBe('not_found');
		const entries = await entriesOf(db, group.id);
		expect(entries.slice(-2).map((e) => [e.kind, e.payload.endedBy])).toEqual([
			['membership.ended', 'resignation'],
			['membership.ended', 'chair']
		]);
	});

	it('closes membership with a reason and review date; an application meanwhile is refused with it', async () => {
		const { db, group, chair, secretary, applicant, slug } = await setup();
		const reason = 'Pending a review of the terms of reference.';
		const bySecretary = await failure(
			setMembershipOpen(db, actorOf(secretary), slug, {
				open: false,
				reason,
				reviewOn: '2099-01-01'
			})
		);
		expect(bySecretary.code).toBe('not_allowed');
		const noDate = await failure(setMembershipOpen(db, actorOf(chair), slug, { reason }));
		expect(noDate.fields.reviewOn.key).toBe('membership.review_required');
		const past = await failure(
			setMembershipOpen(db, actorOf(chair), slug, { reason, reviewOn: '2001-01-01' })
		);
		expect(past.fields.reviewOn.key).toBe('membership.review_past');
		const badDate = await failure(
			setMembershipOpen(db, actorOf(chair), slug, { reason, reviewOn: 'soon' })
		);
		expect(badDate.fields.reviewOn.key).toBe('validation.date');
		await setMembershipOpen(db, actorOf(chair), slug, { reason, reviewOn: '2099-01-01' });
		const [closed] = await db.select().from(groups).where(eq(groups.id, group.id));
		expect(closed.membershipOpen).toBe(false);
		expect(await currentOpening(db, group.id)).toMatchObject({ reason, reviewOn: '2099-01-01' });
		const twice = await failure(
			setMembershipOpen(db, actorOf(chair), slug, { reason, reviewOn: '2099-01-01' })
		);
		expect(twice.msg.key).toBe('membership.already_closed');

		const app = await apply(db, applicant, slug);
		expect(app).toMatchObject({ status: 'refused', reason, refusedWhileClosed: true });
		await setMembershipOpen(db, actorOf(chair), slug, {
			open: true,
			reason: 'The review is done.'
		});
		const kinds = (await entriesOf(db, group.id)).map((e) => [e.kind, e.payload.reason]);
		expect(kinds).toEqual([
			['membership.closed', reason],
			['application.refused', reason],
			['membership.opened', 'The review is done.']
		]);
	});

	it('refuses nothing without a reason: a group created closed before reasons were required keeps applications for the chair', async () => {
		const { db, group, chair, applicant, slug } = await setup();
		// As an earlier release left it: closed, with no recorded decision (and so no reason).
		await db.update(groups).set({ membershipOpen: false }).where(eq(groups.id, group.id));
		expect(await currentOpening(db, group.id)).toBeUndefined();
		const app = await apply(db, applicant, slug);
		expect(app).toMatchObject({ status: 'submitted', reason: null, refusedWhileClosed: false });
		expect(await entriesOf(db, group.id)).toEqual([]);
		// The chair decides it as any other; a refusal needs its reason as always.
		await decideApplication(db, actorOf(chair), slug, app.id, refusal);
		expect((await entriesOf(db, group.id)).map((e) => e.kind)).toEqual(['application.refused']);
	});

	it('lets the chair add and retire categories; a retired one cannot be chosen', async () => {
		const { db, chair, secretary, applicant, slug } = await setup();
		const byOther = await failure(addCategory(db, actorOf(secretary), slug, { name: 'Youth' }));
		expect(byOther.code).toBe('not_allowed');
		const youth = await addCategory(db, actorOf(chair), slug, { name: 'Youth group' });
		const dup = await failure(addCategory(db, actorOf(chair), slug, { name: 'Youth group' }));
		expect(dup.fields.name.key).toBe('category.exists');
		await expect(apply(db, applicant, slug, { category: youth.id })).resolves.toBeTruthy();
		await retireCategory(db, actorOf(chair), slug, youth.id);
		const retired = await failure(apply(db, applicant, slug, { category: 'Youth group' }));
		expect(retired.fields['organisation.category'].key).toBe('validation.choice');
	});

	it('keeps the log append-only in the database itself', async () => {
		const { db, group, chair, applicant, slug } = await setup();
		const app = await apply(db, applicant, slug);
		await decideApplication(db, actorOf(chair), slug, app.id, refusal);
		const refusedByDatabase = async (query: PromiseLike<unknown>) => {
			const error = await Promise.resolve(query).then(
				() => undefined,
				(e: unknown) => e as Error & { cause?: Error }
			);
			expect(`${error?.message} ${error?.cause?.message}`).toMatch(/append-only/);
		};
		await refusedByDatabase(
			db
				.update(decisionLog)
				.set({ kind: 'application.accepted' })
				.where(eq(decisionLog.groupId, group.id))
		);
		await refusedByDatabase(db.delete(decisionLog).where(eq(decisionLog.groupId, group.id)));
		await refusedByDatabase(db.execute(sql`truncate decision_log`));
		expect(await entriesOf(db, group.id)).toHaveLength(1);
	});

	it('decides exactly once when two decisions on one application arrive at once', async () => {
		const { db, group, chair, applicant, slug } = await setup();
		for (let round = 0; round < 3; round++) {
			const app = await apply(db, applicant, slug);
			const results = await Promise.allSettled([
				decideApplication(db, actorOf(chair), slug, app.id, { outcome: 'accepted' }),
				decideApplication(db, actorOf(chair), slug, app.id, refusal)
			]);
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
			const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
			expect(rejected.reason).toBeInstanceOf(DomainError);
			expect((rejected.reason as DomainError).status).toBe(409);
			const entries = (await entriesOf(db, group.id)).filter(
				(e) => e.subject === `application:${app.id}`
			);
			expect(entries).toHaveLength(1);
		}
	});

	it('keeps one unbroken chain when many decisions in a group happen at once', async () => {
		const { db, group, chair, slug } = await setup();
		const apps = [];
		for (let i = 0; i < 6; i++) apps.push(await apply(db, await makeUser(db), slug));
		await Promise.all(
			apps.map((app) => decideApplication(db, actorOf(chair), slug, app.id, refusal))
		);
		const entries = await listDecisions(db, group.id);
		expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(verifyChain(entries)).toMatchObject({ ok: true, count: 8 });
	});

	it('catches one altered byte in an exported log and names the entry', async () => {
		const { db, group, chair, applicant, slug } = await setup();
		for (let i = 0; i < 3; i++) {
			const app = await apply(db, applicant, slug);
			await decideApplication(db, actorOf(chair), slug, app.id, refusal);
		}
		const exported = JSON.stringify({ items: await listDecisions(db, group.id) });
		expect(verifyChain(JSON.parse(exported).items)).toMatchObject({ ok: true, count: 5 });
		// "outside" → "outsidf" in the second refusal's reason only (after two appointments).
		const at = exported.indexOf('outside', exported.indexOf('"seq":4'));
		const tampered = exported.slice(0, at + 6) + 'f' + exported.slice(at + 7);
		expect(tampered.length).toBe(exported.length);
		expect(verifyChain(JSON.parse(tampered).items)).toMatchObject({
			ok: false,
			seq: 4,
			problem: 'hash'
		});
	});

	it('computes the composition from memberships and applications', async () => {
		const { db, group, chair, applicant, slug } = await setup();
		const a = await apply(db, applicant, slug, { category: 'Legal advice' });
		await decideApplication(db, actorOf(chair), slug, a.id, { outcome: 'accepted' });
		const b = await apply(db, applicant, slug, { category: 'Legal advice' });
		await decideApplication(db, actorOf(chair), slug, b.id, refusal);
		await apply(db, applicant, slug, { category: 'Faith group' });
		const composition = await groupComposition(db, group.id);
		expect(composition.currentMembers).toBe(1);
		expect(composition.currentByCategory.find((c) => c.category === 'Legal advice')?.members).toBe(
			1
		);
		expect(composition.byCategory.find((c) => c.category === 'Legal advice')).toMatchObject({
			received: 2,
			accepted: 1,
			refused: 1
		});
		expect(composition.byCategory.find((c) => c.category === 'Faith group')).toMatchObject({
			received: 1,
			pending: 1
		});
		expect(composition.decided).toBe(2);
		expect(composition.flows.at(-1)).toMatchObject({ joins: 1, members: 1 });
		const [row] = await db
			.select()
			.from(applications)
			.where(and(eq(applications.id, b.id), eq(applications.groupId, group.id)));
		expect(row.decision).toBe('refused');
	});
});
