import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers, makeMember, makeUser } from '../fixtures/factories';
import { failure } from '../fixtures/errors';
import { appealPanellists } from '$lib/server/db/schema';
import { appointOfficer } from '$lib/server/groups/officers';
import { applyForMembership, appealRefusal } from '$lib/server/membership/apply';
import { decideApplication } from '$lib/server/membership/review';
import {
	appealPanel,
	castPanelVote,
	decideAppeal,
	recuseFromPanel,
	setAppealsBy
} from '$lib/server/membership/appeals';
import { rankByLot } from '$lib/server/membership/panel-draw';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import { organisationKey } from '$lib/server/membership/rules';

const input = (name: string) => ({
	organisation: {
		name,
		category: 'Legal advice',
		area: 'Riverside',
		description: 'Free legal advice.'
	},
	contact: { name: 'Contact', email: 'contact@example.org' },
	statement: 'Our clients are held in the custody suites.'
});
const refusal = { outcome: 'refused', reason: 'The group has reached the number it can support.' };
const overturn = { outcome: 'overturned', reason: 'Legal advice is missing from the group.' };

describeOnEachDatabase('appeals nobody judges in their own cause', (handle) => {
	async function refusedAndAppealed(name: string) {
		const db = handle().db;
		const officers = await makeGroupWithOfficers(db);
		const applicant = await makeUser(db);
		const slug = officers.group.slug;
		return {
			db,
			...officers,
			applicant,
			slug,
			async appeal() {
				const app = await applyForMembership(db, actorOf(applicant), slug, input(name));
				await decideApplication(db, actorOf(officers.chair), slug, app.id, refusal);
				return appealRefusal(db, actorOf(applicant), slug, app.id, { statement: 'Reconsider.' });
			}
		};
	}

	it('lets a vice-chair decide, never the officer who refused; the site admin only with nobody eligible', async () => {
		const { db, admin, chair, slug, group, appeal } = await refusedAndAppealed('Law Centre A');
		const app = await appeal();
		expect(app.appealDecider).toBe('site_admin'); // no vice-chair yet
		const own = await failure(decideAppeal(db, actorOf(chair), slug, app.id, overturn));
		expect(own.code).toBe('not_allowed');
		expect(own.msg.key).toBe('appeal.own_decision');
		const decided = await decideAppeal(db, actorOf(admin), slug, app.id, overturn);
		expect(decided).toMatchObject({ status: 'accepted', appealDecider: 'site_admin' });
		const kinds = (await listDecisions(db, group.id)).map((e) => e.kind);
		expect(kinds.slice(-3)).toEqual([
			'application.refused',
			'appeal.referred',
			'appeal.overturned'
		]);

		const vice = await makeUser(db);
		await appointOfficer(db, actorOf(chair), slug, { email: vice.email, role: 'vice_chair' });
		const second = await appeal();
		expect(second.appealDecider).toBe('vice_chair');
		for (const who of [chair, admin]) {
			const refused = await failure(decideAppeal(db, actorOf(who), slug, second.id, overturn));
			expect(refused.code).toBe('not_allowed');
		}
		const byVice = await decideAppeal(db, actorOf(vice), slug, second.id, {
			outcome: 'upheld',
			reason: 'Nothing in the appeal changes the facts.'
		});
		expect(byVice).toMatchObject({ appealStatus: 'upheld', appealDecider: 'vice_chair' });
		const last = (await listDecisions(db, group.id)).at(-1)!;
		expect(last).toMatchObject({ kind: 'appeal.upheld', payload: { role: 'vice_chair' } });
	});

	it('draws a panel by lot that anyone can recompute; recusal draws another; the majority decides; nobody votes twice', async () => {
		const { db, chair, slug, group, appeal } = await refusedAndAppealed('Law Centre B');
		const names = [
			'Refugee Forum',
			'Migrants Network',
			'Women’s Network',
			'Faith Shelter',
			'Race Institute'
		];
		const reps = new Map<string, Awaited<ReturnType<typeof makeUser>>>();
		for (const name of names) reps.set(name, await makeMember(db, slug, chair, name));
		const byOther = await failure(
			setAppealsBy(db, actorOf(await makeUser(db)), slug, { appealsBy: 'panel' })
		);
		expect(byOther.code).toBe('not_allowed');
		await setAppealsBy(db, actorOf(chair), slug, { appealsBy: 'panel' });
		const app = await appeal();
		expect(app.appealDecider).toBe('panel');

		const log = await listDecisions(db, group.id);
		const drawn = log.at(-1)!;
		expect(drawn.kind).toBe('appeal.panel_drawn');
		// Anyone recomputes the draw from the seed (the log's head before the draw) and the members.
		expect(drawn.payload.seed).toBe(log.at(-2)!.hash);
		const expected = rankByLot(
			String(drawn.payload.seed),
			names.map((n) => ({ organisationKey: organisationKey(n), n }))
		)
			.slice(0, 3)
			.map((o) => o.n);
		expect(drawn.payload.panel).toEqual(expected);

		const panel = await appealPanel(db, app.id);
		const repOf = (organisation: string) => reps.get(organisation)!;
		// The chair, not on the panel, can neither vote nor decide.
		expect(
			(
				await failure(
					castPanelVote(db, actorOf(chair), slug, app.id, {
						vote: 'upheld',
						reason: 'I refused it, so I uphold it.'
					})
				)
			).msg.key
		).toBe('appeal.not_panellist');
		expect((await failure(decideAppeal(db, actorOf(chair), slug, app.id, overturn))).msg.key).toBe(
			'appeal.own_decision'
		);

		// The first panellist recuses; the next in the draw takes the seat.
		await recuseFromPanel(db, actorOf(repOf(panel[0].organisation)), slug, app.id, {
			reason: 'We share premises with the applicant.'
		});
		const after = await appealPanel(db, app.id);
		expect(after).toHaveLength(4);
		const fourth = rankByLot(
			String(drawn.payload.seed),
			names.map((n) => ({ organisationKey: organisationKey(n), n }))
		)[3].n;
		expect(after.map((p) => p.organisation)).toContain(fourth);
		const active = after.filter((p) => !p.recusedAt);
		await castPanelVote(db, actorOf(repOf(active[0].organisation)), slug, app.id, {
			vote: 'overturned',
			reason: 'Legal advice is missing from the group.'
		});
		const twice = await failure(
			castPanelVote(db, actorOf(repOf(active[0].organisation)), slug, app.id, {
				vote: 'upheld',
				reason: 'Changing my mind after all.'
			})
		);
		expect(twice.msg.key).toBe('appeal.already_voted');
		const concurrent = await Promise.allSettled(
			[1, 2].map(() =>
				castPanelVote(db, actorOf(repOf(active[1].organisation)), slug, app.id, {
					vote: 'overturned',
					reason: 'The refusal gave no figures for capacity.'
				})
			)
		);
		expect(concurrent.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const votes = await db
			.select()
			.from(appealPanellists)
			.where(eq(appealPanellists.applicationId, app.id));
		expect(votes.filter((v) => v.vote)).toHaveLength(2);
		const late = await failure(
			castPanelVote(db, actorOf(repOf(active[2].organisation)), slug, app.id, {
				vote: 'upheld',
				reason: 'Too late, the majority has spoken.'
			})
		);
		expect(late.code).toBe('conflict');

		const entries = await listDecisions(db, group.id);
		expect(verifyChain(entries).ok).toBe(true);
		expect(entries.slice(-6).map((e) => e.kind)).toEqual([
			'appeal.panel_drawn',
			'appeal.recused',
			'appeal.panel_drawn',
			'appeal.panel_vote',
			'appeal.panel_vote',
			'appeal.overturned'
		]);
		expect(entries.at(-1)!.payload.role).toBe('panel');
	});

	it('passes a panel appeal to the site admin when too few organisations are eligible', async () => {
		const { db, admin, chair, slug, group, appeal } = await refusedAndAppealed('Law Centre C');
		await makeMember(db, slug, chair, 'Only Member');
		await setAppealsBy(db, actorOf(chair), slug, { appealsBy: 'panel' });
		const app = await appeal();
		expect(app.appealDecider).toBe('site_admin');
		expect((await listDecisions(db, group.id)).at(-1)!.kind).toBe('appeal.referred');
		await decideAppeal(db, actorOf(admin), slug, app.id, overturn);
	});
});
