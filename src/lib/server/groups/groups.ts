import { asc, eq, gt } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { groups, type Group } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict, invalidField, isUniqueViolation, notFound } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { createGroupSchema } from '$lib/schemas/groups';
import { openingReasonMin } from '$lib/schemas/membership';
import { checkReviewDate, recordOpening } from '../membership/opening-record';
import type { Clock } from '../clock';
import { seedDefaultCategories } from '../membership/default-categories';
import { readOnce } from '../read-once';

/**
 * The site admin creates a group. A group created closed is a decision like a later closure:
 * it needs a public reason and a review date, and is logged as `membership.closed`.
 */
export async function createGroup(
	db: Database,
	actor: Actor,
	input: unknown,
	options: Clock = {}
): Promise<Group> {
	const user = await authorise(db, actor, 'group.create');
	const { closedReason, reviewOn, ...data } = parseInput(createGroupSchema, input);
	const now = options.now ?? new Date();
	const closure = data.membershipOpen ? undefined : closureOf(closedReason, reviewOn, now);
	try {
		return await db.transaction(async (tx) => {
			const [created] = await tx
				.insert(groups)
				.values({ ...data, membershipOpen: true, createdBy: user.id })
				.returning();
			await seedDefaultCategories(tx, created.id);
			const group = closure ? { ...created, membershipOpen: false } : created;
			if (closure) {
				await recordOpening(
					tx,
					group,
					{ open: false, ...closure },
					{ userId: user.id, role: 'site_admin' },
					now
				);
			}
			await recordAudit(tx, {
				actorId: user.id,
				groupId: group.id,
				action: 'group.create',
				subject: group.slug
			});
			return group;
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw conflict('group.slug_taken', 'slug');
		throw error;
	}
}

export function listGroups(db: Executor) {
	return db.select().from(groups).orderBy(asc(groups.name));
}

/** A new group's closure: its public reason and review date, both required. */
function closureOf(reason: string | undefined, reviewOn: string, now: Date) {
	if (!reason) throw invalidField('closedReason', 'membership.closure_reason_required');
	if (reason.length < openingReasonMin) {
		throw invalidField('closedReason', 'validation.too_short', { min: openingReasonMin });
	}
	return { reason, reviewOn: checkReviewDate(reviewOn || null, now) };
}

/** One page of groups in slug order, after the cursor's slug; one extra row tells if more follow. */
export function listGroupsAfter(db: Executor, after: string | undefined, limit: number) {
	return db
		.select()
		.from(groups)
		.where(after ? gt(groups.slug, after) : undefined)
		.orderBy(asc(groups.slug))
		.limit(limit + 1);
}

/** The fields of a group anyone may read (API and exports). */
export function publicGroup(group: Group) {
	return {
		slug: group.slug,
		name: group.name,
		institution: group.institution,
		purpose: group.purpose,
		membershipOpen: group.membershipOpen,
		appealsBy: group.appealsBy,
		motionRules: { quorum: group.motionQuorum, majority: group.motionMajority },
		timeZone: group.timeZone,
		language: group.language,
		createdAt: group.createdAt.toISOString()
	};
}

/** The group at a slug, or a 404 domain error. */
export async function getGroup(db: Executor, slug: string): Promise<Group> {
	const key = slug.toLowerCase();
	const [group] = await readOnce(db, `group:${key}`, () =>
		db.select().from(groups).where(eq(groups.slug, key))
	);
	if (!group) throw notFound('group.not_found');
	return group;
}
