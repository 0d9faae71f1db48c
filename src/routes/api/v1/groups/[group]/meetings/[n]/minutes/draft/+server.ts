import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { saveDraft } from '$lib/server/minutes/draft';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** Secretary or chair: `{ markdown }` replaces the working draft (published versions stay). */
export const PUT: RequestHandler = apiHandler(async (event) => {
	const row = await saveDraft(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n,
		await readJson(event)
	);
	return json({
		markdown: row.draft,
		publishedVersion: row.publishedVersion,
		updatedAt: row.draftUpdatedAt.toISOString()
	});
});
