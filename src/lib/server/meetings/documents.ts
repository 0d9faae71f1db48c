import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import {
	agendaDocumentFiles,
	agendaDocuments,
	agendaItems,
	type AgendaDocument
} from '../db/schema';
import type { Actor } from '../auth/authorise';
import { invalidField, notFound } from '../errors';
import { isUuid, parseInput } from '../validation';
import { recordAudit } from '../audit';
import { documentFileTitleSchema, documentLinkSchema } from '$lib/schemas/meetings';
import { findMeeting, lockMeeting, meetingForChange, refuseIfAgendaLocked } from './access';
import { itemOf } from './agenda';
import { formatSize, looksLikePdf } from './rules';

/** Papers are for reading, not archiving video: 10 MB is plenty for a PDF. */
export const maxUploadBytes = 10_000_000;

/** The refusal of a paper over the limit, however far over (even one the server stopped reading). */
export const uploadTooLarge = () =>
	invalidField('file', 'document.too_large', { max: formatSize(maxUploadBytes) });

export type Upload = { name: string; bytes: Uint8Array };

/** The `file` field of a posted form (the page's and the API's), empty when none was chosen. */
export async function uploadOf(data: FormData): Promise<Upload> {
	const file = data.get('file');
	return file instanceof File && file.size > 0
		? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
		: { name: '', bytes: new Uint8Array() };
}

/**
 * Attaches a document to an agenda item: a link (`{ title, url }`), or an uploaded PDF
 * (`{ title }` and the file). A file that is not a PDF or is too large is refused before
 * anything is written; a PDF's bytes are written with its row, in one transaction.
 */
export async function attachDocument(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	itemId: string,
	input: unknown,
	upload?: Upload
): Promise<AgendaDocument> {
	const { group, user, meeting: found } = await meetingForChange(db, actor, groupSlug, number);
	let values: {
		kind: 'link' | 'pdf';
		title: string;
		url?: string;
		fileName?: string;
		size?: number;
	};
	if (upload) {
		const { title } = parseInput(documentFileTitleSchema, input);
		if (upload.bytes.length === 0) throw invalidField('file', 'document.file_required');
		if (upload.bytes.length > maxUploadBytes) {
			throw uploadTooLarge();
		}
		if (!looksLikePdf(upload.bytes)) throw invalidField('file', 'document.not_pdf');
		values = { kind: 'pdf', title, fileName: upload.name.slice(0, 200), size: upload.bytes.length };
	} else {
		const data = parseInput(documentLinkSchema, input);
		values = { kind: 'link', title: data.title, url: data.url };
	}
	return db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		refuseIfAgendaLocked(meeting);
		const item = await itemOf(tx, meeting, itemId);
		const [document] = await tx
			.insert(agendaDocuments)
			.values({ agendaItemId: item.id, ...values })
			.returning();
		if (upload) {
			await tx.insert(agendaDocumentFiles).values({ documentId: document.id, bytes: upload.bytes });
		}
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'document.attach',
			subject: document.id,
			details: { meeting: meeting.number, item: item.id, kind: document.kind }
		});
		return document;
	});
}

/** The document, if it belongs to an item of this meeting. */
async function documentOf(db: Executor, meetingId: string, documentId: string) {
	if (!isUuid(documentId)) throw notFound('document.not_found');
	const [row] = await db
		.select({ document: agendaDocuments })
		.from(agendaDocuments)
		.innerJoin(agendaItems, eq(agendaDocuments.agendaItemId, agendaItems.id))
		.where(and(eq(agendaDocuments.id, documentId), eq(agendaItems.meetingId, meetingId)));
	if (!row) throw notFound('document.not_found');
	return row.document;
}

export async function removeDocument(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	documentId: string
): Promise<void> {
	const { group, user, meeting: found } = await meetingForChange(db, actor, groupSlug, number);
	// A PDF's bytes go with its row (ON DELETE CASCADE).
	await db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		refuseIfAgendaLocked(meeting);
		const doc = await documentOf(tx, meeting.id, documentId);
		await tx.delete(agendaDocuments).where(eq(agendaDocuments.id, doc.id));
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'document.remove',
			subject: doc.id,
			details: { meeting: meeting.number, title: doc.title }
		});
	});
}

/**
 * An uploaded PDF to download, with its bytes: visible to whoever may see the meeting. The bytes
 * are read whole (at most 10 MB, one query): simpler than streaming a bytea, and cheap enough.
 */
export async function documentForDownload(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	documentId: string
) {
	const { meeting } = await findMeeting(db, actor, groupSlug, number);
	const document = await documentOf(db, meeting.id, documentId);
	if (document.kind !== 'pdf') throw notFound('document.not_found');
	const [file] = await db
		.select({ bytes: agendaDocumentFiles.bytes })
		.from(agendaDocumentFiles)
		.where(eq(agendaDocumentFiles.documentId, document.id));
	if (!file) throw notFound('document.not_found');
	return { document, bytes: file.bytes };
}
