import { decideApplication } from '$lib/server/membership/review';
import { applicationEndpoint } from '$lib/server/http/application-endpoint';
import type { RequestHandler } from './$types';

/** Chair: `{ outcome: "accepted" | "refused", reason }` (a refusal's reason is required). */
export const POST: RequestHandler = applicationEndpoint(decideApplication);
