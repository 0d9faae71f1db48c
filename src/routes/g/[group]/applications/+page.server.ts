import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { decodeCursor, encodeCursor } from '$lib/server/http/api';
import { listCategories } from '$lib/server/membership/categories';
import {
	applicationYears,
	listApplications,
	outcomes,
	registerCursor,
	registerFilterOf
} from '$lib/server/membership/register';
import type { PageServerLoad } from './$types';

// A public record to read: no JavaScript needed.
export const csr = false;

const pageSize = 25;

export const load: PageServerLoad = async ({ params, url }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const [categories, years] = await Promise.all([
		listCategories(db, group.id),
		applicationYears(db, group.id)
	]);
	const filter = registerFilterOf(url.searchParams, categories);
	const rows = await listApplications(db, group.id, filter, {
		cursor: decodeCursor(url.searchParams.get('cursor')),
		limit: pageSize
	});
	const items = rows.slice(0, pageSize);
	let next: string | null = null;
	if (rows.length > pageSize) {
		const nextUrl = new URL(url);
		nextUrl.searchParams.set('cursor', encodeCursor(registerCursor(items[items.length - 1])));
		next = nextUrl.search;
	}
	const first = new URL(url);
	first.searchParams.delete('cursor');
	const chosen = {
		outcome: filter.outcome ?? '',
		category: filter.categoryId ?? '',
		year: filter.year ? String(filter.year) : ''
	};
	const exportParams = new URLSearchParams(Object.entries(chosen).filter(([, v]) => v));
	return {
		items,
		next,
		firstPage: url.searchParams.has('cursor') ? first.search || '?' : null,
		filter: chosen,
		outcomes: [...outcomes],
		categories: categories.map(({ id, name }) => ({ id, name })),
		years,
		exportQuery: exportParams.size ? `?${exportParams}` : ''
	};
};
