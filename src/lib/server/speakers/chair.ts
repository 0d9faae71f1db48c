import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { agendaItems, speakerRequests } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict, invalidField } from '../errors';
import { parseInput } from '../validation';
import { getGroup } from '../groups/groups';
import {
	currentItemSchema,
	endTurnSchema,
	speakerIdSchema,
	speakerMoveSchema,
	speakerTimeSchema
} from '$lib/schemas/speakers';
import type { Clock } from '../clock';
import { changeSpeakers, findSpeakerRequest } from './access';
import { endCurrentTurn } from './turns';

/** The chair's moves need the permission to run the list (the officers who moderate). */
async function chairOf(db: Executor, actor: Actor, groupSlug: string) {
	const group = await getGroup(db, groupSlug);
	return authorise(db, actor, 'speakers.chair', group.id);
}

/** The chair gives the floor to a waiting speaker, ending any current turn first. */
export async function giveFloor(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	input: unknown,
	clock: Clock = {}
) {
	await chairOf(db, actor, groupSlug);
	const data = parseInput(speakerIdSchema, input);
	const now = clock.now ?? new Date();
	return changeSpeakers(db, actor, groupSlug, meetingNumber, async (tx, at) => {
		const request = await findSpeakerRequest(tx, at.meeting.id, data.requestId);
		if (request.state !== 'waiting') throw conflict('speakers.not_waiting');
		await endCurrentTurn(tx, at.meeting.id, now);
		const [speaking] = await tx
			.update(speakerRequests)
			.set({ state: 'speaking', startedAt: now })
			.where(eq(speakerRequests.id, request.id))
			.returning();
		return { result: speaking };
	});
}

/** The chair ends the current turn (the named one's, when `requestId` is given). */
export async function endTurn(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	input: unknown,
	clock: Clock = {}
) {
	await chairOf(db, actor, groupSlug);
	const data = parseInput(endTurnSchema, input);
	const now = clock.now ?? new Date();
	return changeSpeakers(db, actor, groupSlug, meetingNumber, async (tx, at) => {
		if (data.requestId) {
			const request = await findSpeakerRequest(tx, at.meeting.id, data.requestId);
			if (request.state !== 'speaking') throw conflict('speakers.not_speaking');
		}
		const ended = await endCurrentTurn(tx, at.meeting.id, now);
		if (!ended) throw conflict('speakers.not_speaking');
		return { result: ended };
	});
}

/**
 * The chair moves a waiting request to a place (1: next) among the waiting requests of its
 * agenda item; the others close up behind it.
 */
export async function moveSpeaker(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	input: unknown
) {
	await chairOf(db, actor, groupSlug);
	const data = parseInput(speakerMoveSchema, input);
	return changeSpeakers(db, actor, groupSlug, meetingNumber, async (tx, at) => {
		const request = await findSpeakerRequest(tx, at.meeting.id, data.requestId);
		if (request.state !== 'waiting') throw conflict('speakers.not_waiting');
		const waiting = await tx
			.select({ id: speakerRequests.id, position: speakerRequests.position })
			.from(speakerRequests)
			.where(
				and(
					eq(speakerRequests.meetingId, at.meeting.id),
					eq(speakerRequests.state, 'waiting'),
					request.agendaItemId
						? eq(speakerRequests.agendaItemId, request.agendaItemId)
						: isNull(speakerRequests.agendaItemId)
				)
			)
			.orderBy(asc(speakerRequests.position), asc(speakerRequests.requestedAt));
		const others = waiting.filter((r) => r.id !== request.id);
		const place = Math.min(data.position, others.length + 1) - 1;
		others.splice(place, 0, { id: request.id, position: request.position });
		// Positions follow the list's start, so other items' requests keep their places.
		const base = Math.min(...waiting.map((r) => r.position));
		for (const [i, r] of others.entries()) {
			if (r.position !== base + i) {
				await tx
					.update(speakerRequests)
					.set({ position: base + i })
					.where(eq(speakerRequests.id, r.id));
			}
		}
		const [moved] = await tx
			.select()
			.from(speakerRequests)
			.where(eq(speakerRequests.id, request.id));
		return { result: moved };
	});
}

/** The chair adjusts the time a waiting or current turn allows. */
export async function setSpeakerTime(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	input: unknown
) {
	await chairOf(db, actor, groupSlug);
	const data = parseInput(speakerTimeSchema, input);
	return changeSpeakers(db, actor, groupSlug, meetingNumber, async (tx, at) => {
		const request = await findSpeakerRequest(tx, at.meeting.id, data.requestId);
		if (request.state !== 'waiting' && request.state !== 'speaking') {
			throw conflict('speakers.turn_over');
		}
		const [changed] = await tx
			.update(speakerRequests)
			.set({ allowedSeconds: data.seconds })
			.where(eq(speakerRequests.id, request.id))
			.returning();
		return { result: changed };
	});
}

/**
 * The chair sets the agenda item under discussion (null: none); its timer starts now. Moving on
 * ends the current turn; waiting requests stay with their item.
 */
export async function setCurrentItem(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	input: unknown,
	clock: Clock = {}
) {
	await chairOf(db, actor, groupSlug);
	const data = parseInput(currentItemSchema, input);
	const now = clock.now ?? new Date();
	return changeSpeakers(db, actor, groupSlug, meetingNumber, async (tx, at) => {
		const itemId = data.agendaItemId ?? null;
		if (itemId) {
			const [item] = await tx
				.select({ id: agendaItems.id })
				.from(agendaItems)
				.where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, at.meeting.id)));
			if (!item) throw invalidField('agendaItemId', 'speakers.item_unknown');
		}
		if (itemId === at.live.currentAgendaItemId) {
			throw conflict('speakers.item_unchanged', 'agendaItemId');
		}
		await endCurrentTurn(tx, at.meeting.id, now);
		return {
			result: { agendaItemId: itemId, startedAt: itemId ? now : null },
			set: { currentAgendaItemId: itemId, currentItemStartedAt: itemId ? now : null }
		};
	});
}
