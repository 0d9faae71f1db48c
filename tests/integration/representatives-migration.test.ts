import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { freshPglite } from '../fixtures/databases';

const folder = path.resolve(import.meta.dirname, '../../drizzle');
const migration = fs.readdirSync(folder).find((f) => f.endsWith('_representatives.sql'))!;
/** The backfill, as the migration runs it (the statement before the column is dropped). */
const backfill = fs
	.readFileSync(path.join(folder, migration), 'utf8')
	.split('--> statement-breakpoint')
	.find((s) => s.includes('INSERT INTO "representatives"'))!;

/**
 * The migration that made organisations several people: every application's applicant, and
 * every membership's representative (the column it drops), become current representatives.
 */
it('backfills the first representatives from applicants and memberships', async () => {
	const handle = await freshPglite();
	const db = handle.pglite!;
	// The migrated template, as it stood before: the membership's one representative.
	await db.exec(`
		alter table memberships add column representative_id uuid;
		insert into users (id, email, display_name, password_hash) values
			('00000000-0000-4000-8000-000000000001', 'a@x.test', 'A', 'x'),
			('00000000-0000-4000-8000-000000000002', 'b@x.test', 'B', 'x');
		insert into groups (id, slug, name, institution, purpose)
			values ('00000000-0000-4000-8000-000000000010', 'g', 'G', 'I', 'P');
		insert into membership_categories (id, group_id, name)
			values ('00000000-0000-4000-8000-000000000020', '00000000-0000-4000-8000-000000000010', 'C');
		insert into applications (id, group_id, applicant_id, organisation_name, organisation_key,
			category_id, area, description, contact_name, contact_email, statement, status)
		values
			('00000000-0000-4000-8000-000000000031', '00000000-0000-4000-8000-000000000010',
				'00000000-0000-4000-8000-000000000001', 'One', 'one',
				'00000000-0000-4000-8000-000000000020', 'a', 'd', 'c', 'c@x.test', 's', 'accepted'),
			('00000000-0000-4000-8000-000000000032', '00000000-0000-4000-8000-000000000010',
				null, 'Two', 'two', '00000000-0000-4000-8000-000000000020', 'a', 'd', 'c', 'c@x.test',
				's', 'submitted');
		insert into memberships (group_id, application_id, organisation_name, organisation_key,
			category_id, representative_id, started_at)
		values ('00000000-0000-4000-8000-000000000010', '00000000-0000-4000-8000-000000000031',
			'One', 'one', '00000000-0000-4000-8000-000000000020',
			'00000000-0000-4000-8000-000000000002', now());
	`);
	await db.exec(backfill);
	const { rows } = await db.query<{ application_id: string; user_id: string }>(
		`select application_id, user_id from representatives where removed_at is null
			order by application_id, user_id`
	);
	expect(rows.map((r) => [r.application_id.slice(-2), r.user_id.slice(-2)])).toEqual([
		['31', '01'],
		['31', '02']
	]);
	await handle.close();
});
