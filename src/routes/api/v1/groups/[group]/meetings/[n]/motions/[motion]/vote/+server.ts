import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { castMotionVote } from '$lib/server/motions/voting';
import type { RequestHandler } from './$types';

/**
 * A member organisation's representative, while the vote is open: `{ vote: "for" | "against" |
 * "abstain", membershipId? }`. The organisation's one vote: sending again changes it.
 */
export const PUT: RequestHandler = apiHandler(async (event) => {
	const { group, n, motion } = event.params;
	const cast = await castMotionVote(
		await getDb(),
		actorOf(event),
		group,
		n,
		motion,
		await readJson(event)
	);
	return json({
		organisation: cast.organisation,
		vote: cast.vote,
		castAt: cast.castAt.toISOString(),
		updatedAt: cast.updatedAt.toISOString(),
		totals: cast.totals
	});
});
