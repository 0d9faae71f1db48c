import { json } from '@sveltejs/kit';
import { databaseHandle } from '$lib/server/db';
import { redisReady } from '$lib/server/realtime/attach';
import type { RequestHandler } from './$types';

/** For load balancers and operators: 200 when the database answers, 503 otherwise. */
export const GET: RequestHandler = async () => {
	let database: { kind: string; ok: boolean } = { kind: 'unknown', ok: false };
	try {
		const handle = await databaseHandle();
		database = { kind: handle.kind, ok: await handle.ping() };
	} catch {
		// reported as not ok
	}
	const ready = redisReady();
	const redis = ready === undefined ? { configured: false } : { configured: true, ok: ready };
	return json(
		{ status: database.ok ? 'ok' : 'unavailable', database, redis },
		{ status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
