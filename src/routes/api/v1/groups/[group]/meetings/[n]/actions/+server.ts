import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { meetingCommitments, recordCommitment } from '$lib/server/commitments/commitments';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** The meeting's actions: `{ items, next: null }` or CSV. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const { meeting, actions } = await meetingCommitments(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n
	);
	const response = publicRead(event, { items: actions, next: null }, actions);
	// A draft is visible only to its officers: keep it out of shared caches.
	if (meeting.state === 'draft') response.headers.set('cache-control', 'private, no-store');
	return response;
});

/** Secretary or chair, once the meeting is live or closed: `{ owner, description, dueOn, questionId? }` → 201. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const action = await recordCommitment(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n,
		await readJson(event)
	);
	return json(action, {
		status: 201,
		headers: { location: `/api/v1/groups/${event.params.group}/actions/${action.id}` }
	});
});
