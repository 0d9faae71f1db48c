import { noticeAgendaChange } from '../notifications/notices';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { agendaDocuments, agendaItems, type AgendaItem, type Meeting } from '../db/schema';
import type { Actor } from '../auth/authorise';
import { notFound } from '../errors';
import { isUuid, parseInput } from '../validation';
import { recordAudit } from '../audit';
import { agendaItemSchema, agendaItemUpdateSchema, moveSchema } from '$lib/schemas/meetings';
import { lockMeeting, meetingForChange, refuseIfAgendaLocked } from './access';
import { swapTarget } from './rules';

/** The meeting's agenda in running order, each item with its documents. */
export async function listAgenda(db: Executor, meetingId: string) {
	const items = await db
		.select()
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId))
		.orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
	const documents = items.length
		? await db
				.select()
				.from(agendaDocuments)
				.where(
					inArray(
						agendaDocuments.agendaItemId,
						items.map((i) => i.id)
					)
				)
				.orderBy(asc(agendaDocuments.createdAt))
		: [];
	return items.map((item) => ({
		...item,
		documents: documents.filter((d) => d.agendaItemId === item.id)
	}));
}

/** The item, if it is on this meeting's agenda: an item of another meeting is refused. */
export async function itemOf(db: Executor, meeting: Meeting, itemId: string): Promise<AgendaItem> {
	if (!isUuid(itemId)) throw notFound('agenda.item_not_found');
	const [item] = await db
		.select()
		.from(agendaItems)
		.where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meeting.id)));
	if (!item) throw notFound('agenda.item_not_found');
	return item;
}

/** Adds an item at the end of the agenda (inside an open transaction: also used by proposals). */
export async function insertAgendaItem(
	tx: Executor,
	meetingId: string,
	data: { title: string; description?: string; presenter?: string | null; plannedMinutes: number }
) {
	const [{ next }] = await tx
		.select({ next: sql<number>`coalesce(max(${agendaItems.position}), 0) + 1` })
		.from(agendaItems)
		.where(eq(agendaItems.meetingId, meetingId));
	const [item] = await tx
		.insert(agendaItems)
		.values({
			meetingId,
			position: Number(next),
			title: data.title,
			description: data.description ?? '',
			presenter: data.presenter ?? null,
			plannedMinutes: data.plannedMinutes
		})
		.returning();
	return item;
}

export async function addAgendaItem(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown
): Promise<AgendaItem> {
	const { group, user, meeting: found } = await meetingForChange(db, actor, groupSlug, number);
	const data = parseInput(agendaItemSchema, input);
	return db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		refuseIfAgendaLocked(meeting);
		const item = await insertAgendaItem(tx, meeting.id, data);
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'agenda.add',
			subject: item.id,
			details: { meeting: meeting.number, title: item.title }
		});
		await noticeAgendaChange(tx, meeting);
		return item;
	});
}

export async function updateAgendaItem(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	itemId: string,
	input: unknown
): Promise<AgendaItem> {
	const { group, user, meeting: found } = await meetingForChange(db, actor, groupSlug, number);
	const data = parseInput(agendaItemUpdateSchema, input);
	return db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		refuseIfAgendaLocked(meeting);
		const item = await itemOf(tx, meeting, itemId);
		const sent = input as Record<string, unknown>;
		const [updated] = await tx
			.update(agendaItems)
			.set({
				title: data.title ?? item.title,
				description: 'description' in sent ? (data.description ?? '') : item.description,
				presenter: 'presenter' in sent ? (data.presenter ?? null) : item.presenter,
				plannedMinutes: data.plannedMinutes ?? item.plannedMinutes
			})
			.where(eq(agendaItems.id, item.id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'agenda.update',
			subject: item.id,
			details: { meeting: meeting.number, fields: Object.keys(data) }
		});
		await noticeAgendaChange(tx, meeting);
		return updated;
	});
}

/** Swaps an item with its neighbour above or below; at either end nothing moves. */
export async function moveAgendaItem(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	itemId: string,
	input: unknown
): Promise<void> {
	const { group, user, meeting: found } = await meetingForChange(db, actor, groupSlug, number);
	const { direction } = parseInput(moveSchema, input);
	await db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		refuseIfAgendaLocked(meeting);
		const item = await itemOf(tx, meeting, itemId);
		const ordered = await tx
			.select({ id: agendaItems.id, position: agendaItems.position })
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, meeting.id))
			.orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
		const other = swapTarget(ordered, item.id, direction);
		if (!other) return;
		// Renumber densely while swapping, so equal positions can never tie again.
		const order = ordered.map((i) => i.id);
		const a = order.indexOf(item.id);
		const b = order.indexOf(other.id);
		[order[a], order[b]] = [order[b], order[a]];
		for (const [index, id] of order.entries()) {
			await tx
				.update(agendaItems)
				.set({ position: index + 1 })
				.where(eq(agendaItems.id, id));
		}
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'agenda.move',
			subject: item.id,
			details: { meeting: meeting.number, direction }
		});
		await noticeAgendaChange(tx, meeting);
	});
}

export async function removeAgendaItem(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	itemId: string
): Promise<void> {
	const { group, user, meeting: found } = await meetingForChange(db, actor, groupSlug, number);
	// The item's documents, and their PDFs' bytes, go with it (ON DELETE CASCADE).
	await db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		refuseIfAgendaLocked(meeting);
		const item = await itemOf(tx, meeting, itemId);
		await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'agenda.remove',
			subject: item.id,
			details: { meeting: meeting.number, title: item.title }
		});
		await noticeAgendaChange(tx, meeting);
	});
}
