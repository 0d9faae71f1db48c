import { LRUCache } from 'lru-cache';
import type { Share } from '../share';
import { keptAtMostMs, versionsNow } from './versions';

/**
 * The public part of a page's data, computed once for everyone while nothing public changed.
 *
 * Anonymous readers get whole pages from memory (cache.ts); a signed-in reader's page is rendered
 * for them (their name, their controls), but most of what it shows is what everyone sees: a
 * group's ledger, its home page's officers, meetings and figures. That part is kept here, under
 * the same versions as kept pages (versions.ts), read before computing it: it is used again only
 * at exactly those versions and for at most a minute, so it is never older than a fresh reading
 * would be. The value is shared between requests: callers must not change it.
 */
type Kept = { versions: string; storedAt: number; value: Promise<unknown> };

/** Entries, least recently used first out: a group's few public pages, for a hundred groups or so. */
const kept = new LRUCache<string, Kept>({ max: 200 });

/**
 * `compute()`, shared while the public versions are those read now: the site's, and the votes of
 * group `tallies` when the value shows that group's vote tallies (null when it shows none). `key`
 * names what is computed, with every argument it depends on.
 */
export async function sharedData<T>(
	key: string,
	tallies: string | null,
	compute: () => Promise<T>
): Promise<T> {
	const versions = await versionsNow(tallies);
	const found = kept.get(key);
	if (found?.versions === versions && Date.now() - found.storedAt < keptAtMostMs) {
		return found.value as Promise<T>;
	}
	const value = compute();
	const entry = { versions, storedAt: Date.now(), value };
	kept.set(key, entry);
	// A failure is not kept: the next reader computes again.
	value.catch(() => kept.peek(key) === entry && kept.delete(key));
	return value;
}

/** What a route gives a domain function to share, with every reader, what shows no tallies. */
export const sharedWithAll: Share = (key, compute) => sharedData(key, null, compute);
