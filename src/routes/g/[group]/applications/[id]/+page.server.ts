import { error } from '@sveltejs/kit';
import { getGroup } from '$lib/server/groups/groups';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { getDb, type Database } from '$lib/server/db';
import { signedInAction } from '$lib/server/http/form';
import { actorOf, type SignedInActor } from '$lib/server/http/actor';
import { appealRefusal, withdrawApplication } from '$lib/server/membership/apply';
import {
	addPrivateNote,
	decideApplication,
	listPrivateNotes,
	startReview
} from '$lib/server/membership/review';
import {
	appealPanel,
	panelDraw,
	castPanelVote,
	decideAppeal,
	mayDecideAppeal,
	recuseFromPanel
} from '$lib/server/membership/appeals';
import {
	applicationWithCategory,
	publicApplication,
	publicPanellist,
	timelineOf
} from '$lib/server/membership/register';
import { mayMove } from '$lib/server/membership/rules';
import { endMembership, membershipOfApplication } from '$lib/server/membership/memberships';
import { isRepresentative, representedBy } from '$lib/server/membership/representatives';
import { reasonMinLength } from '$lib/schemas/membership';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const row = await applicationWithCategory(db, group.id, params.id);
	if (!row) error(404, locals.t('application.not_found'));
	const { app } = row;
	const roles = await rolesOf(db, locals.user, group.id);
	const officer = allows(roles, 'application.review');
	// A current representative acts for the organisation (the applicant was the first).
	const applicant = !!locals.user && (await isRepresentative(db, app.id, locals.user.id));
	const view = publicApplication(app, row.category);
	const [panellists, draw] = await Promise.all([
		appealPanel(db, app.id),
		panelDraw(db, group.id, app.id)
	]);
	const panel = panellists.map(publicPanellist);
	const represented = locals.user
		? new Set((await representedBy(db, locals.user.id)).map((r) => r.id))
		: new Set<string>();
	const seat = panellists.find((p) => represented.has(p.membershipApplicationId));
	const membership = await membershipOfApplication(db, app.id);
	const current = membership && !membership.endedAt;
	return {
		membership: membership
			? {
					id: membership.id,
					startedAt: membership.startedAt,
					endedAt: membership.endedAt,
					endedBy: membership.endedBy,
					endReason: membership.endReason
				}
			: null,
		application: view,
		timeline: timelineOf(view, panel),
		panel,
		draw,
		viewer: { officer, applicant },
		// Seen only by the officers and the applicant; notes by the officers alone.
		private:
			officer || applicant
				? {
						contactName: app.contactName,
						contactEmail: app.contactEmail,
						statement: app.statement,
						appealStatement: app.appealStatement
					}
				: null,
		notes: officer ? await listPrivateNotes(db, app.id) : [],
		may: {
			withdraw: applicant && mayMove(app, 'withdraw'),
			appeal: applicant && mayMove(app, 'appeal'),
			review: officer && mayMove(app, 'review'),
			decide: allows(roles, 'application.decide') && mayMove(app, 'decide'),
			decideAppeal: await mayDecideAppeal(db, app, actorOf({ locals })),
			panelVote: !!seat && !seat.vote && !seat.recusedAt && app.appealStatus === 'pending',
			resign: !!current && applicant,
			endMembership: !!current && !applicant && allows(roles, 'membership.end'),
			representatives: applicant || officer
		},
		reasonMinLength
	};
};

/** Each verb: the signed-in user acts through the domain function; failures keep what was typed. */
const act =
	(
		done: string,
		run: (
			db: Database,
			actor: SignedInActor,
			params: { group: string; id: string },
			values: Record<string, string>
		) => Promise<unknown>
	) =>
	(event: RequestEvent) =>
		signedInAction(event, async (db, values, actor) => {
			await run(db, actor, event.params, values);
			return { done };
		});

export const actions: Actions = {
	withdraw: act('withdrawn', (db, actor, p) => withdrawApplication(db, actor, p.group, p.id)),
	appeal: act('appealed', (db, actor, p, values) =>
		appealRefusal(db, actor, p.group, p.id, values)
	),
	review: act('review_started', (db, actor, p) => startReview(db, actor, p.group, p.id)),
	note: act('note_added', (db, actor, p, values) =>
		addPrivateNote(db, actor, p.group, p.id, values)
	),
	decide: act('decided', (db, actor, p, values) =>
		decideApplication(db, actor, p.group, p.id, values)
	),
	decideAppeal: act('decided', (db, actor, p, values) =>
		decideAppeal(db, actor, p.group, p.id, values)
	),
	panelVote: act('voted', (db, actor, p, values) =>
		castPanelVote(db, actor, p.group, p.id, values)
	),
	recuse: act('recused', (db, actor, p, values) =>
		recuseFromPanel(db, actor, p.group, p.id, values)
	),
	end: act('membership_ended', async (db, actor, p, values) => {
		const membership = await membershipOfApplication(db, p.id);
		return endMembership(db, actor, p.group, membership?.id ?? '', values);
	})
};
