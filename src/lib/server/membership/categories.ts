import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { membershipCategories } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict, isUniqueViolation, notFound } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { categorySchema } from '$lib/schemas/membership';
import { getGroup } from '../groups/groups';
import { isUuid } from '../validation';

/** The group's categories in order (retired ones too, marked); every group starts with some. */
export function listCategories(db: Executor, groupId: string) {
	return db
		.select()
		.from(membershipCategories)
		.where(eq(membershipCategories.groupId, groupId))
		.orderBy(asc(membershipCategories.position), asc(membershipCategories.name));
}

export async function activeCategories(db: Executor, groupId: string) {
	return (await listCategories(db, groupId)).filter((c) => !c.retiredAt);
}

/** The chair adds a category at the end of the list. */
export async function addCategory(db: Database, actor: Actor, groupSlug: string, input: unknown) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'membership.categories', group.id);
	const data = parseInput(categorySchema, input);
	try {
		return await db.transaction(async (tx) => {
			const [category] = await tx
				.insert(membershipCategories)
				.values({
					groupId: group.id,
					name: data.name,
					position: sql`(select coalesce(max(${membershipCategories.position}), 0) + 1 from ${membershipCategories} where ${membershipCategories.groupId} = ${group.id})`
				})
				.returning();
			await recordAudit(tx, {
				actorId: user.id,
				groupId: group.id,
				action: 'category.add',
				subject: category.id,
				details: { name: category.name }
			});
			return category;
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw conflict('category.exists', 'name');
		throw error;
	}
}

/** The chair retires a category: no new application may choose it; old records keep it. */
export async function retireCategory(
	db: Database,
	actor: Actor,
	groupSlug: string,
	categoryId: string
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'membership.categories', group.id);
	if (!isUuid(categoryId)) throw notFound('category.not_found');
	return db.transaction(async (tx) => {
		const [category] = await tx
			.update(membershipCategories)
			.set({ retiredAt: new Date() })
			.where(
				and(
					eq(membershipCategories.id, categoryId),
					eq(membershipCategories.groupId, group.id),
					isNull(membershipCategories.retiredAt)
				)
			)
			.returning();
		if (!category) throw notFound('category.not_found');
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'category.retire',
			subject: category.id
		});
		return category;
	});
}
