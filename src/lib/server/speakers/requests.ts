import { and, eq, inArray, max } from 'drizzle-orm';
import type { Executor } from '../db';
import { speakerRequests } from '../db/schema';
import { requireUser, type Actor } from '../auth/authorise';
import { conflict, invalidField, isUniqueViolation, notAllowed } from '../errors';
import { parseInput } from '../validation';
import { representedOrganisations } from '../meetings/members';
import { getGroup } from '../groups/groups';
import { speakerIdSchema, speakerRequestSchema } from '$lib/schemas/speakers';
import type { Clock } from '../clock';
import { changeSpeakers, findSpeakerRequest } from './access';

/**
 * Asks to speak on the live meeting's current agenda item (signed in: the list names real
 * people). A representative speaks for their organisation (the one named, or their only one)
 * unless they ask as an attendee; an attendee with an account may be named or not. At most one
 * open request per person and item. The turn's time is the group's default when asked.
 */
export async function askToSpeak(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	input: unknown,
	clock: Clock = {}
) {
	const user = requireUser(actor);
	const data = parseInput(speakerRequestSchema, input);
	const group = await getGroup(db, groupSlug);
	const represented = await representedOrganisations(db, group.id, user.id);
	let organisation: { id: string } | undefined;
	if (data.membershipId) {
		organisation = represented.find((m) => m.id === data.membershipId);
		if (!organisation) throw invalidField('membershipId', 'member.not_representative');
	} else organisation = represented[0];
	if (data.shownAs === 'organisation' && !organisation) {
		throw invalidField('shownAs', 'speakers.no_organisation');
	}
	const membershipId = data.shownAs === 'attendee' ? null : (organisation?.id ?? null);
	try {
		return await changeSpeakers(db, actor, groupSlug, meetingNumber, async (tx, at) => {
			const item = at.live.currentAgendaItemId;
			const open = await tx
				.select({ id: speakerRequests.id, agendaItemId: speakerRequests.agendaItemId })
				.from(speakerRequests)
				.where(
					and(
						eq(speakerRequests.meetingId, at.meeting.id),
						eq(speakerRequests.userId, user.id),
						inArray(speakerRequests.state, ['waiting', 'speaking'])
					)
				);
			if (open.some((r) => r.agendaItemId === item)) throw conflict('speakers.already_listed');
			const [last] = await tx
				.select({ position: max(speakerRequests.position) })
				.from(speakerRequests)
				.where(eq(speakerRequests.meetingId, at.meeting.id));
			const [request] = await tx
				.insert(speakerRequests)
				.values({
					groupId: at.group.id,
					meetingId: at.meeting.id,
					agendaItemId: item,
					userId: user.id,
					membershipId,
					shownAs: data.shownAs,
					publicName: data.shownAs === 'name' ? user.displayName : null,
					position: (last?.position ?? 0) + 1,
					allowedSeconds: at.group.speakingTurnSeconds,
					requestedAt: clock.now ?? new Date()
				})
				.returning();
			return { result: request };
		});
	} catch (error) {
		// Two asks at once from one person: the second meets the unique index.
		if (isUniqueViolation(error, 'speaker_requests_one_open')) {
			throw conflict('speakers.already_listed');
		}
		throw error;
	}
}

/** The speaker takes back their own request while it waits. */
export async function withdrawSpeakerRequest(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	input: unknown
) {
	const user = requireUser(actor);
	const data = parseInput(speakerIdSchema, input);
	return changeSpeakers(db, actor, groupSlug, meetingNumber, async (tx, at) => {
		const request = await findSpeakerRequest(tx, at.meeting.id, data.requestId);
		if (request.userId !== user.id) throw notAllowed('speakers.not_yours');
		if (request.state !== 'waiting') throw conflict('speakers.not_waiting');
		const [withdrawn] = await tx
			.update(speakerRequests)
			.set({ state: 'withdrawn' })
			.where(eq(speakerRequests.id, request.id))
			.returning();
		return { result: withdrawn };
	});
}
