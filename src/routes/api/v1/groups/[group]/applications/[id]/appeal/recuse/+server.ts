import { recuseFromPanel } from '$lib/server/membership/appeals';
import { applicationEndpoint } from '$lib/server/http/application-endpoint';
import type { RequestHandler } from './$types';

/** A panellist drawn for the appeal: `{ reason? }`. */
export const POST: RequestHandler = applicationEndpoint(recuseFromPanel);
