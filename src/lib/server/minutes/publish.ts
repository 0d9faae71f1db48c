import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import { minutes, minutesCorrections, minutesVersions } from '../db/schema';
import type { Actor } from '../auth/authorise';
import { conflict, invalidField } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { appendDecision } from '../decision-log/log';
import { publishSchema } from '$lib/schemas/minutes';
import type { Clock } from '../clock';
import { lockMinutes, minutesForChange } from './access';
import { isBlank, markdownHash } from './rules';
import { latestVersion } from './versions';
import { correctionPayload } from './corrections';
import { signHead } from '../decision-log/checkpoints';
import { announceNotices, recordNotice } from '../notifications/notices';

/**
 * Publishes the draft: version 1, or an amendment (a new version with a required change note,
 * which may accept pending corrections). A version is never changed afterwards. Appends to the
 * group's decision log and signs a checkpoint of its head in the same transaction.
 */
export async function publishMinutes(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown,
	clock: Clock = {}
) {
	const { group, meeting, user } = await minutesForChange(db, actor, groupSlug, number);
	const data = parseInput(publishSchema, input);
	const now = clock.now ?? new Date();
	const published = await db.transaction(async (tx) => {
		const row = await lockMinutes(tx, meeting.id);
		if (isBlank(row.draft)) throw invalidField('markdown', 'minutes.empty');
		const version = row.publishedVersion + 1;
		if (version > 1) {
			if (!data.changeNote) throw invalidField('changeNote', 'minutes.change_note_required');
			const latest = await latestVersion(tx, meeting.id);
			if (latest?.markdown === row.draft) throw conflict('minutes.unchanged');
		}
		const accepted = [...new Set(data.acceptCorrections)];
		if (accepted.length) {
			const changed = await tx
				.update(minutesCorrections)
				.set({ state: 'accepted', amendedInVersion: version, decidedBy: user.id, decidedAt: now })
				.where(
					and(
						eq(minutesCorrections.meetingId, meeting.id),
						eq(minutesCorrections.state, 'submitted'),
						inArray(minutesCorrections.id, accepted)
					)
				)
				.returning();
			if (changed.length !== accepted.length) {
				throw invalidField('acceptCorrections', 'correction.not_pending');
			}
			// In the order given: each accepted correction, then the amendment that made it.
			for (const id of accepted) {
				const correction = changed.find((c) => c.id === id)!;
				await appendDecision(tx, group.id, {
					kind: 'correction.accepted',
					subject: `correction:${correction.id}`,
					at: now,
					payload: correctionPayload(correction, meeting.number)
				});
			}
		}
		const changeNote = data.changeNote ?? null;
		const [published] = await tx
			.insert(minutesVersions)
			.values({
				meetingId: meeting.id,
				version,
				markdown: row.draft,
				changeNote,
				publishedAt: now,
				publishedBy: user.id,
				publishedByName: user.displayName
			})
			.returning();
		await tx
			.update(minutes)
			.set({ publishedVersion: version })
			.where(eq(minutes.meetingId, meeting.id));
		await appendDecision(tx, group.id, {
			kind: version === 1 ? 'minutes.published' : 'minutes.amended',
			subject: `minutes:${meeting.number}`,
			at: now,
			payload: {
				meeting: meeting.number,
				version,
				sha256: markdownHash(row.draft),
				changeNote,
				...(accepted.length ? { acceptedCorrections: accepted } : {})
			}
		});
		// Every publication is pinned by a signed checkpoint that covers it (shown in its footer).
		await signHead(tx, group, now);
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: version === 1 ? 'minutes.publish' : 'minutes.amend',
			subject: String(meeting.number),
			details: { version }
		});
		await recordNotice(tx, {
			groupId: group.id,
			kind: version === 1 ? 'minutes.published' : 'minutes.amended',
			subject: `meeting:${meeting.id}`,
			onceKey: `minutes:${meeting.id}:${version}`,
			now
		});
		return published;
	});
	announceNotices();
	return published;
}
