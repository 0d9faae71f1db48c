import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { mailOutbox } from '$lib/server/db/schema';
import { loadDemo, demoGroupSlug } from '$lib/server/demo/load-demo';
import { getGroup } from '$lib/server/groups/groups';
import { listApplications } from '$lib/server/membership/register';
import { listMemberships } from '$lib/server/membership/memberships';
import { currentOpening } from '$lib/server/membership/openness';
import { groupComposition } from '$lib/server/membership/composition';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import { demoRepresentatives } from '$lib/server/demo/representatives';
import { listRepresentatives } from '$lib/server/membership/representatives';
import { pendingInvitationsOf } from '$lib/server/membership/invitations';

describeOnEachDatabase('the demo’s membership story', (handle) => {
	it('tells the story, with a decision log that verifies', async () => {
		const { db } = handle();
		await loadDemo(db);
		const group = await getGroup(db, demoGroupSlug);
		const apps = await listApplications(db, group.id, {}, { limit: 100 });
		const by = (name: string) => apps.find((a) => a.organisation.name.startsWith(name))!;
		expect(apps).toHaveLength(9);
		expect(by('Harbour Law Centre')).toMatchObject({
			status: 'accepted',
			decision: 'refused',
			reason: 'The group has reached the number of organisations the Service can support.',
			appeal: { status: 'overturned' }
		});
		expect(by('Northfield')).toMatchObject({ status: 'refused', appeal: null });
		expect(by('Northfield').reason).toContain('outside');
		expect(by('Riverside Youth Voice').status).toBe('withdrawn');
		expect(by('Coastal Asylum Support').status).toBe('under_review');
		// Months-old decisions to invented contacts: no email waits to be sent about them.
		expect(await db.select().from(mailOutbox)).toEqual([]);

		const members = (await listMemberships(db, group.id)).filter((m) => !m.endedAt);
		expect(members).toHaveLength(6);
		// One member organisation has two representatives and a pending invitation.
		const women = members.find((m) => m.organisationName === demoRepresentatives.organisation)!;
		const people = await listRepresentatives(db, women.applicationId);
		expect(people.map((p) => p.displayName)).toContain(demoRepresentatives.second);
		expect(people).toHaveLength(2);
		expect(await pendingInvitationsOf(db, women.applicationId)).toHaveLength(1);
		expect(group.membershipOpen).toBe(false);
		const closure = await currentOpening(db, group.id);
		expect(closure?.reason).toBe('Pending a review of the terms of reference.');
		expect(closure!.reviewOn! < new Date().toISOString().slice(0, 10)).toBe(true);
		const closedFor = Date.now() - closure!.decidedAt.getTime();
		expect(Math.round(closedFor / 86_400_000 / 30)).toBe(3);

		const entries = await listDecisions(db, group.id);
		// Two appointments; nine membership decisions and the minutes (three published, one amended);
		// the appeal's panel: appeals by panel, the draw and the two votes that decided it; and what
		// else can be disputed (issue 13, section 6): a rejection and a merge, eight answer statuses,
		// commitments (five made, one kept, one dropped), two agenda proposals and two corrections;
		// a motion decided by recorded vote and one declined; a respondent appointed and a written
		// answer recorded (issue 18).
		expect(verifyChain(entries)).toMatchObject({ ok: true, count: 44 });
		expect(entries.filter((e) => e.kind.startsWith('motion.')).map((e) => e.kind)).toEqual([
			'motion.decided',
			'motion.declined'
		]);
		const membershipAndMinutes =
			/^(application|membership|minutes)\.|^appeal\.(upheld|overturned)$/;
		expect(entries.filter((e) => membershipAndMinutes.test(e.kind))).toHaveLength(13);
		// The chair, the secretary and the Service's respondent (written answers).
		expect(entries.filter((e) => e.kind.startsWith('officer.'))).toHaveLength(3);
		expect(entries.filter((e) => e.kind.startsWith('appeal')).map((e) => e.kind)).toEqual([
			'appeals.changed',
			'appeal.panel_drawn',
			'appeal.panel_vote',
			'appeal.panel_vote',
			'appeal.overturned'
		]);
		const times = entries.map((e) => e.at);
		expect(times).toEqual([...times].sort());
		const composition = await groupComposition(db, group.id);
		expect(composition.currentMembers).toBe(6);
		expect(composition.medianDaysToDecision).toBeGreaterThan(10);

		expect(await loadDemo(db)).toBe('The demo is already loaded.');
	});
});
