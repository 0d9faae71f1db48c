import { asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from './db';
import { instanceKeys } from './db/schema';
import { logPublicKey } from './decision-log/signing-key';

/**
 * Raised at start-up when this process's secret is not the one the database was used with; the
 * server prints the message and stops.
 */
export class SecretMismatch extends Error {
	override name = 'SecretMismatch';
}

/**
 * Every instance of a deployment must share one secret: a participant token issued by one would be
 * refused by another, a vote's keyed hash would differ (one person, two votes), and checkpoints
 * would carry signatures no published key verifies. The public key derived from the secret is
 * its fingerprint (it reveals nothing of the secret): the first start records it; any later start
 * with another secret is refused, until an operator adopts the new one.
 */
export async function checkInstanceKey(db: Database, publicKey = logPublicKey().publicKey) {
	await db.insert(instanceKeys).values({ publicKey }).onConflictDoNothing();
	const [active] = await db
		.select({ publicKey: instanceKeys.publicKey })
		.from(instanceKeys)
		.where(isNull(instanceKeys.retiredAt));
	if (active?.publicKey === publicKey) return;
	throw new SecretMismatch(
		active
			? 'Openfloor cannot start: this database was used with another secret (SECRET_KEY, or DATA_DIR/secret.key). Every instance must share one: set the same SECRET_KEY everywhere, or copy secret.key back beside a restored database. If the old secret is lost, `npm run secret:adopt` makes this one the instance secret (participants of a live meeting must reload; checkpoints are signed with a new key from then on; see docs/trust.md).'
			: // Retired earlier and adopted again is the operator's choice, made with secret:adopt.
				'Openfloor cannot start: this secret was retired by `npm run secret:adopt`; run it again to use it once more.'
	);
}

/**
 * `npm run secret:adopt`: this process's secret becomes the instance's; the key it replaces stays
 * listed as retired at the well-known address, so that older checkpoints can still be verified.
 */
export async function adoptInstanceKey(db: Database, publicKey = logPublicKey().publicKey) {
	return db.transaction(async (tx) => {
		const now = new Date();
		const [active] = await tx
			.select({ publicKey: instanceKeys.publicKey })
			.from(instanceKeys)
			.where(isNull(instanceKeys.retiredAt));
		if (active?.publicKey === publicKey) return { changed: false, replaced: null };
		if (active) {
			await tx
				.update(instanceKeys)
				.set({ retiredAt: now })
				.where(eq(instanceKeys.publicKey, active.publicKey));
		}
		await tx
			.insert(instanceKeys)
			.values({ publicKey, adoptedAt: now })
			.onConflictDoUpdate({
				target: instanceKeys.publicKey,
				set: { adoptedAt: now, retiredAt: null }
			});
		return { changed: true, replaced: active?.publicKey ?? null };
	});
}

/** Keys this instance signed with before, oldest first, for the well-known address. */
export async function retiredInstanceKeys(db: Database) {
	return db
		.select({
			publicKey: instanceKeys.publicKey,
			adoptedAt: instanceKeys.adoptedAt,
			retiredAt: instanceKeys.retiredAt
		})
		.from(instanceKeys)
		.where(isNotNull(instanceKeys.retiredAt))
		.orderBy(asc(instanceKeys.adoptedAt));
}
