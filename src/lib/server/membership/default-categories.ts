import type { Executor } from '../db';
import { membershipCategories } from '../db/schema';

/** A new group's starting list; the chair adds to it and retires from it. */
export const defaultCategories = [
	'Refugee community organisation',
	'Migrant rights',
	'Faith group',
	"Women's network",
	'Legal advice',
	'Other'
];

/** Gives a new group the default categories (inside the transaction that creates it). */
export async function seedDefaultCategories(tx: Executor, groupId: string) {
	await tx
		.insert(membershipCategories)
		.values(defaultCategories.map((name, position) => ({ groupId, name, position })));
}
