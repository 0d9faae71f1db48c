import { expect, it } from 'vitest';
import { acrossMigration } from '../fixtures/migrations';

/**
 * Meetings made before their live row was made with them get one (the first change counted on a
 * meeting then never inserts it: the deadlock in participation.test), and a row already there,
 * with its settings and counter, is kept.
 */
it('gives every meeting already there its live row, keeping those that have one', async () => {
	await acrossMigration(
		'0025_live-rows',
		`
			insert into groups (id, slug, name, institution, purpose)
				values ('00000000-0000-4000-8000-000000000010', 'g', 'G', 'I', 'P');
			insert into meetings (id, group_id, number, title, starts_at, ends_at, state) values
				('00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000010',
					1, 'Went live', now(), now(), 'closed'),
				('00000000-0000-4000-8000-000000000022', '00000000-0000-4000-8000-000000000010',
					2, 'Never changed', now(), now(), 'draft');
			insert into meeting_live (meeting_id, mode, seq)
				values ('00000000-0000-4000-8000-000000000021', 'premoderated', 41);
		`,
		async (client) => {
			const { rows } = await client.query(
				'select meeting_id, mode::text, seq from meeting_live order by meeting_id'
			);
			expect(rows).toEqual([
				{ meeting_id: '00000000-0000-4000-8000-000000000021', mode: 'premoderated', seq: 41 },
				{ meeting_id: '00000000-0000-4000-8000-000000000022', mode: 'open', seq: 0 }
			]);
		}
	);
});
