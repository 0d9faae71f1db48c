import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { runFormAction } from '$lib/server/http/form';
import { requireSignedIn } from '$lib/server/http/session';
import { appealRefusal, withdrawApplication } from '$lib/server/membership/apply';
import {
	addPrivateNote,
	decideApplication,
	listPrivateNotes,
	startReview
} from '$lib/server/membership/review';
import {
	appealPanel,
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
	const applicant = !!locals.user && app.applicantId === locals.user.id;
	const view = publicApplication(app, row.category);
	const panellists = await appealPanel(db, app.id);
	const panel = panellists.map(publicPanellist);
	const seat = panellists.find((p) => locals.user && p.userId === locals.user.id);
	const membership = await membershipOfApplication(db, app.id);
	const current = membership && !membership.endedAt;
	const representative = !!locals.user && membership?.representativeId === locals.user.id;
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
			decideAppeal: await mayDecideAppeal(db, app, { user: locals.user }),
			panelVote: !!seat && !seat.vote && !seat.recusedAt && app.appealStatus === 'pending',
			resign: !!current && representative,
			endMembership: !!current && !representative && allows(roles, 'membership.end')
		},
		reasonMinLength
	};
};

/** Each verb: the signed-in user acts through the domain function; failures keep what was typed. */
const act =
	(done: string, run: (event: RequestEvent, values: Record<string, string>) => Promise<unknown>) =>
	async (event: RequestEvent) => {
		requireSignedIn(event);
		return runFormAction(event, async (values) => {
			await run(event, values);
			return { done };
		});
	};

const db = () => getDb();
const actor = (event: RequestEvent) => ({ user: event.locals.user });

export const actions: Actions = {
	withdraw: act('withdrawn', async (e) =>
		withdrawApplication(await db(), actor(e), e.params.group, e.params.id)
	),
	appeal: act('appealed', async (e, values) =>
		appealRefusal(await db(), actor(e), e.params.group, e.params.id, values)
	),
	review: act('review_started', async (e) =>
		startReview(await db(), actor(e), e.params.group, e.params.id)
	),
	note: act('note_added', async (e, values) =>
		addPrivateNote(await db(), actor(e), e.params.group, e.params.id, values)
	),
	decide: act('decided', async (e, values) =>
		decideApplication(await db(), actor(e), e.params.group, e.params.id, values)
	),
	decideAppeal: act('decided', async (e, values) =>
		decideAppeal(await db(), actor(e), e.params.group, e.params.id, values)
	),
	panelVote: act('voted', async (e, values) =>
		castPanelVote(await db(), actor(e), e.params.group, e.params.id, values)
	),
	recuse: act('recused', async (e, values) =>
		recuseFromPanel(await db(), actor(e), e.params.group, e.params.id, values)
	),
	end: act('membership_ended', async (e, values) => {
		const membership = await membershipOfApplication(await db(), e.params.id);
		return endMembership(await db(), actor(e), e.params.group, membership?.id ?? '', values);
	})
};
