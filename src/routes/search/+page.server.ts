import { getDb } from '$lib/server/db';
import { isDomainError } from '$lib/server/errors';
import { listGroups } from '$lib/server/groups/groups';
import { translateError } from '$lib/server/i18n';
import { searchPublic } from '$lib/server/search/search';
import type { PageServerLoad } from './$types';

// Results to read: no JavaScript needed.
export const csr = false;

const fieldNames = ['q', 'group', 'from', 'to', 'page'] as const;

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await getDb();
	const groups = (await listGroups(db)).map(({ slug, name }) => ({ slug, name }));
	const values = Object.fromEntries(
		fieldNames.map((name) => [name, url.searchParams.get(name) ?? ''])
	) as Record<(typeof fieldNames)[number], string>;
	if (!url.searchParams.has('q')) return { groups, values, searched: false as const };
	try {
		const found = await searchPublic(db, values);
		/** The same search on another page. */
		const pageHref = (page: number) => {
			const params = new URLSearchParams(url.searchParams);
			params.set('page', String(page));
			return `/search?${params}`;
		};
		return {
			groups,
			values,
			searched: true as const,
			q: found.query.q,
			results: found.results,
			total: found.total,
			page: found.page,
			pageCount: found.pageCount,
			previous: found.page > 1 ? pageHref(Math.min(found.page - 1, found.pageCount || 1)) : null,
			next: found.page < found.pageCount ? pageHref(found.page + 1) : null
		};
	} catch (error) {
		if (!isDomainError(error)) throw error;
		const failure = translateError(locals.t, error);
		return {
			groups,
			values,
			searched: false as const,
			error: failure.message,
			fields: failure.fields ?? {}
		};
	}
};
