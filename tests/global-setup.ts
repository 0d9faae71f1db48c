import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { TestProject } from 'vitest/node';

/**
 * Builds one migrated PGlite once; each test file opens a fresh copy of it (≈0.5 s instead of ≈1.8 s).
 * In CI the PostgreSQL suites must run, not skip: a missing DATABASE_URL fails the run.
 */
export default async function setup(project: TestProject) {
	if (process.env.CI === 'true' && !(process.env.DATABASE_URL && process.env.REDIS_URL)) {
		throw new Error(
			'CI=true but DATABASE_URL or REDIS_URL is not set: the PostgreSQL and multi-instance suites would be skipped.'
		);
	}
	const client = await PGlite.create();
	await migrate(drizzle({ client }), { migrationsFolder: path.resolve('drizzle') });
	const dump = await client.dumpDataDir('none');
	await client.close();
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-template-')), 'db.tar');
	fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteTemplate', file);
	return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
	}
}
