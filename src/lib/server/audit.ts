import type { Executor } from './db';
import { auditLog } from './db/schema';

export type AuditEntry = {
	actorId: string | null;
	groupId?: string | null;
	action: string;
	subject?: string;
	details?: Record<string, unknown>;
};

/** Appends to the audit log; call it inside the transaction that makes the change. */
export async function recordAudit(db: Executor, entry: AuditEntry) {
	await db.insert(auditLog).values({
		actorId: entry.actorId,
		groupId: entry.groupId ?? null,
		action: entry.action,
		subject: entry.subject ?? null,
		details: entry.details ?? null
	});
}
