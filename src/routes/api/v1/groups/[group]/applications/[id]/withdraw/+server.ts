import { withdrawApplication } from '$lib/server/membership/apply';
import { applicationEndpoint } from '$lib/server/http/application-endpoint';
import type { RequestHandler } from './$types';

/** The applicant, before a decision: `{}`. */
export const POST: RequestHandler = applicationEndpoint(
	(db, actor, group, id) => withdrawApplication(db, actor, group, id),
	{ body: false }
);
