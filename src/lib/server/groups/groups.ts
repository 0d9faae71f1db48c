import { asc, eq, gt } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { groups, type Group } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict, isUniqueViolation, notFound } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { createGroupSchema } from '$lib/schemas/groups';
import { seedDefaultCategories } from '../membership/default-categories';

export async function createGroup(db: Database, actor: Actor, input: unknown): Promise<Group> {
	const user = await authorise(db, actor, 'group.create');
	const data = parseInput(createGroupSchema, input);
	try {
		return await db.transaction(async (tx) => {
			const [group] = await tx
				.insert(groups)
				.values({ ...data, createdBy: user.id })
				.returning();
			await seedDefaultCategories(tx, group.id);
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
		timeZone: group.timeZone,
		createdAt: group.createdAt.toISOString()
	};
}

/** The group at a slug, or a 404 domain error. */
export async function getGroup(db: Executor, slug: string): Promise<Group> {
	const [group] = await db.select().from(groups).where(eq(groups.slug, slug.toLowerCase()));
	if (!group) throw notFound('group.not_found');
	return group;
}
