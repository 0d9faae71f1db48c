import { eq } from 'drizzle-orm';
import type { Executor } from './db';
import { auditLog } from './db/schema';
import { countPublicChange } from './public-cache/versions';

export type AuditEntry = {
	actorId: string | null;
	groupId?: string | null;
	action: string;
	subject?: string;
	details?: Record<string, unknown>;
	/** `idForRequest(actor, requestId)`: the change is made once per request. */
	requestKey?: string;
};

/**
 * Appends to the audit log; call it inside the transaction that makes the change. Every audited
 * change counts as a change to what the public may see (pages kept for anonymous readers are
 * rendered again once it commits: public-cache/versions.ts); a private one costs a render.
 */
export async function recordAudit(db: Executor, entry: AuditEntry) {
	await countPublicChange(db);
	await db.insert(auditLog).values({
		actorId: entry.actorId,
		groupId: entry.groupId ?? null,
		action: entry.action,
		subject: entry.subject ?? null,
		details: entry.details ?? null,
		requestKey: entry.requestKey ?? null
	});
}

/** Whether the change asked for by this request (`AuditEntry.requestKey`) has been made. */
export async function requestApplied(db: Executor, requestKey: string) {
	const [row] = await db
		.select({ id: auditLog.id })
		.from(auditLog)
		.where(eq(auditLog.requestKey, requestKey));
	return row !== undefined;
}
