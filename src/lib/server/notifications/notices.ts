import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { notices, type Meeting } from '../db/schema';
import { emit } from '../events';
import { noticeKinds, type NoticeKind } from './kinds';

export type NewNotice = {
	groupId: string;
	kind: NoticeKind;
	/** What it is about, as the kind reads it: `meeting:<id>`, `question:<id>`, … */
	subject: string;
	/** For notices told once per occasion (a due date, a window): the occasion's key. */
	onceKey?: string;
	now?: Date;
};

/**
 * Records that people should hear of something, inside the caller's transaction: one row,
 * whatever the number of followers, so the request that caused it takes no longer with 5,000
 * followers than with 10 (the notifier sends the emails: fan-out.ts). A notice of the same kind
 * and subject still waiting joins this one; one told once per occasion is never told twice.
 */
export async function recordNotice(tx: Executor, notice: NewNotice) {
	const now = notice.now ?? new Date();
	const notBefore = new Date(now.getTime() + noticeKinds[notice.kind].settleMs);
	const values = {
		groupId: notice.groupId,
		kind: notice.kind,
		subject: notice.subject,
		onceKey: notice.onceKey ?? null,
		notBefore,
		createdAt: now
	};
	if (notice.onceKey) {
		await tx.insert(notices).values(values).onConflictDoNothing({ target: notices.onceKey });
	} else {
		await tx
			.insert(notices)
			.values(values)
			.onConflictDoUpdate({
				target: [notices.kind, notices.subject],
				targetWhere: sql`${notices.startedAt} is null and ${notices.onceKey} is null`,
				set: { notBefore }
			});
	}
}

/** An agenda changed: followers are told once the meeting is public (published, not yet held). */
export async function noticeAgendaChange(
	tx: Executor,
	meeting: Pick<Meeting, 'id' | 'groupId' | 'state'>
) {
	if (meeting.state !== 'scheduled') return;
	await recordNotice(tx, {
		groupId: meeting.groupId,
		kind: 'agenda.changed',
		subject: `meeting:${meeting.id}`
	});
}

/** Tells this instance's notifier that notices were committed (others find them by polling). */
export function announceNotices() {
	emit('notices:queued', {});
}
