import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import type { PageServerLoad } from './$types';

// A public record to read: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = async ({ params }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const entries = await listDecisions(db, group.id);
	// Verified here from what the database holds, with the same function `npm run verify-log` uses.
	const verification = verifyChain(entries);
	return { entries: entries.reverse(), verification };
};
