import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { authorise } from '$lib/server/auth/authorise';
import { signedInAction } from '$lib/server/http/form';
import { createMeeting } from '$lib/server/meetings/meetings';
import { orPageError } from '$lib/server/http/page';
import type { Actions, PageServerLoad } from './$types';
import { signedInActor } from '$lib/server/http/actor';

export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	await orPageError(event, authorise(db, actor, 'meeting.manage', group.id));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const result = await signedInAction(event, async (db, values, actor) => {
			const meeting = await createMeeting(db, actor, event.params.group, values);
			return { number: meeting.number };
		});
		if ('number' in result) {
			redirect(303, `/g/${event.params.group}/meetings/${result.number}/edit?created`);
		}
		return result;
	}
};
