import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { appointOfficer, listOfficers } from '$lib/server/groups/officers';
import { signedInAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	return { officers: await listOfficers(db, group.id) };
};

export const actions: Actions = {
	appoint: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const appointment = await appointOfficer(db, actor, event.params.group, values);
			return { appointed: appointment.displayName, role: appointment.role };
		})
};
