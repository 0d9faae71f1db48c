import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers, makeUser } from '../fixtures/factories';
import { applyForMembership, appealRefusal } from '$lib/server/membership/apply';
import { decideApplication } from '$lib/server/membership/review';
import { setMembershipOpen } from '$lib/server/membership/openness';
import { publicApplication, timelineOf } from '$lib/server/membership/register';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';

let counter = 0;
const application = () => ({
	organisation: {
		name: `Riverside Youth Voice ${++counter}`,
		category: 'Refugee community organisation',
		area: 'Riverside',
		description: 'Young people from refugee families in Riverside.'
	},
	contact: { name: 'Samir Haddad', email: 'samir@youth.example.org' },
	statement: 'Our members are stopped in the streets the operation covers.'
});
const closure = 'The group is full until the Service agrees to fund more places.';

// Issue 20: a refusal made while membership was closed was recorded as the chair's
// ("Refused by the chair", role `chair` in the log). Nobody considered it: the record says so.
describeOnEachDatabase('a refusal while membership is closed', (handle) => {
	it('is recorded as automatic: no officer role on the application, in the log or its timeline', async () => {
		const db = handle().db;
		const { chair, group } = await makeGroupWithOfficers(db);
		await setMembershipOpen(db, actorOf(chair), group.slug, {
			reason: closure,
			reviewOn: '2099-01-01'
		});
		const applicant = await makeUser(db);
		const app = await applyForMembership(db, actorOf(applicant), group.slug, application());

		expect(app).toMatchObject({ status: 'refused', reason: closure, refusedWhileClosed: true });
		expect(app.decidedByRole).toBeNull();
		// The chair who closed membership stays answerable: they may not decide the appeal.
		expect(app.decidedBy).toBe(chair.id);

		const log = await listDecisions(db, group.id);
		const refused = log.find((e) => e.kind === 'application.refused');
		expect(refused?.payload).toMatchObject({ role: 'automatic', closed: true, reason: closure });
		expect(verifyChain(log).ok).toBe(true);

		const shown = publicApplication(app, 'Refugee community organisation');
		expect(shown.decidedBy).toBe('automatic');
		const events = timelineOf(shown).map((e) => e.event);
		expect(events).toEqual(['submitted', 'refused_while_closed']);

		// It may be appealed like any refusal.
		const appealed = await appealRefusal(db, actorOf(applicant), group.slug, app.id, {
			statement: 'We ask the group to consider us when places open.'
		});
		expect(appealed.appealStatus).toBe('pending');
	});

	it('leaves a refusal the chair made as the chair’s', async () => {
		const db = handle().db;
		const { chair, group } = await makeGroupWithOfficers(db);
		const applicant = await makeUser(db);
		const app = await applyForMembership(db, actorOf(applicant), group.slug, application());
		const refused = await decideApplication(db, actorOf(chair), group.slug, app.id, {
			outcome: 'refused',
			reason: 'The organisation works outside the operation’s area.'
		});
		expect(refused).toMatchObject({ decidedByRole: 'chair', refusedWhileClosed: false });
		const log = await listDecisions(db, group.id);
		expect(log.find((e) => e.kind === 'application.refused')?.payload.role).toBe('chair');
		const shown = publicApplication(refused, 'Refugee community organisation');
		expect(shown.decidedBy).toBe('chair');
		expect(timelineOf(shown).map((e) => e.event)).toEqual(['submitted', 'refused']);
	});
});
