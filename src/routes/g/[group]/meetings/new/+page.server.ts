import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { authorise } from '$lib/server/auth/authorise';
import { runFormAction } from '$lib/server/http/form';
import { requireSignedIn } from '$lib/server/http/session';
import { createMeeting } from '$lib/server/meetings/meetings';
import { orPageError } from '$lib/server/meetings/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	await orPageError(event, authorise(db, { user }, 'meeting.manage', group.id));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireSignedIn(event);
		const result = await runFormAction(event, async (values) => {
			const meeting = await createMeeting(await getDb(), { user }, event.params.group, values);
			return { number: meeting.number };
		});
		if ('number' in result) {
			redirect(303, `/g/${event.params.group}/meetings/${result.number}/edit?created`);
		}
		return result;
	}
};
