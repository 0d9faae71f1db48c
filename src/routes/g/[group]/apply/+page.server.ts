import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { runFormAction } from '$lib/server/http/form';
import { requireSignedIn } from '$lib/server/http/session';
import { applyForMembership } from '$lib/server/membership/apply';
import { activeCategories } from '$lib/server/membership/categories';
import { currentOpening } from '$lib/server/membership/openness';
import { nestFields } from '$lib/server/membership/form-input';
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
		const user = requireSignedIn(event);
		let id = '';
		const result = await runFormAction(event, async (values) => {
			const app = await applyForMembership(
				await getDb(),
				{ user },
				event.params.group,
				nestFields(values),
				{ locale: event.locals.locale }
			);
			id = app.id;
		});
		if (result) return result;
		redirect(303, `/g/${event.params.group}/applications/${id}`);
	}
};
