import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { getMotion } from '$lib/server/motions/read';
import { changeMotionState } from '$lib/server/motions/voting';
import type { RequestHandler } from './$types';

/** One motion: while voting, the running totals; once decided, the result and every vote. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const { group, n, motion: number } = event.params;
	const { meeting, motion } = await getMotion(await getDb(), actorOf(event), group, n, number);
	const response = publicRead(event, motion, [motion]);
	if (meeting.state === 'draft') response.headers.set('cache-control', 'private, no-store');
	return response;
});

/**
 * Moves the motion: `{ state: "scheduled" }` or `{ state: "declined", reason }` (secretary,
 * chair); `{ state: "voting" }` opens the vote and `{ state: "decided" }` closes it (chair,
 * vice-chair, in the live meeting).
 */
export const PATCH: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const actor = actorOf(event);
	const { group, n, motion: number } = event.params;
	await changeMotionState(db, actor, group, n, number, await readJson(event));
	return json((await getMotion(db, actor, group, n, number)).motion);
});
