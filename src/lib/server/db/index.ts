import path from 'node:path';
import { PGlite, types, type Transaction as PgliteClientTransaction } from '@electric-sql/pglite';
import { drizzle as drizzlePglite, PgliteDatabase, PgliteTransaction } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema';
import { acquireLock } from './lock';
import { countsPublicChange, publicWrites, type PublicWrites } from './public-writes';
import { timeQuery } from '../metrics';

/** One type for both drivers: the domain never knows which database it runs on. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Where a domain function reads or writes: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
	db: Database;
	kind: 'pglite' | 'postgres';
	/** The embedded database, for backups; absent on PostgreSQL. */
	pglite?: PGlite;
	/** On the embedded database: public changes finished in this process (public-writes.ts). */
	publicWrites?: PublicWrites;
	ping(): Promise<boolean>;
	close(): Promise<void>;
};

export const migrationsFolder = path.resolve(process.cwd(), 'drizzle');

export function pgliteFolder(dataDir: string) {
	return path.join(dataDir, 'pgdata');
}

/** Opens the embedded database under `dataDir` (taking its lock) and applies migrations. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
	const lock = acquireLock(dataDir);
	try {
		const client = await PGlite.create({
			dataDir: pgliteFolder(dataDir),
			// On Node the data folder is mounted straight through (Emscripten's NODEFS): every write
			// reaches the file as it happens, and PGlite's "sync to storage" after a query does
			// nothing. Not waiting for that no-op halves the cost of a small query (0.6 → 0.2 ms).
			relaxedDurability: true
		});
		return await wrapPglite(client, () => lock.release());
	} catch (error) {
		lock.release();
		throw error;
	}
}

const asText = (value: string) => value;
/** The types drizzle reads as text and converts itself: timestamps, dates, intervals, numeric[]. */
const drizzleParsers = Object.fromEntries(
	[
		types.TIMESTAMP,
		types.TIMESTAMPTZ,
		types.INTERVAL,
		types.DATE,
		1231,
		1115,
		1185,
		1187,
		1182
	].map((oid) => [oid, asText])
);

type Queryable = Pick<PGlite, 'query'>;

/**
 * `query` without per-query parsers (the client's own table has them: see `forDrizzle`), timed
 * for the metrics.
 */
function queryWithoutParsers(target: Queryable, counted?: () => void): PGlite['query'] {
	return (sql, params, options) => {
		if (counted && countsPublicChange(sql)) counted();
		return timeQuery(() =>
			target.query(sql, params, options?.parsers ? { ...options, parsers: undefined } : options)
		);
	};
}

/**
 * The client drizzle is given. drizzle passes its parsers (`drizzleParsers`) with every query and
 * PGlite merges them into its whole table of parsers each time, which costs about 0.1 ms of a
 * 0.1–0.3 ms query. They go into the client's table once instead, and queries reach PGlite
 * without them. drizzle uses only `query` and `transaction` of its client. Statements and
 * transactions that count a public change are watched (`writes`).
 */
function forDrizzle(client: PGlite, writes: PublicWrites): PGlite {
	client.parsers = { ...client.parsers, ...drizzleParsers };
	const query = queryWithoutParsers(client);
	const wrapped: Pick<PGlite, 'query' | 'transaction'> = {
		query: (sql, params, options) =>
			countsPublicChange(sql)
				? writes.watch((counted) => {
						counted();
						return query(sql, params, options);
					})
				: query(sql, params, options),
		transaction: (run) =>
			writes.watch((counted) =>
				client.transaction((tx: PgliteClientTransaction) =>
					run(Object.assign(Object.create(tx), { query: queryWithoutParsers(tx, counted) }))
				)
			)
	};
	return wrapped as PGlite;
}

/** Wraps an open PGlite (a data folder, or an in-memory one in tests) and applies migrations. */
export async function wrapPglite(client: PGlite, onClose?: () => void): Promise<DatabaseHandle> {
	const writes = publicWrites();
	const db = drizzlePglite({
		client: forDrizzle(client, writes),
		schema,
		casing: 'snake_case'
	}) as unknown as Database;
	await migratePglite(db as never, { migrationsFolder });
	return {
		db,
		kind: 'pglite',
		pglite: client,
		publicWrites: writes,
		async ping() {
			await client.query('select 1');
			return true;
		},
		async close() {
			try {
				if (!client.closed) await client.close();
			} finally {
				onClose?.();
			}
		}
	};
}

/**
 * The postgres.js client drizzle is given, its statements timed for the metrics. drizzle sends
 * every statement by `unsafe` (of the client, or of a transaction's or savepoint's scope), then
 * maybe `.values()`, then awaits it; postgres.js sends a query only once it is awaited.
 */
function timedPostgres<T extends postgres.Sql | postgres.TransactionSql>(sql: T): T {
	return new Proxy(sql, {
		get(target, name, receiver) {
			const value: unknown = Reflect.get(target, name, receiver);
			if (typeof value !== 'function') return value;
			if (name === 'unsafe') {
				return (...args: unknown[]) =>
					timedPending(value.apply(target, args) as postgres.PendingQuery<postgres.Row[]>);
			}
			if (name === 'begin' || name === 'savepoint') {
				// The scope a transaction's statements are sent by is its callback's argument (last).
				return (...args: unknown[]) => {
					const run = args.pop() as (scope: postgres.TransactionSql) => unknown;
					return value.apply(target, [
						...args,
						(scope: postgres.TransactionSql) => run(timedPostgres(scope))
					]);
				};
			}
			return value;
		}
	});
}

function timedPending(query: postgres.PendingQuery<postgres.Row[]>) {
	const timed = {
		values() {
			void query.values(); // marks the query (rows as arrays); it is sent when awaited
			return timed;
		},
		then<A, B>(
			onResult?: (rows: unknown) => A | PromiseLike<A>,
			onError?: (error: unknown) => B | PromiseLike<B>
		) {
			return timeQuery(() => Promise.resolve(query)).then(onResult, onError);
		}
	};
	return timed;
}

/** Connects to PostgreSQL and applies migrations. */
export async function openPostgres(
	url: string,
	options: { max?: number } = {}
): Promise<DatabaseHandle> {
	const client = postgres(url, {
		max: options.max ?? 10,
		onnotice: () => {},
		// After PostgreSQL has been away, try again within a second: postgres.js's default backoff
		// grows to 20 s, so ten seconds of outage left writes refused for 8 s more (R3,
		// docs/reliability.md).
		backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1)
	});
	const db = drizzlePostgres({
		client: timedPostgres(client),
		schema,
		casing: 'snake_case'
	}) as unknown as Database;
	try {
		await migratePostgres(db as never, { migrationsFolder });
	} catch (error) {
		await client.end({ timeout: 1 });
		throw error;
	}
	return {
		db,
		kind: 'postgres',
		async ping() {
			await client`select 1`;
			return true;
		},
		async close() {
			await client.end({ timeout: 5 });
		}
	};
}

export function openDatabase(settings: { databaseUrl?: string; dataDir: string }) {
	return settings.databaseUrl ? openPostgres(settings.databaseUrl) : openPglite(settings.dataDir);
}

// One database per process; it survives dev-server reloads on globalThis.
const holder = globalThis as { openfloorDatabase?: Promise<DatabaseHandle> };

export function setDatabase(handle: Promise<DatabaseHandle>) {
	holder.openfloorDatabase = handle;
}

export function databaseHandle(): Promise<DatabaseHandle> {
	if (!holder.openfloorDatabase) throw new Error('The database has not been opened yet.');
	return holder.openfloorDatabase;
}

/** The process's database if it has been opened (tests may use another without opening it). */
export function openedDatabase(): Promise<DatabaseHandle> | undefined {
	return holder.openfloorDatabase;
}

/** The process's database, opened at start-up by the server's init hook. */
export async function getDb(): Promise<Database> {
	return (await databaseHandle()).db;
}

export { schema };

/**
 * Whether `db` is (a transaction on) the embedded database. One process alone opens a data folder
 * (its lock), so what instances would otherwise share may live in that process's memory.
 */
export function isEmbedded(db: Executor): boolean {
	return db instanceof PgliteDatabase || db instanceof PgliteTransaction;
}

/** Rows of a raw statement, whichever driver ran it (PGlite gives `{ rows }`, postgres.js an array). */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
