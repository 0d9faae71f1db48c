import { and, asc, eq, inArray, isNull, lte, or, gt } from 'drizzle-orm';
import type { Executor } from '../db';
import { memberships, type Meeting } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { invalidField, notAllowed } from '../errors';
import { representedBy } from '../membership/representatives';

/**
 * Reads the membership issue's table directly: which organisations a user represents now, and
 * which organisations were members when a meeting started.
 */
export function representedOrganisations(db: Executor, groupId: string, userId: string) {
	return db
		.select({ id: memberships.id, organisationName: memberships.organisationName })
		.from(memberships)
		.where(
			and(
				eq(memberships.groupId, groupId),
				inArray(memberships.applicationId, representedBy(db, userId)),
				isNull(memberships.endedAt)
			)
		)
		.orderBy(asc(memberships.organisationName));
}

/** The membership the user acts for: the one named, or their only one. */
export async function actingMembership(
	db: Executor,
	groupId: string,
	user: SessionUser,
	membershipId: string | undefined
) {
	const represented = await representedOrganisations(db, groupId, user.id);
	if (membershipId) {
		const chosen = represented.find((m) => m.id === membershipId);
		if (!chosen) throw invalidField('membershipId', 'member.not_representative');
		return chosen;
	}
	if (represented.length === 0) throw notAllowed('member.not_representative');
	return represented[0];
}

/** Member organisations at the meeting: joined before it started and not gone by then. */
export function membersAt(db: Executor, groupId: string, meeting: Pick<Meeting, 'startsAt'>) {
	return db
		.select({ id: memberships.id, organisationName: memberships.organisationName })
		.from(memberships)
		.where(
			and(
				eq(memberships.groupId, groupId),
				lte(memberships.startedAt, meeting.startsAt),
				or(isNull(memberships.endedAt), gt(memberships.endedAt, meeting.startsAt))
			)
		)
		.orderBy(asc(memberships.organisationName));
}
