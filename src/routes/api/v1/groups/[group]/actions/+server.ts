import { listGroupActions } from '$lib/server/ledger/open-data';
import { groupListEndpoint } from '$lib/server/http/group-list';
import type { RequestHandler } from './$types';

/** Every action (commitment) made at the group's public meetings: `{ items, next }` or CSV. */
export const GET: RequestHandler = groupListEndpoint(listGroupActions);
