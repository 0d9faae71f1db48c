import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { signedInAction } from '$lib/server/http/form';
import { listOpenings, setMembershipOpen } from '$lib/server/membership/openness';
import { addCategory, listCategories, retireCategory } from '$lib/server/membership/categories';
import type { Actions, PageServerLoad } from './$types';
import { signedInActor } from '$lib/server/http/actor';

export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const roles = await rolesOf(db, actor.user, group.id);
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
	opening: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await setMembershipOpen(db, actor, event.params.group, values);
			return { done: 'settings.saved' as const };
		}),
	addCategory: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await addCategory(db, actor, event.params.group, values);
			return { done: 'settings.saved' as const };
		}),
	retireCategory: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await retireCategory(db, actor, event.params.group, values.id ?? '');
			return { done: 'settings.saved' as const };
		})
};
