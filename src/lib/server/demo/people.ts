import { and, asc, eq, isNull, like } from 'drizzle-orm';
import type { Database } from '../db';
import { mailOutbox, memberships, representatives, users } from '../db/schema';
import { signUp } from '../auth/accounts';
import { sessionUserFields, type SessionUser } from '../auth/session';

const demoDomain = 'members.example';

/** The story's people who act for organisations: invented names, addresses at members.example. */
export const emailOf = (name: string) =>
	`${name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z ]/g, '')
		.trim()
		.replace(/\s+/g, '.')}@${demoDomain}`;

/**
 * The story's decisions are months old and its people invented: the emails it queued (decisions,
 * the pending invitation) are dropped, so setting SMTP_URL later never sends them.
 */
export async function forgetDemoMail(db: Database) {
	await db
		.delete(mailOutbox)
		.where(and(isNull(mailOutbox.sentAt), like(mailOutbox.recipient, `%@${demoDomain}`)));
}

/** The account of the person named (made the first time). */
export async function representative(db: Database, name: string): Promise<SessionUser> {
	const email = emailOf(name);
	const [existing] = await db.select(sessionUserFields).from(users).where(eq(users.email, email));
	return (
		existing ??
		signUp(db, { email, password: 'demo-member-passphrase', displayName: name }, `demo:${email}`, {
			emailConfirmed: true
		})
	);
}

/** A member organisation's first representative, who acts for it in the story. */
export function representativeOf(db: Database, membershipId: string): Promise<SessionUser> {
	return db
		.select(sessionUserFields)
		.from(memberships)
		.innerJoin(representatives, eq(representatives.applicationId, memberships.applicationId))
		.innerJoin(users, eq(representatives.userId, users.id))
		.where(eq(memberships.id, membershipId))
		.orderBy(asc(representatives.addedAt))
		.limit(1)
		.then(([user]) => user);
}
