import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../db';
import { recordNotice } from './notices';

/**
 * Notices that no request causes, found by looking at the clock: minutes whose correction window
 * closes within two days, open promises due within seven days, and promises that fell overdue in
 * the last seven days (older ones are the ledger's business, not a fresh email's: a first start
 * over an old ledger does not flood anyone). Each is told once (`onceKey`), however often this
 * runs and on however many instances. Days are UTC days, as the ledger judges them.
 */
export async function recordReminders(db: Database, now: Date) {
	const at = sql`${now.toISOString()}::timestamptz`;
	const today = sql`${now.toISOString().slice(0, 10)}::date`;
	const closing = rowsOf<{ group_id: string; meeting_id: string; version: number }>(
		await db.execute(sql`
			select m.group_id, m.id as meeting_id, v.version
			from meetings m
			join groups g on g.id = m.group_id
			join lateral (select version, published_at from minutes_versions
				where meeting_id = m.id order by version desc limit 1) v on true
			where v.published_at + g.correction_window_days * interval '1 day' > ${at}
				and v.published_at + (g.correction_window_days - 2) * interval '1 day' <= ${at}`)
	);
	const promises = rowsOf<{ group_id: string; id: string; due_on: string; overdue: boolean }>(
		await db.execute(sql`
			select m.group_id, c.id, c.due_on::text as due_on, c.due_on < ${today} as overdue
			from commitments c join meetings m on m.id = c.meeting_id
			where c.status = 'open'
				and c.due_on between ${today} - 7 and ${today} + 7`)
	);
	if (closing.length === 0 && promises.length === 0) return 0;
	await db.transaction(async (tx) => {
		for (const row of closing) {
			await recordNotice(tx, {
				groupId: row.group_id,
				kind: 'correction.closing',
				subject: `meeting:${row.meeting_id}`,
				onceKey: `correction.closing:${row.meeting_id}:${row.version}`,
				now
			});
		}
		for (const row of promises) {
			const kind = row.overdue ? 'commitment.overdue' : 'commitment.due_soon';
			await recordNotice(tx, {
				groupId: row.group_id,
				kind,
				subject: `commitment:${row.id}`,
				onceKey: `${kind}:${row.id}:${row.due_on}`,
				now
			});
		}
	});
	return closing.length + promises.length;
}
