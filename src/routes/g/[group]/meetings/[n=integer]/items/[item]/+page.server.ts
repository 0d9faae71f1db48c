import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireSignedIn } from '$lib/server/http/session';
import { updateAgendaItem } from '$lib/server/meetings/agenda';
import { attachDocument, maxUploadBytes, removeDocument } from '$lib/server/meetings/documents';
import { meetingRecord } from '$lib/server/meetings/record';
import { formatSize, isLocked } from '$lib/server/meetings/rules';
import { meetingAction, orPageError } from '$lib/server/meetings/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const db = await getDb();
	const record = await orPageError(
		event,
		meetingRecord(db, { user }, event.params.group, event.params.n)
	);
	if (!record.canManage) error(403, event.locals.t('error.not_allowed'));
	const item = record.agenda.find((i) => i.id === event.params.item);
	if (!item) error(404, event.locals.t('agenda.item_not_found'));
	return {
		meeting: {
			number: record.meeting.number,
			title: record.meeting.title,
			locked: isLocked(record.meeting.state)
		},
		item: {
			id: item.id,
			title: item.title,
			description: item.description,
			presenter: item.presenter,
			plannedMinutes: String(item.plannedMinutes),
			documents: item.documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, url: d.url }))
		},
		maxUpload: formatSize(maxUploadBytes)
	};
};

export const actions: Actions = {
	save: (event) =>
		meetingAction(event, async (db, values, actor) => {
			const { group, n, item } = event.params;
			await updateAgendaItem(db, actor, group, n, item, values);
			return { done: 'agenda.saved' as const };
		}),
	link: (event) =>
		meetingAction(event, async (db, values, actor) => {
			const { group, n, item } = event.params;
			await attachDocument(db, actor, group, n, item, values);
			return { done: 'document.added' as const };
		}),
	upload: (event) =>
		meetingAction(event, async (db, values, actor, data) => {
			const { group, n, item } = event.params;
			const file = data.get('file');
			const upload =
				file instanceof File && file.size > 0
					? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
					: { name: '', bytes: new Uint8Array() };
			await attachDocument(db, actor, group, n, item, values, upload);
			return { done: 'document.added' as const };
		}),
	removeDocument: (event) =>
		meetingAction(event, async (db, values, actor) => {
			const { group, n } = event.params;
			await removeDocument(db, actor, group, n, values.document ?? '');
			return { done: 'document.removed' as const };
		})
};
