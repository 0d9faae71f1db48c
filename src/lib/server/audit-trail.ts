import { and, desc, eq, isNull, like, lt, or, type SQL } from 'drizzle-orm';
import type { Executor } from './db';
import { auditLog, groups, users } from './db/schema';
import { authorise, requireUser, type Actor } from './auth/authorise';
import { notAllowed } from './errors';
import { getGroup } from './groups/groups';
import { parseInput } from './validation';
import { auditQuerySchema, siteAuditQuerySchema } from '$lib/schemas/audit';

/** One entry as the trail shows it: who (by name), where, what, on what, with its details. */
export type AuditTrailEntry = {
	id: number;
	at: Date;
	actor: string | null;
	group: string | null;
	action: string;
	subject: string | null;
	details: Record<string, unknown> | null;
};

export type AuditTrailPage = {
	entries: AuditTrailEntry[];
	/** The id to continue from (`before`), or null on the last page. */
	next: number | null;
	/** The actions this trail holds, for choosing one. */
	actions: string[];
};

const pageSize = 50;

/**
 * A group's audit trail, newest first: every change made in the group and by whom. Its officers
 * (chair, vice-chair, secretary) and site administrators read it; `?action=` narrows it to one
 * action or a family (`question`), `?before=` pages back.
 */
export async function groupAuditTrail(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	input: unknown,
	limit = pageSize
): Promise<AuditTrailPage> {
	const group = await getGroup(db, groupSlug);
	await authorise(db, actor, 'audit.read', group.id);
	const query = parseInput(auditQuerySchema, input);
	return readTrail(db, eq(auditLog.groupId, group.id), query, limit);
}

/**
 * Every audit entry, for the site administrator alone: all groups', or one group's
 * (`?group=<slug>`), or the site's own (`?group=site`: administrators created, a secret adopted).
 */
export async function siteAuditTrail(
	db: Executor,
	actor: Actor,
	input: unknown,
	limit = pageSize
): Promise<AuditTrailPage> {
	if (!requireUser(actor).isSiteAdmin) throw notAllowed();
	const query = parseInput(siteAuditQuerySchema, input);
	let scope: SQL | undefined;
	if (query.group === 'site') scope = isNull(auditLog.groupId);
	else if (query.group) scope = eq(auditLog.groupId, (await getGroup(db, query.group)).id);
	return readTrail(db, scope, query, limit);
}

async function readTrail(
	db: Executor,
	scope: SQL | undefined,
	query: { action?: string; before?: number },
	limit: number
): Promise<AuditTrailPage> {
	const byAction = query.action
		? or(eq(auditLog.action, query.action), like(auditLog.action, `${query.action}.%`))
		: undefined;
	const before = query.before === undefined ? undefined : lt(auditLog.id, query.before);
	const [rows, actions] = await Promise.all([
		db
			.select({
				id: auditLog.id,
				at: auditLog.at,
				actor: users.displayName,
				group: groups.slug,
				action: auditLog.action,
				subject: auditLog.subject,
				details: auditLog.details
			})
			.from(auditLog)
			.leftJoin(users, eq(users.id, auditLog.actorId))
			.leftJoin(groups, eq(groups.id, auditLog.groupId))
			.where(and(scope, byAction, before))
			.orderBy(desc(auditLog.id))
			.limit(limit + 1),
		db
			.selectDistinct({ action: auditLog.action })
			.from(auditLog)
			.where(scope)
			.orderBy(auditLog.action)
	]);
	const more = rows.length > limit;
	const entries = more ? rows.slice(0, limit) : rows;
	return {
		entries,
		next: more ? entries[entries.length - 1].id : null,
		actions: actions.map((a) => a.action)
	};
}
