import { getDb } from '$lib/server/db';
import { runFormAction } from '$lib/server/http/form';
import { requireSignedIn } from '$lib/server/http/session';
import { sendApologies } from '$lib/server/meetings/attendance';
import { representedOrganisations } from '$lib/server/meetings/members';
import { proposeAgendaItem } from '$lib/server/meetings/proposals';
import { agendaHtml, meetingRecord, publicRecord } from '$lib/server/meetings/record';
import { orPageError } from '$lib/server/meetings/web';
import type { Actions, PageServerLoad } from './$types';

// A public reading page: plain HTML; its forms (for member representatives) are plain posts.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const { user } = event.locals;
	const record = await orPageError(
		event,
		meetingRecord(db, { user }, event.params.group, event.params.n)
	);
	const represented = user ? await representedOrganisations(db, record.group.id, user.id) : [];
	const beforeStart = record.meeting.state === 'scheduled' && record.meeting.startsAt > new Date();
	return {
		meeting: publicRecord(record),
		descriptions: agendaHtml(record),
		canManage: record.canManage,
		joinCode: record.canManage ? record.meeting.joinCode : null,
		represented: beforeStart ? represented : []
	};
};

export const actions: Actions = {
	propose: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			await proposeAgendaItem(await getDb(), { user }, event.params.group, event.params.n, values);
			return { proposed: true };
		});
	},
	apologies: async (event) => {
		const user = requireSignedIn(event);
		return runFormAction(event, async (values) => {
			const organisation = await sendApologies(
				await getDb(),
				{ user },
				event.params.group,
				event.params.n,
				values
			);
			return { apologiesFor: organisation.organisationName };
		});
	}
};
