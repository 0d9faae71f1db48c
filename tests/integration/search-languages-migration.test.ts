import { expect, it } from 'vitest';
import { acrossMigration } from '../fixtures/migrations';

/**
 * The migration that searches each text in its own language, on a database that already has
 * documents: they are read again in theirs, and found by it.
 */
it('reads the documents already there in their own language', async () => {
	await acrossMigration(
		'0024_search-languages',
		`
			insert into groups (id, slug, name, institution, purpose)
				values ('00000000-0000-4000-8000-000000000010', 'g', 'G', 'I', 'P');
			insert into meetings (id, group_id, number, title, starts_at, ends_at, state)
				values ('00000000-0000-4000-8000-000000000020', '00000000-0000-4000-8000-000000000010',
					1, 'M', now(), now(), 'closed');
			insert into questions (meeting_id, text, anonymous, state) values
				('00000000-0000-4000-8000-000000000020', 'Les gouvernements publient-ils les chiffres ?', true, 'published'),
				('00000000-0000-4000-8000-000000000020', 'هل تطالب المجتمعات بنشر الأرقام؟', true, 'published'),
				('00000000-0000-4000-8000-000000000020', 'Why are the patrols reduced?', true, 'published');
		`,
		async (client) => {
			const { rows } = await client.query<{ language: string; found: boolean }>(`
			select language::text, vector @@ websearch_to_tsquery(language, case language::text
				when 'french' then 'gouvernement' when 'arabic' then 'مجتمع' else 'patrol' end) as found
			from search_documents order by 1`);
			expect(rows).toEqual([
				{ language: 'arabic', found: true },
				{ language: 'english', found: true },
				{ language: 'french', found: true }
			]);
		}
	);
});
