import { getDb } from '$lib/server/db';
import { signedInAction } from '$lib/server/http/form';
import { sendApologies } from '$lib/server/meetings/attendance';
import { representedOrganisations } from '$lib/server/meetings/members';
import { proposeAgendaItem } from '$lib/server/meetings/proposals';
import { agendaHtml, meetingRecord, publicRecord } from '$lib/server/meetings/record';
import { orPageError } from '$lib/server/http/page';
import { sharedWithAll } from '$lib/server/public-cache/shared-data';
import { actorOf } from '$lib/server/http/actor';
import { speakingRecord } from '$lib/server/speakers/read';
import type { Actions, PageServerLoad } from './$types';

// A public reading page: plain HTML; its forms (for member representatives) are plain posts.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const { user } = event.locals;
	const record = await orPageError(
		event,
		meetingRecord(db, actorOf(event), event.params.group, event.params.n, sharedWithAll)
	);
	const represented = user ? await representedOrganisations(db, record.group.id, user.id) : [];
	const beforeStart = record.meeting.state === 'scheduled' && record.meeting.startsAt > new Date();
	return {
		meeting: publicRecord(record),
		descriptions: agendaHtml(record),
		canManage: record.canManage,
		participation: record.meeting.participation,
		joinCode: record.canManage ? record.meeting.joinCode : null,
		represented: beforeStart ? represented : [],
		speakers:
			record.meeting.state === 'live' || record.meeting.state === 'closed'
				? await speakingRecord(db, record.meeting.id)
				: null
	};
};

export const actions: Actions = {
	propose: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await proposeAgendaItem(db, actor, event.params.group, event.params.n, values);
			return { proposed: true };
		}),
	apologies: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const organisation = await sendApologies(
				db,
				actor,
				event.params.group,
				event.params.n,
				values
			);
			return { apologiesFor: organisation.organisationName };
		})
};
