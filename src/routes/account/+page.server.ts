import { getDb } from '$lib/server/db';
import { changeDisplayName, changePassword } from '$lib/server/auth/accounts';
import { listGroups } from '$lib/server/groups/groups';
import { rolesOfUser } from '$lib/server/groups/officers';
import { runFormAction } from '$lib/server/http/form';
import { applicationsOfUser } from '$lib/server/membership/register';
import { requireSignedIn, startSession } from '$lib/server/http/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const db = await getDb();
	const [roles, groups, applications] = await Promise.all([
		rolesOfUser(db, user.id),
		listGroups(db),
		applicationsOfUser(db, user.id)
	]);
	const groupById = new Map(groups.map((g) => [g.id, g]));
	return {
		account: { email: user.email, displayName: user.displayName, isSiteAdmin: user.isSiteAdmin },
		applications,
		roles: roles.flatMap((r) => {
			const group = groupById.get(r.groupId);
			return group ? [{ role: r.role, groupName: group.name, groupSlug: group.slug }] : [];
		})
	};
};

export const actions: Actions = {
	profile: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			await changeDisplayName(await getDb(), { user }, values);
			return { saved: 'profile' as const };
		});
	},
	password: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			await changePassword(await getDb(), { user }, values);
			// Every session of the account ended; this browser gets a fresh one.
			await startSession(event, user.id);
			return { saved: 'password' as const };
		});
	}
};
