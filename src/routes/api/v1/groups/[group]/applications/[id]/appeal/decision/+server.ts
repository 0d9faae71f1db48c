import { decideAppeal } from '$lib/server/membership/appeals';
import { applicationEndpoint } from '$lib/server/http/application-endpoint';
import type { RequestHandler } from './$types';

/** The vice-chair (or, with nobody eligible, the site admin): `{ outcome: "upheld" | "overturned", reason }`. */
export const POST: RequestHandler = applicationEndpoint(decideAppeal);
