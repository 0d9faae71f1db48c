import { json, type RequestEvent } from '@sveltejs/kit';
import { getDb, type Database } from '../db';
import type { Application } from '../db/schema';
import type { Actor } from '../auth/authorise';
import { publicApplicationOf } from '../membership/register';
import { actorOf } from './actor';
import { apiHandler, readJson } from './api';

type Verb = (
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: Record<string, unknown>
) => Promise<Application>;

/**
 * One verb on an application over the JSON API (decide, appeal, decide the appeal, review,
 * withdraw): the domain call with the JSON body (unless `body: false`), answered with the
 * application as the public sees it.
 */
export function applicationEndpoint(verb: Verb, { body = true } = {}) {
	return apiHandler(async (event: RequestEvent<{ group: string; id: string }>) => {
		const db = await getDb();
		const input = body ? await readJson(event) : {};
		const app = await verb(db, actorOf(event), event.params.group, event.params.id, input);
		return json(await publicApplicationOf(db, app));
	});
}
