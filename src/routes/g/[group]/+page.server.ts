import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { listOfficers } from '$lib/server/groups/officers';
import { renderMarkdown } from '$lib/server/markdown';
import { attendanceByOrganisation } from '$lib/server/meetings/attendance';
import { nextMeeting } from '$lib/server/meetings/meetings';
import { liveNow } from '$lib/server/meetings/live-now';
import { currentOpening } from '$lib/server/membership/openness';
import { latestGroupMinutes } from '$lib/server/minutes/versions';
import { ledgerSummary } from '$lib/server/ledger/items';
import { sharedData } from '$lib/server/public-cache/shared-data';
import type { PageServerLoad } from './$types';

/** A page to read: links and no forms, so no JavaScript (docs/performance.md, Lighthouse). */
export const csr = false;

/**
 * Everything on a group's home page is public, and shows no vote tally: computed once for every
 * reader while nothing public changed (shared-data.ts).
 */
export const load: PageServerLoad = ({ params }) => {
	const slug = params.group.toLowerCase();
	return sharedData(`group-home:${slug}`, null, () => groupHome(slug));
};

async function groupHome(slug: string) {
	const db = await getDb();
	const group = await getGroup(db, slug);
	const officers = await listOfficers(db, group.id, { currentOnly: true });
	const opening = group.membershipOpen ? undefined : await currentOpening(db, group.id);
	const [live, next, latestMinutes, ledger] = await Promise.all([
		liveNow(db),
		nextMeeting(db, group),
		latestGroupMinutes(db, group.id),
		ledgerSummary(db, group)
	]);
	return {
		liveNow: live.filter((m) => m.group === group.slug),
		latestMinutes: latestMinutes ?? null,
		ledger,
		nextMeeting: next && {
			number: next.number,
			title: next.title,
			startsAt: next.startsAt,
			endsAt: next.endsAt,
			location: next.location
		},
		attendance: await attendanceByOrganisation(db, group.id),
		purposeHtml: renderMarkdown(group.purpose),
		closure: opening ? { reason: opening.reason, reviewOn: opening.reviewOn } : null,
		officers: officers.map(({ id, role, displayName }) => ({ id, role, displayName }))
	};
}
