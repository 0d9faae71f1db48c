import { sql } from 'drizzle-orm';
import { databaseHandle, openedDatabase, rowsOf, type DatabaseHandle, type Executor } from '../db';
import { publicChangeInsert } from '../db/public-writes';

/** Every public page depends on this: counted by every change anyone can see, but votes. */
export const everything = 'all';
/** A group's votes and ratings: only the pages that show tallies depend on it. */
export const votesOf = (groupId: string) => `votes:${groupId}`;

/** The statement that counts a change: for a statement that embeds it (a vote: questions/votes.ts). */
export const changeStatement = (scope: string) =>
	sql`${sql.raw(publicChangeInsert)} (scope) values (${scope})`;

/**
 * Counts a change to what the public sees, inside the caller's transaction: once it commits,
 * pages kept for anonymous readers at the old version are rendered again (public-cache/cache.ts).
 * An append, which waits for no other transaction.
 */
export async function countPublicChange(tx: Executor, scope: string = everything) {
	await tx.execute(changeStatement(scope));
}

/** A scope's version: what was folded, plus the changes since. Counting commits in any order. */
const versionOf = (scope: ReturnType<typeof sql>) => sql`(
	coalesce((select version from public_versions where scope = ${scope}), 0)
	+ (select count(*) from public_changes where scope = ${scope}))`;

/**
 * The versions a page of group `slug` (or of the site, without one) depends on, read in one
 * statement: `all`, and the group's votes. Two readings are equal exactly when no change to
 * either committed between them.
 */
export async function currentVersions(db: Executor, slug: string | null): Promise<string> {
	const votes =
		slug === null
			? sql`0`
			: versionOf(sql`(select 'votes:' || id::text from groups where slug = ${slug})`);
	const [row] = rowsOf<{ site: string; votes: string }>(
		await db.execute(
			sql`select ${versionOf(sql`${everything}`)}::text as site, ${votes}::text as votes`
		)
	);
	return `${row.site}.${row.votes}`;
}

/** At most this many groups' versions are remembered (addresses name groups that may not exist). */
const rememberedGroups = 1_000;

/**
 * `currentVersions` for the process's database. On the embedded database the versions last read
 * for a group are given again while no change has finished since (db/public-writes.ts): the
 * count of finished changes is taken before the reading, so a change finishing during it makes
 * the next caller read again. On PostgreSQL, where other instances write, every call reads.
 */
export function versionReader(handle: DatabaseHandle): (slug: string | null) => Promise<string> {
	const writes = handle.publicWrites;
	if (!writes) return (slug) => currentVersions(handle.db, slug);
	const known = new Map<string | null, { finished: number; versions: string }>();
	return async (slug) => {
		const finished = writes.finished();
		const last = known.get(slug);
		if (last?.finished === finished) return last.versions;
		const versions = await currentVersions(handle.db, slug);
		if (known.size >= rememberedGroups) known.clear();
		known.set(slug, { finished, versions });
		return versions;
	};
}

const readers = new WeakMap<DatabaseHandle, ReturnType<typeof versionReader>>();

function readerOf(handle: DatabaseHandle) {
	let read = readers.get(handle);
	if (!read) readers.set(handle, (read = versionReader(handle)));
	return read;
}

/** The versions of what a page of group `slug` (or of the site) shows, now, on the process's database. */
export async function versionsNow(slug: string | null) {
	return readerOf(await databaseHandle())(slug);
}

/** The versions on `db` now: remembered as `versionsNow` does when it is the process's database. */
export async function versionsOn(db: Executor, slug: string | null) {
	const handle = await openedDatabase();
	return handle?.db === db ? readerOf(handle)(slug) : currentVersions(db, slug);
}

/**
 * How long anything kept at a version may be used without a change: what no write announces (a
 * due date passing, a term ending, "upcoming" becoming "past") shows within this.
 */
export const keptAtMostMs = 60_000;

/**
 * Folds the counted changes into `public_versions`, in one statement (a reader sees either the
 * rows or their sum, never neither); scopes in order, so two instances folding at once cannot
 * deadlock. Keeps `public_changes` small, so reading a version stays one short index scan.
 */
export async function foldPublicChanges(db: Executor) {
	await db.execute(sql`with gone as (delete from public_changes returning scope)
		insert into public_versions (scope, version)
		select scope, count(*) from gone group by scope order by scope
		on conflict (scope) do update set version = public_versions.version + excluded.version`);
}
