import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroup, makeGroupWithOfficers, makeUser } from '../fixtures/factories';
import { liveMeeting, attendee } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import { groupRoles, groups } from '$lib/server/db/schema';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { appointOfficer, endAppointment, listOfficers } from '$lib/server/groups/officers';
import { applyForMembership } from '$lib/server/membership/apply';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import { askQuestion } from '$lib/server/questions/ask';
import { moderateQuestion } from '$lib/server/questions/moderate';
import { liveSettings } from '$lib/server/questions/live';

const application = {
	organisation: {
		name: 'Riverside Law Centre',
		category: 'Legal advice',
		area: 'Riverside',
		description: 'Free legal advice.'
	},
	contact: { name: 'Contact', email: 'contact@law.example.org' },
	statement: 'Our clients are held in the custody suites.'
};

describeOnEachDatabase('closing membership always has a reason; officers’ terms end', (handle) => {
	it('refuses to create a closed group without a public reason and a review date (nothing made)', async () => {
		const db = handle().db;
		const admin = await makeUser(db, { siteAdmin: true });
		const bare = await failure(
			makeGroup(db, admin, { slug: 'closed-bare', membershipOpen: false })
		);
		expect(bare.code).toBe('invalid');
		expect(bare.fields.closedReason.key).toBe('membership.closure_reason_required');
		const noDate = await failure(
			makeGroup(db, admin, {
				slug: 'closed-nodate',
				membershipOpen: false,
				closedReason: 'Pending a review of the terms of reference.'
			})
		);
		expect(noDate.fields.reviewOn.key).toBe('membership.review_required');
		const past = await failure(
			makeGroup(db, admin, {
				slug: 'closed-past',
				membershipOpen: false,
				closedReason: 'Pending a review of the terms of reference.',
				reviewOn: '2001-01-01'
			})
		);
		expect(past.fields.reviewOn.key).toBe('membership.review_past');
		const short = await failure(
			makeGroup(db, admin, {
				slug: 'closed-short',
				membershipOpen: false,
				closedReason: 'No.',
				reviewOn: '2099-01-01'
			})
		);
		expect(short.fields.closedReason.key).toBe('validation.too_short');
		const made = await db.select().from(groups).where(eq(groups.slug, 'closed-bare'));
		expect(made).toHaveLength(0);
	});

	it('creates a closed group with its reason logged; an application is refused citing it verbatim', async () => {
		const db = handle().db;
		const admin = await makeUser(db, { siteAdmin: true });
		const reason = 'Pending a review of the terms of reference by the Service.';
		const group = await makeGroup(db, admin, {
			membershipOpen: false,
			closedReason: reason,
			reviewOn: '2099-06-30'
		});
		expect(group.membershipOpen).toBe(false);
		const applicant = await makeUser(db);
		const app = await applyForMembership(db, actorOf(applicant), group.slug, application);
		expect(app).toMatchObject({ status: 'refused', reason, refusedWhileClosed: true });
		expect(app.decidedBy).toBe(admin.id);
		const log = await listDecisions(db, group.id);
		expect(log.map((e) => [e.kind, e.payload.reason, e.payload.reviewOn])).toEqual([
			['membership.closed', reason, '2099-06-30'],
			['application.refused', reason, '2099-06-30']
		]);
		expect(log[0].payload.role).toBe('site_admin');
		expect(verifyChain(log).ok).toBe(true);
	});

	it('appoints vice-chairs and terms; ends appointments by resignation, removal or term, logged', async () => {
		const db = handle().db;
		const { admin, chair, secretary, group } = await makeGroupWithOfficers(db);
		const vice = await makeUser(db, { displayName: 'Vera Vice' });
		const bySecretary = await failure(
			appointOfficer(db, actorOf(secretary), group.slug, { email: vice.email, role: 'vice_chair' })
		);
		expect(bySecretary.code).toBe('not_allowed');
		const pastTerm = await failure(
			appointOfficer(db, actorOf(chair), group.slug, {
				email: vice.email,
				role: 'vice_chair',
				termEndsOn: '2001-01-01'
			})
		);
		expect(pastTerm.fields.termEndsOn.key).toBe('officer.term_past');
		const appointed = await appointOfficer(db, actorOf(chair), group.slug, {
			email: vice.email,
			role: 'vice_chair'
		});
		const twice = await failure(
			appointOfficer(db, actorOf(chair), group.slug, { email: vice.email, role: 'vice_chair' })
		);
		expect(twice.code).toBe('conflict');
		expect(await rolesOf(db, vice, group.id)).toContain('vice_chair');

		// A secretary cannot remove; the chair cannot remove without a reason, nor remove a chair.
		const bySec = await failure(
			endAppointment(db, actorOf(secretary), group.slug, appointed.id, {
				reason: 'Not the secretary’s decision to make.'
			})
		);
		expect(bySec.code).toBe('not_allowed');
		const noReason = await failure(
			endAppointment(db, actorOf(chair), group.slug, appointed.id, {})
		);
		expect(noReason.fields.reason.key).toBe('officer.reason_required');
		const [chairRole] = await db.select().from(groupRoles).where(eq(groupRoles.userId, chair.id));
		const otherChair = await makeUser(db);
		await appointOfficer(db, actorOf(admin), group.slug, {
			email: otherChair.email,
			role: 'chair'
		});
		const chairByChair = await failure(
			endAppointment(db, actorOf(otherChair), group.slug, chairRole.id, {
				reason: 'A chair cannot remove another chair.'
			})
		);
		expect(chairByChair.msg.key).toBe('officer.not_yours');
		const unknown = await failure(endAppointment(db, actorOf(chair), group.slug, 'nope', {}));
		expect(unknown.code).toBe('not_found');

		const removed = await endAppointment(db, actorOf(chair), group.slug, appointed.id, {
			reason: 'Has not attended a meeting in a year.'
		});
		expect(removed).toMatchObject({ endedHow: 'removal', endedBy: chair.id });
		expect(await rolesOf(db, vice, group.id)).not.toContain('vice_chair');
		const again = await failure(
			endAppointment(db, actorOf(chair), group.slug, appointed.id, { reason: 'Once more, please.' })
		);
		expect(again.msg.key).toBe('officer.already_ended');

		// The site admin removes a chair, with a reason; the chair resigns without one.
		await endAppointment(db, actorOf(admin), group.slug, chairRole.id, {
			reason: 'Stood down after the annual meeting voted.'
		});
		expect(allows(await rolesOf(db, chair, group.id), 'application.decide')).toBe(false);
		const [secRole] = await db.select().from(groupRoles).where(eq(groupRoles.userId, secretary.id));
		const resigned = await endAppointment(db, actorOf(secretary), group.slug, secRole.id, {});
		expect(resigned).toMatchObject({ endedHow: 'resignation', endReason: null });

		// A term that has run out holds no power, without anyone acting.
		const termed = await makeUser(db);
		const soon = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
		await appointOfficer(db, actorOf(otherChair), group.slug, {
			email: termed.email,
			role: 'secretary',
			termEndsOn: soon
		});
		expect(await rolesOf(db, termed, group.id)).toContain('secretary');
		await db
			.update(groupRoles)
			.set({ endedAt: new Date(Date.now() - 1000) })
			.where(eq(groupRoles.userId, termed.id));
		expect(await rolesOf(db, termed, group.id)).not.toContain('secretary');
		// ...and they may be appointed again.
		await appointOfficer(db, actorOf(otherChair), group.slug, {
			email: termed.email,
			role: 'secretary'
		});

		const officers = await listOfficers(db, group.id);
		expect(officers.find((o) => o.id === appointed.id)).toMatchObject({
			endedHow: 'removal',
			endReason: 'Has not attended a meeting in a year.'
		});
		const log = await listDecisions(db, group.id);
		expect(verifyChain(log).ok).toBe(true);
		expect(
			log.filter((e) => e.kind === 'officer.ended').map((e) => [e.payload.how, e.payload.by])
		).toEqual([
			['removal', 'chair'],
			['removal', 'site_admin'],
			['resignation', 'secretary']
		]);
		expect(log.filter((e) => e.kind === 'officer.appointed').length).toBe(6);
	});

	it('refuses moderation by a secretary removed after opening the console (nothing changed)', async () => {
		const db = handle().db;
		const live = await liveMeeting(db);
		const context = await live.context();
		const question = await askQuestion(db, attendee(), context, {
			text: 'How long are people held?',
			anonymous: true
		});
		const secretary = { user: live.secretary, token: 'x' };
		const [role] = await db
			.select()
			.from(groupRoles)
			.where(eq(groupRoles.userId, live.secretary.id));
		await endAppointment(db, actorOf(live.chair), live.group.slug, role.id, {
			reason: 'Shared a participant’s personal details.'
		});
		const refused = await failure(
			moderateQuestion(db, secretary, context, { action: 'pin', questionId: question.id })
		);
		expect(refused.code).toBe('not_allowed');
		expect((await liveSettings(db, context.meeting.id)).pinnedQuestionId).toBeNull();
	});
});
