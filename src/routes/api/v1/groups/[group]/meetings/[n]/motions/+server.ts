import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { proposeMotion } from '$lib/server/motions/propose';
import { getMotion, listMotions } from '$lib/server/motions/read';
import type { RequestHandler } from './$types';

/** The meeting's motions: `{ items, next: null }` or CSV (one row per motion, flattened). */
export const GET: RequestHandler = apiHandler(async (event) => {
	const { meeting, motions } = await listMotions(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n
	);
	const response = publicRead(event, { items: motions, next: null }, motions);
	// A draft is visible only to its officers: keep it out of shared caches.
	if (meeting.state === 'draft') response.headers.set('cache-control', 'private, no-store');
	return response;
});

/**
 * A member organisation's representative or an officer: `{ text, amendmentOf?, membershipId?,
 * asOfficer? }` → 201 with the motion.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const actor = actorOf(event);
	const { group, n } = event.params;
	const proposed = await proposeMotion(db, actor, group, n, await readJson(event));
	const { motion } = await getMotion(db, actor, group, n, proposed.number);
	return json(motion, {
		status: 201,
		headers: { location: `/api/v1/groups/${group}/meetings/${n}/motions/${motion.number}` }
	});
});
