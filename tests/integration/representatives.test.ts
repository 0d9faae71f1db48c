import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers, makeMember, makeUser } from '../fixtures/factories';
import { failure } from '../fixtures/errors';
import type { Database } from '$lib/server/db';
import {
	applications,
	memberships,
	representativeInvitations,
	representatives
} from '$lib/server/db/schema';
import type { SessionUser } from '$lib/server/auth/session';
import { applyForMembership, withdrawApplication } from '$lib/server/membership/apply';
import { decideApplication } from '$lib/server/membership/review';
import {
	acceptInvitation,
	inviteRepresentative,
	pendingInvitationsFor,
	readInvitation,
	revokeInvitation
} from '$lib/server/membership/invitations';
import {
	isRepresentative,
	removeRepresentative,
	unrepresentedMemberships
} from '$lib/server/membership/representatives';
import { applicationsOfUser, publicApplicationOf } from '$lib/server/membership/register';
import { listMemberships, publicMembership } from '$lib/server/membership/memberships';
import { representedOrganisations } from '$lib/server/meetings/members';
import { representsMember } from '$lib/server/questions/participation';
import { groupAuditTrail } from '$lib/server/audit-trail';

const day = 86_400_000;

describeOnEachDatabase('representatives', (handle) => {
	const setup = async () => {
		const db = handle().db;
		const officers = await makeGroupWithOfficers(db);
		const first = await makeUser(db, { displayName: 'Amina First' });
		const app = await applyForMembership(db, actorOf(first), officers.group.slug, {
			organisation: {
				name: `Forum ${Math.random()}`,
				category: 'Legal advice',
				area: 'Riverside',
				description: 'A forum.'
			},
			contact: { name: 'Amina First', email: 'amina@forum.example' },
			statement: 'We speak for people held in custody.'
		});
		return { db, ...officers, slug: officers.group.slug, first, app };
	};

	/** Everything an invitation or acceptance could have changed. */
	const snapshot = async (db: Database, applicationId: string) => ({
		people: await db
			.select()
			.from(representatives)
			.where(eq(representatives.applicationId, applicationId)),
		invitations: await db
			.select()
			.from(representativeInvitations)
			.where(eq(representativeInvitations.applicationId, applicationId))
	});

	const invite = (
		db: Database,
		by: SessionUser,
		slug: string,
		id: string,
		email: string,
		now?: Date
	) => inviteRepresentative(db, actorOf(by), slug, id, { email }, { now });

	it('an invitee accepted by link acts for the organisation; the applicant was the first', async () => {
		const { db, slug, first, app } = await setup();
		expect(await isRepresentative(db, app.id, first.id)).toBe(true);
		const second = await makeUser(db, { email: 'second@forum.example' });
		const stranger = await makeUser(db);
		// Not a representative: may not invite, withdraw, or see the organisation's people.
		expect((await failure(invite(db, stranger, slug, app.id, 'x@example.test'))).code).toBe(
			'not_allowed'
		);
		const { token, path } = await invite(db, first, slug, app.id, 'Second@Forum.example');
		expect(path).toBe(`/invitations/${token}`);
		expect(token.length).toBeGreaterThanOrEqual(26); // 160 bits, base32
		const [stored] = await db.select().from(representativeInvitations);
		expect(JSON.stringify(stored)).not.toContain(token);
		expect(await readInvitation(db, token)).toMatchObject({
			organisationName: app.organisationName,
			state: 'pending'
		});
		// The invitee's account page offers it too (no email needed).
		expect(await pendingInvitationsFor(db, second.email)).toHaveLength(1);

		await acceptInvitation(db, actorOf(second), { token });
		expect(await isRepresentative(db, app.id, second.id)).toBe(true);
		expect((await applicationsOfUser(db, second.id)).map((a) => a.id)).toEqual([app.id]);
		expect(await pendingInvitationsFor(db, second.email)).toHaveLength(0);
		// Acting for it: the second representative withdraws the application.
		const withdrawn = await withdrawApplication(db, actorOf(second), slug, app.id);
		expect(withdrawn.status).toBe('withdrawn');
	});

	it('refuses the wrong account, an expired, a used and an altered link, changing nothing', async () => {
		const { db, slug, first, app } = await setup();
		const invitee = await makeUser(db);
		const wrong = await makeUser(db);
		const { token } = await invite(db, first, slug, app.id, invitee.email);
		const before = await snapshot(db, app.id);

		const refused = await failure(acceptInvitation(db, actorOf(wrong), { token }));
		expect([refused.code, refused.msg.key]).toEqual(['not_allowed', 'invitation.wrong_account']);
		const altered = await failure(acceptInvitation(db, actorOf(invitee), { token: `${token}a` }));
		expect([altered.code, altered.msg.key]).toEqual(['not_found', 'invitation.not_found']);
		expect((await failure(readInvitation(db, token.slice(1)))).code).toBe('not_found');
		const notUuid = await failure(acceptInvitation(db, actorOf(invitee), { id: 'nope' }));
		expect(notUuid.code).toBe('not_found');
		const expired = await failure(
			acceptInvitation(db, actorOf(invitee), { token }, { now: new Date(Date.now() + 8 * day) })
		);
		expect([expired.code, expired.msg.key]).toEqual(['conflict', 'invitation.expired']);
		expect(await snapshot(db, app.id)).toEqual(before);

		await acceptInvitation(db, actorOf(invitee), { token });
		const after = await snapshot(db, app.id);
		const reused = await failure(acceptInvitation(db, actorOf(invitee), { token }));
		expect([reused.code, reused.msg.key]).toEqual(['conflict', 'invitation.accepted']);
		expect(await snapshot(db, app.id)).toEqual(after);
		expect((await readInvitation(db, token)).state).toBe('accepted');

		// A taken-back invitation cannot be accepted either.
		const other = await makeUser(db);
		const taken = await invite(db, first, slug, app.id, other.email);
		await revokeInvitation(db, actorOf(invitee), slug, app.id, { invitation: taken.invitation.id });
		const revoked = await failure(acceptInvitation(db, actorOf(other), { token: taken.token }));
		expect(revoked.msg.key).toBe('invitation.revoked');
		expect(await isRepresentative(db, app.id, other.id)).toBe(false);
	});

	it('a removed representative can no longer act; the last to leave leaves the seat held, and the officers see it', async () => {
		const { db, slug, chair, group } = await setup();
		const rep = await makeMember(db, slug, chair, 'Harbour Law Centre');
		const [membership] = await db
			.select()
			.from(memberships)
			.where(eq(memberships.organisationName, 'Harbour Law Centre'));
		const second = await makeUser(db);
		const { token } = await invite(db, rep, slug, membership.applicationId, second.email);
		await acceptInvitation(db, actorOf(second), { token });
		expect(await representedOrganisations(db, group.id, second.id)).toHaveLength(1);
		expect(await representsMember(db, group.id, second.id)).toBe(true);

		// The first removes the second, who can no longer act for the member.
		await removeRepresentative(db, actorOf(rep), slug, membership.applicationId, {
			userId: second.id
		});
		expect(await representedOrganisations(db, group.id, second.id)).toHaveLength(0);
		expect(await representsMember(db, group.id, second.id)).toBe(false);
		const removedActs = await failure(
			invite(db, second, slug, membership.applicationId, 'x@example.test')
		);
		expect(removedActs.code).toBe('not_allowed');
		expect(await unrepresentedMemberships(db, group.id)).toEqual([]);

		// The last one leaves: the membership stands, with nobody acting for it.
		const left = await removeRepresentative(db, actorOf(rep), slug, membership.applicationId, {
			userId: rep.id
		});
		expect(left.remaining).toBe(0);
		const [still] = await db.select().from(memberships).where(eq(memberships.id, membership.id));
		expect(still.endedAt).toBeNull();
		expect(await unrepresentedMemberships(db, group.id)).toEqual([membership.id]);
		const again = await failure(
			removeRepresentative(db, actorOf(rep), slug, membership.applicationId, { userId: rep.id })
		);
		expect(again.code).toBe('not_allowed');

		// The officers' trail says what happened, with no email in it.
		const trail = await groupAuditTrail(db, actorOf(chair), slug, {
			action: 'representative'
		});
		expect(trail.entries.map((e) => e.action)).toEqual([
			'representative.left',
			'representative.removed',
			'representative.added',
			'representative.invited'
		]);
		expect(JSON.stringify(trail.entries)).not.toContain('@');
	});

	it('shows the public organisations, never their people', async () => {
		const { db, slug, chair, group, first, app } = await setup();
		const second = await makeUser(db, { displayName: 'Bilal Second' });
		const { token } = await invite(db, first, slug, app.id, second.email);
		await acceptInvitation(db, actorOf(second), { token });
		await decideApplication(db, actorOf(chair), slug, app.id, { outcome: 'accepted' });
		const [decided] = await db.select().from(applications).where(eq(applications.id, app.id));
		const shown = JSON.stringify([
			await publicApplicationOf(db, decided),
			(await listMemberships(db, group.id)).map(publicMembership)
		]);
		expect(shown).toContain(app.organisationName);
		for (const person of [first, second]) {
			expect(shown).not.toContain(person.displayName);
			expect(shown).not.toContain(person.email);
			expect(shown).not.toContain(person.id);
		}
	});
});
