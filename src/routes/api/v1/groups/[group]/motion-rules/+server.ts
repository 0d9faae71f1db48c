import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/http/actor';
import { apiHandler, readJson } from '$lib/server/http/api';
import { setMotionRules } from '$lib/server/motions/settings';
import type { RequestHandler } from './$types';

/**
 * Chair: `{ quorum: "none" | "third" | "half" | "two_thirds", majority: "simple" | "two_thirds" }`
 * for votes opened from now on (logged; refused while a vote is open).
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const group = await setMotionRules(
		await getDb(),
		actorOf(event),
		event.params.group,
		await readJson(event)
	);
	return json({ quorum: group.motionQuorum, majority: group.motionMajority });
});
