import type { RequestEvent } from '@sveltejs/kit';
import type { AuditTrailPage } from '../audit-trail';

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
