import { getDb } from '$lib/server/db';
import { apiHandler, publicRead } from '$lib/server/http/api';
import { searchPublic } from '$lib/server/search/search';
import type { RequestHandler } from './$types';

/** Full-text search, as the /search page: `?q=&group=&from=&to=&page=`. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const params = event.url.searchParams;
	const found = await searchPublic(db, {
		q: params.get('q') ?? '',
		group: params.get('group') ?? undefined,
		from: params.get('from') ?? undefined,
		to: params.get('to') ?? undefined,
		page: params.get('page') ?? undefined
	});
	let next: string | null = null;
	if (found.page < found.pageCount) {
		const url = new URL(event.url);
		url.searchParams.set('page', String(found.page + 1));
		next = url.pathname + url.search;
	}
	const { results, total, page, pageCount } = found;
	return publicRead(event, { items: results, total, page, pageCount, next }, results);
});
