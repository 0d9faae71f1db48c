import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { createGroup, listGroups } from '$lib/server/groups/groups';
import { appointOfficer } from '$lib/server/groups/officers';
import { runFormAction } from '$lib/server/http/form';
import { requireSignedIn } from '$lib/server/http/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	if (!user.isSiteAdmin) error(403, event.locals.t('error.not_allowed'));
	const groups = await listGroups(await getDb());
	return { groups: groups.map(({ slug, name }) => ({ slug, name })) };
};

export const actions: Actions = {
	createGroup: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			const group = await createGroup(await getDb(), { user }, values);
			return { created: group.slug };
		});
	},
	appointChair: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			const appointment = await appointOfficer(await getDb(), { user }, values.group ?? '', {
				email: values.email,
				role: 'chair'
			});
			return { appointed: appointment.displayName };
		});
	}
};
