import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { listMeetings } from '$lib/server/meetings/meetings';
import type { PageServerLoad } from './$types';

export const csr = false;

const perPage = 20;

const summary = (m: Awaited<ReturnType<typeof listMeetings>>[number]) => ({
	number: m.number,
	title: m.title,
	state: m.state,
	startsAt: m.startsAt,
	endsAt: m.endsAt,
	location: m.location,
	cancelNote: m.cancelNote
});

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const canManage = allows(await rolesOf(db, locals.user, group.id), 'meeting.manage');
	const pageNumber = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	const [upcoming, past] = await Promise.all([
		listMeetings(db, group, { when: 'upcoming', includeDrafts: canManage, limit: 100 }),
		listMeetings(db, group, {
			when: 'past',
			includeDrafts: canManage,
			limit: perPage,
			offset: (pageNumber - 1) * perPage
		})
	]);
	return {
		canManage,
		upcoming: upcoming.slice(0, 100).map(summary),
		past: past.slice(0, perPage).map(summary),
		pageNumber,
		hasOlder: past.length > perPage
	};
};
