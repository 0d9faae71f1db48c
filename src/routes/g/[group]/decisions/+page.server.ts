import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import { countersignCheckpoint, latestCheckpoint } from '$lib/server/decision-log/checkpoints';
import { logPublicKey } from '$lib/server/decision-log/signing-key';
import { representedOrganisations } from '$lib/server/meetings/members';
import { signedInAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

// A public record to read: no JavaScript needed (countersigning is a plain form post).
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const [entries, checkpoint, represented] = await Promise.all([
		listDecisions(db, group.id),
		latestCheckpoint(db, group),
		locals.user ? representedOrganisations(db, group.id, locals.user.id) : []
	]);
	// Verified here from what the database holds, with the same function `npm run verify-log` uses.
	const verification = verifyChain(entries);
	const countersigned = new Set(checkpoint?.countersignatures.map((c) => c.organisation));
	return {
		entries: entries.reverse(),
		verification,
		checkpoint,
		publicKey: logPublicKey().publicKey,
		// The organisations this visitor may still countersign the latest checkpoint for.
		mayCountersign: represented.filter((o) => !countersigned.has(o.organisationName))
	};
};

export const actions: Actions = {
	countersign: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await countersignCheckpoint(db, actor, event.params.group, values.size, values);
			return { countersigned: true };
		})
};
