import type { RequestEvent } from '@sveltejs/kit';
import type { AuditTrailPage } from '../audit-trail';
import { orPageError } from './page';

/** An audit trail page as the API answers it: the API's list shape, `next` the older page's URL. */
export function auditPage(event: RequestEvent, trail: AuditTrailPage) {
	let next: string | null = null;
	if (trail.next !== null) {
		const url = new URL(event.url);
		url.searchParams.set('before', String(trail.next));
		next = url.pathname + url.search;
	}
	return { items: trail.entries, next, actions: trail.actions };
}

/**
 * An audit trail as its page shows it (a group's or the whole site's): the trail `read` for the
 * page's query, dates as text, and the action filter for the form.
 */
export async function auditPageData(
	event: RequestEvent,
	read: (query: Record<string, string>) => Promise<AuditTrailPage>
) {
	const query = Object.fromEntries(event.url.searchParams);
	const trail = await orPageError(event, read(query));
	return {
		...trail,
		entries: trail.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
		action: query.action,
		paged: 'before' in query
	};
}
