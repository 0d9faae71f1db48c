import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { runFormAction } from '$lib/server/http/form';
import { requireSignedIn } from '$lib/server/http/session';
import { listOpenings, setMembershipOpen } from '$lib/server/membership/openness';
import { addCategory, listCategories, retireCategory } from '$lib/server/membership/categories';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const roles = await rolesOf(db, user, group.id);
	if (!allows(roles, 'membership.open') && !allows(roles, 'membership.categories')) {
		error(403, event.locals.t('error.not_allowed'));
	}
	const [openings, categories] = await Promise.all([
		listOpenings(db, group.id),
		listCategories(db, group.id)
	]);
	return {
		openings,
		categories: categories.map(({ id, name, retiredAt }) => ({ id, name, retired: !!retiredAt }))
	};
};

export const actions: Actions = {
	opening: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			await setMembershipOpen(await getDb(), { user }, event.params.group, values);
			return { done: 'settings.saved' as const };
		});
	},
	addCategory: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			await addCategory(await getDb(), { user }, event.params.group, values);
			return { done: 'settings.saved' as const };
		});
	},
	retireCategory: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			await retireCategory(await getDb(), { user }, event.params.group, values.id ?? '');
			return { done: 'settings.saved' as const };
		});
	}
};
