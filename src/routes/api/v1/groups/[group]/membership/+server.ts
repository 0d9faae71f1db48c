import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import { listOpenings, setMembershipOpen } from '$lib/server/membership/openness';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

const openingOf = (o: {
	open: boolean;
	reason: string;
	reviewOn: string | null;
	decidedAt: Date;
}) => ({
	open: o.open,
	reason: o.reason,
	reviewOn: o.reviewOn,
	decidedAt: o.decidedAt.toISOString()
});

/** Whether membership is open, and every decision to open or close it, newest first. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const items = (await listOpenings(db, group.id)).map(openingOf);
	return publicRead(event, { open: group.membershipOpen, items, next: null }, items);
});

/** Chair: `{ open, reason, reviewOn }` (`reviewOn`, YYYY-MM-DD, is required when closing). */
export const POST: RequestHandler = apiHandler(async (event) => {
	const opening = await setMembershipOpen(
		await getDb(),
		actorOf(event),
		event.params.group,
		await readJson(event)
	);
	return json(openingOf(opening), { status: 201 });
});
