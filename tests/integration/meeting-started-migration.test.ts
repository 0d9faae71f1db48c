import { expect, it } from 'vitest';
import { acrossMigration } from '../fixtures/migrations';

/**
 * Meetings held before their start was kept (drizzle/0031) take it from their `meeting.live`
 * audit entry, so the minutes can tell the questions asked in advance; one never started, or
 * whose entry is gone, has none (unknown, never guessed).
 */
it('gives meetings already held the time they went live, from the audit log', async () => {
	await acrossMigration(
		'0031_meeting-started-at',
		`
			insert into groups (id, slug, name, institution, purpose) values
				('00000000-0000-4000-8000-000000000010', 'g', 'G', 'I', 'P'),
				('00000000-0000-4000-8000-000000000011', 'h', 'H', 'I', 'P');
			insert into meetings (id, group_id, number, title, starts_at, ends_at, state) values
				('00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-000000000010',
					1, 'Held', now(), now(), 'closed'),
				('00000000-0000-4000-8000-000000000022', '00000000-0000-4000-8000-000000000010',
					2, 'Live, no entry', now(), now(), 'live'),
				('00000000-0000-4000-8000-000000000023', '00000000-0000-4000-8000-000000000010',
					3, 'Not yet', now(), now(), 'scheduled');
			insert into audit_log (at, group_id, action, subject) values
				('2026-03-05T18:02:00Z', '00000000-0000-4000-8000-000000000010', 'meeting.live', '1'),
				('2026-03-05T18:40:00Z', '00000000-0000-4000-8000-000000000010', 'meeting.closed', '1'),
				('2026-01-01T10:00:00Z', '00000000-0000-4000-8000-000000000011', 'meeting.live', '2'),
				('2026-01-01T10:00:00Z', '00000000-0000-4000-8000-000000000010', 'meeting.live', '3');
		`,
		async (client) => {
			const { rows } = await client.query<{ number: number; started_at: Date | null }>(
				'select number, started_at from meetings order by number'
			);
			expect(rows.map((r) => [r.number, r.started_at?.toISOString() ?? null])).toEqual([
				[1, '2026-03-05T18:02:00.000Z'],
				// Another group's meeting 2 went live, not this one's.
				[2, null],
				// Scheduled: whatever an entry says, it has not started.
				[3, null]
			]);
		}
	);
});
