import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { groups } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { getGroup } from '../groups/groups';
import { speakingTurnSchema } from '$lib/schemas/speakers';

/** The chair sets the group's default speaking turn (a setting, audited; not a decision). */
export async function setSpeakingTurn(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	input: unknown
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'speakers.settings', group.id);
	const data = parseInput(speakingTurnSchema, input);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(groups)
			.set({ speakingTurnSeconds: data.seconds })
			.where(eq(groups.id, group.id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'speakers.turn',
			subject: group.slug,
			details: { seconds: data.seconds }
		});
		return row;
	});
}
