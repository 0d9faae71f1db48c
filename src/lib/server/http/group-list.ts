import type { RequestEvent } from '@sveltejs/kit';
import type { Executor } from '../db';
import type { Group } from '../db/schema';
import { getDb } from '../db';
import { getGroup } from '../groups/groups';
import { keyOf, withoutCursor } from '../ledger/open-data';
import { apiHandler, decodeCursor, limitOf, page, publicRead } from './api';

type GroupList<T extends { meetingNumber: number; cursorAt: string; id: string }> = (
	db: Executor,
	group: Group,
	options: { cursor?: string; limit: number }
) => Promise<T[]>;

/**
 * A group-wide open-data list (`{ items, next }` or CSV, cursor pages, ETag): what the
 * questions and actions endpoints share.
 */
export function groupListEndpoint<
	T extends { meetingNumber: number; cursorAt: string; id: string }
>(list: GroupList<T>) {
	return apiHandler(async (event: RequestEvent<{ group: string }>) => {
		const db = await getDb();
		const group = await getGroup(db, event.params.group);
		const limit = limitOf(event);
		const rows = await list(db, group, {
			cursor: decodeCursor(event.url.searchParams.get('cursor')),
			limit
		});
		const paged = page(event, rows, limit, keyOf);
		const body = { items: paged.items.map(withoutCursor), next: paged.next };
		return publicRead(event, body, body.items);
	});
}
