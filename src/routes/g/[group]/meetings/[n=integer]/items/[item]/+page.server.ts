import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { updateAgendaItem } from '$lib/server/meetings/agenda';
import {
	attachDocument,
	maxUploadBytes,
	removeDocument,
	uploadOf,
	uploadTooLarge
} from '$lib/server/meetings/documents';
import { meetingRecord } from '$lib/server/meetings/record';
import { formatSize, isLocked } from '$lib/server/meetings/rules';
import { orPageError } from '$lib/server/http/page';
import { signedInAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';
import { signedInActor } from '$lib/server/http/actor';

export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	const db = await getDb();
	const record = await orPageError(
		event,
		meetingRecord(db, actor, event.params.group, event.params.n)
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
		signedInAction(event, async (db, values, actor) => {
			const { group, n, item } = event.params;
			await updateAgendaItem(db, actor, group, n, item, values);
			return { done: 'agenda.saved' as const };
		}),
	link: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const { group, n, item } = event.params;
			await attachDocument(db, actor, group, n, item, values);
			return { done: 'document.added' as const };
		}),
	upload: (event) =>
		signedInAction(
			event,
			async (db, values, actor, data) => {
				const { group, n, item } = event.params;
				await attachDocument(db, actor, group, n, item, values, await uploadOf(data));
				return { done: 'document.added' as const };
			},
			{ tooLarge: uploadTooLarge }
		),
	removeDocument: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const { group, n } = event.params;
			await removeDocument(db, actor, group, n, values.document ?? '');
			return { done: 'document.removed' as const };
		})
};
