import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { exportOwnData } from '$lib/server/auth/own-data';
import { actorOf } from '$lib/server/http/actor';
import { apiHandler } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** The signed-in person's own data, as a JSON download (401 when signed out). */
export const GET: RequestHandler = apiHandler(async (event) => {
	const data = await exportOwnData(await getDb(), actorOf(event));
	const day = data.exportedAt.slice(0, 10);
	return json(data, {
		headers: {
			'cache-control': 'private, no-store',
			'content-disposition': `attachment; filename="openfloor-account-${day}.json"`
		}
	});
});
