import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { signedInAction } from '$lib/server/http/form';
import { applyForMembership } from '$lib/server/membership/apply';
import { activeCategories } from '$lib/server/membership/categories';
import { currentOpening } from '$lib/server/membership/openness';
import { nestFields } from '$lib/server/http/form-input';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const [categories, opening] = await Promise.all([
		activeCategories(db, group.id),
		group.membershipOpen ? undefined : currentOpening(db, group.id)
	]);
	return {
		categories: categories.map(({ id, name }) => ({ id, name })),
		closure: opening ? { reason: opening.reason, reviewOn: opening.reviewOn } : null
	};
};

export const actions: Actions = {
	apply: async (event) => {
		let id = '';
		const result = await signedInAction(event, async (db, values, actor) => {
			const app = await applyForMembership(db, actor, event.params.group, nestFields(values), {
				locale: event.locals.locale
			});
			id = app.id;
		});
		if (result) return result;
		redirect(303, `/g/${event.params.group}/applications/${id}`);
	}
};
