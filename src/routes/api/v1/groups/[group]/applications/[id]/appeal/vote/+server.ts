import { castPanelVote } from '$lib/server/membership/appeals';
import { applicationEndpoint } from '$lib/server/http/application-endpoint';
import type { RequestHandler } from './$types';

/** A panellist drawn for the appeal: `{ vote: "upheld" | "overturned", reason }`. */
export const POST: RequestHandler = applicationEndpoint(castPanelVote);
