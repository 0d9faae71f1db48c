import { listGroupQuestions } from '$lib/server/ledger/open-data';
import { groupListEndpoint } from '$lib/server/http/group-list';
import type { RequestHandler } from './$types';

/**
 * Every public question of the group's meetings (the fields of the meeting's own list, plus
 * `meetingNumber`): `{ items, next }` or CSV.
 */
export const GET: RequestHandler = groupListEndpoint(listGroupQuestions);
