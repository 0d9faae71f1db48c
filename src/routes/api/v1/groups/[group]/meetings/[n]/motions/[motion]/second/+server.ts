import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { getMotion } from '$lib/server/motions/read';
import { secondMotion } from '$lib/server/motions/propose';
import type { RequestHandler } from './$types';

/** A representative of another member organisation than the proposer's: `{ membershipId? }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const actor = actorOf(event);
	const { group, n, motion } = event.params;
	await secondMotion(db, actor, group, n, motion, await readJson(event));
	return json((await getMotion(db, actor, group, n, motion)).motion);
});
