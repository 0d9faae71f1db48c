import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { groups, meetings } from '../db/schema';
import { on } from '../events';

/** A meeting live now, as the header, the home page and its group's page link to it. */
export type LiveNow = { group: string; groupName: string; number: number; title: string };

/** How long one read serves every page (another instance's change shows within this). */
const freshFor = 5_000;
/** More than any instance holds at once; the home page lists them all. */
const kept = 20;

const cache = new WeakMap<object, { at: number; list: Promise<LiveNow[]>; cleared: number }>();
// This instance's own changes (a meeting started or closed here) show at once.
let cleared = 0;
on('meeting:changed', () => {
	cleared++;
});

/**
 * The meetings live now on the instance (soonest first). Every page's header asks whether there
 * is one, so one read (a few live rows at most) serves every page for a few seconds.
 */
export function liveNow(db: Executor, now = Date.now()): Promise<LiveNow[]> {
	const hit = cache.get(db);
	if (hit && now - hit.at < freshFor && hit.cleared === cleared) return hit.list;
	const list = db
		.select({
			group: groups.slug,
			groupName: groups.name,
			number: meetings.number,
			title: meetings.title
		})
		.from(meetings)
		.innerJoin(groups, eq(groups.id, meetings.groupId))
		.where(eq(meetings.state, 'live'))
		.orderBy(asc(meetings.startsAt), asc(meetings.number))
		.limit(kept)
		.then((rows) => rows);
	cache.set(db, { at: now, list, cleared });
	list.catch(() => cache.delete(db));
	return list;
}
