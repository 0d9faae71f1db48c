import { decideAppeal } from '$lib/server/membership/review';
import { applicationEndpoint } from '$lib/server/http/application-endpoint';
import type { RequestHandler } from './$types';

/** Chair: `{ outcome: "upheld" | "overturned", reason }`. */
export const POST: RequestHandler = applicationEndpoint(decideAppeal);
