import { AsyncLocalStorage } from 'node:async_hooks';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './db';

/**
 * Reads shared by everything that answers one reading request. A group's page runs its layout's
 * load and its own side by side, and both need the group and the visitor's roles in it: within
 * a GET (hooks.server.ts `handleReadOnce`) each such read is made once and its answer shared.
 * Never inside a transaction, which must see its own writes and hold its own locks, and never
 * for a request that writes (POST and the rest run without it).
 */
const reads = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `answer` (a reading request) with reads shared by key. */
export function sharingReads<T>(answer: () => T): T {
	return reads.run(new Map(), answer);
}

/** `read()`, made once per reading request for `key`; read afresh anywhere else. */
export function readOnce<T>(db: Executor, key: string, read: () => PromiseLike<T>): Promise<T> {
	const shared = reads.getStore();
	// A drizzle query runs each time it is awaited: settled once here, into a promise to share.
	if (!shared || db instanceof PgTransaction) return Promise.resolve(read());
	let answer = shared.get(key) as Promise<T> | undefined;
	if (!answer) shared.set(key, (answer = Promise.resolve(read())));
	return answer;
}
