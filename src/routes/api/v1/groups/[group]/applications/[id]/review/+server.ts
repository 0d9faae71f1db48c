import { startReview } from '$lib/server/membership/review';
import { applicationEndpoint } from '$lib/server/http/application-endpoint';
import type { RequestHandler } from './$types';

/** Chair or secretary: takes a submitted application under review. `{}`. */
export const POST: RequestHandler = applicationEndpoint(
	(db, actor, group, id) => startReview(db, actor, group, id),
	{ body: false }
);
