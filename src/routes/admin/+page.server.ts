import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createGroup, listGroups } from '$lib/server/groups/groups';
import { appointOfficer } from '$lib/server/groups/officers';
import { signedInAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';
import { signedInActor } from '$lib/server/http/actor';

export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	if (!actor.user.isSiteAdmin) error(403, event.locals.t('error.not_allowed'));
	const groups = await listGroups(await getDb());
	return { groups: groups.map(({ slug, name }) => ({ slug, name })) };
};

export const actions: Actions = {
	createGroup: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const group = await createGroup(db, actor, values);
			return { created: group.slug };
		}),
	appointChair: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const appointment = await appointOfficer(db, actor, values.group ?? '', {
				email: values.email,
				role: 'chair'
			});
			return { appointed: appointment.displayName };
		})
};
