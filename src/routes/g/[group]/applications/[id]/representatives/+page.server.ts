import { getDb } from '$lib/server/db';
import { signedInAction } from '$lib/server/http/form';
import { signedInActor } from '$lib/server/http/actor';
import { orPageError } from '$lib/server/http/page';
import { removeRepresentative } from '$lib/server/membership/representatives';
import { viewRepresentatives } from '$lib/server/membership/representation';
import { inviteRepresentative, revokeInvitation } from '$lib/server/membership/invitations';
import { invitationLifetimeDays } from '$lib/server/membership/invitation-rules';
import type { Actions, PageServerLoad } from './$types';

/** Private: the organisation's representatives (who manage it) and the group's officers (who read it). */
export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	const db = await getDb();
	const { app, representative, people, invitations } = await orPageError(
		event,
		viewRepresentatives(db, actor, event.params.group, event.params.id)
	);
	return {
		organisation: app.organisationName,
		applicationId: app.id,
		userId: actor.user.id,
		representative,
		people,
		invitations,
		lifetimeDays: invitationLifetimeDays
	};
};

export const actions: Actions = {
	invite: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const { invitation, path } = await inviteRepresentative(
				db,
				actor,
				event.params.group,
				event.params.id,
				values
			);
			return { invited: { email: invitation.email, link: `${event.url.origin}${path}` } };
		}),
	revoke: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await revokeInvitation(db, actor, event.params.group, event.params.id, values);
			return { done: 'revoked' as const };
		}),
	remove: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await removeRepresentative(db, actor, event.params.group, event.params.id, values);
			return { done: 'removed' as const };
		})
};
