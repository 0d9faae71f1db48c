import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { appointOfficer, listOfficers } from '$lib/server/groups/officers';
import { runFormAction } from '$lib/server/http/form';
import { requireSignedIn } from '$lib/server/http/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	return { officers: await listOfficers(db, group.id) };
};

export const actions: Actions = {
	appoint: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			const appointment = await appointOfficer(await getDb(), { user }, event.params.group, values);
			return { appointed: appointment.displayName, role: appointment.role };
		});
	}
};
