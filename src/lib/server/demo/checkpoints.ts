import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { memberships } from '../db/schema';
import { getGroup } from '../groups/groups';
import { countersignCheckpoint, signHead } from '../decision-log/checkpoints';
import { representativeOf } from './people';

/**
 * The decision log's checkpoints: each publication of minutes signed one; the head is signed once
 * more after the last decisions (as the daily schedule would), and the two longest-standing
 * member organisations countersign it ("we saw this").
 */
export async function loadCheckpointsDemo(db: Database, groupSlug: string) {
	const group = await getGroup(db, groupSlug);
	const signed = await db.transaction((tx) => signHead(tx, group, new Date()));
	if (!signed) return;
	const members = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.groupId, group.id), isNull(memberships.endedAt)))
		.orderBy(asc(memberships.startedAt))
		.limit(2);
	for (const [i, member] of members.entries()) {
		const user = await representativeOf(db, member.id);
		const at = new Date(Date.parse(signed.signedAt) + (i + 1) * 3_600_000);
		await countersignCheckpoint(db, { user }, groupSlug, signed.size, {}, { now: at });
	}
}
