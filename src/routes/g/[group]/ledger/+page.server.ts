import { getDb } from '$lib/server/db';
import { updateCommitmentStatus } from '$lib/server/commitments/commitments';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { getGroup } from '$lib/server/groups/groups';
import { ledgerFilterOf, ledgerItems } from '$lib/server/ledger/items';
import { meetingFigures } from '$lib/server/ledger/figures';
import { signedInAction } from '$lib/server/http/form';
import { sharedData } from '$lib/server/public-cache/shared-data';
import type { Actions, PageServerLoad } from './$types';

// A public record to read: no JavaScript; officers' status forms are plain posts.
export const csr = false;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const filter = ledgerFilterOf(url.searchParams);
	// The ledger is the same for every reader: computed once for all (shared-data.ts). Its figures
	// rank questions by votes: it depends on the group's tallies.
	const key = `ledger:${group.slug}:${JSON.stringify(filter)}`;
	const [{ items, figures }, roles] = await Promise.all([
		sharedData(key, group.slug, async () => {
			const [items, figures] = await Promise.all([
				ledgerItems(db, group, filter),
				meetingFigures(db, group)
			]);
			return { items, figures };
		}),
		rolesOf(db, locals.user, group.id)
	]);
	return { filter, items, figures, canUpdate: allows(roles, 'action.update') };
};

export const actions: Actions = {
	status: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await updateCommitmentStatus(db, actor, event.params.group, values.id ?? '', values);
			return { done: 'actions.updated' as const };
		})
};
