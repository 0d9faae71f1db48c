import type { Executor } from '../db';
import { allows, requireUser, rolesOf, type Actor } from '../auth/authorise';
import { notAllowed } from '../errors';
import { getGroup } from '../groups/groups';
import { findApplication } from './common';
import { isRepresentative, listRepresentatives } from './representatives';
import { pendingInvitationsOf } from './invitations';

/**
 * An organisation's people as its representatives (who manage them) and the group's officers who
 * review applications (who read them) see them: the current representatives and the pending
 * invitations. Never the public.
 */
export async function viewRepresentatives(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	id: string
) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	const app = await findApplication(db, group.id, id);
	const representative = await isRepresentative(db, app.id, user.id);
	if (!representative && !allows(await rolesOf(db, user, group.id), 'application.review')) {
		throw notAllowed('application.not_yours');
	}
	const [people, invitations] = await Promise.all([
		listRepresentatives(db, app.id),
		pendingInvitationsOf(db, app.id)
	]);
	return { user, app, representative, people, invitations };
}
