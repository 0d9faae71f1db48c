import { appealRefusal } from '$lib/server/membership/apply';
import { applicationEndpoint } from '$lib/server/http/application-endpoint';
import type { RequestHandler } from './$types';

/** The applicant, once, after a refusal: `{ statement }`. */
export const POST: RequestHandler = applicationEndpoint(appealRefusal);
