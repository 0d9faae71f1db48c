import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { users } from '../db/schema';
import { invalidField } from '../errors';

// argon2id with the library's defaults (19 MiB, 2 passes): about 10 ms a hash on this hardware.
export function hashPassword(password: string): Promise<string> {
	return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/** Spends the time a real check takes, so a missing account cannot be told from a wrong password. */
export async function spendPasswordCheck(password: string): Promise<false> {
	dummyHash ??= hashPassword('openfloor-timing-equaliser');
	await verifyPassword(await dummyHash, password);
	return false;
}

/**
 * What a signed-in person must give before a change that matters (a new password or address,
 * deleting the account): their current password, or a message on the form's `field`.
 */
export async function requireCurrentPassword(
	db: Executor,
	userId: string,
	password: string,
	field: string
) {
	const [row] = await db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId));
	if (!row || !(await verifyPassword(row.passwordHash, password))) {
		throw invalidField(field, 'validation.password_wrong');
	}
}
