import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { addAgendaItem, moveAgendaItem, removeAgendaItem } from '$lib/server/meetings/agenda';
import { decideProposal } from '$lib/server/meetings/proposals';
import { meetingRecord } from '$lib/server/meetings/record';
import { isLocked } from '$lib/server/meetings/rules';
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
	return {
		meeting: {
			number: record.meeting.number,
			title: record.meeting.title,
			state: record.meeting.state,
			locked: isLocked(record.meeting.state)
		},
		agenda: record.agenda.map((item) => ({
			id: item.id,
			title: item.title,
			presenter: item.presenter,
			plannedMinutes: item.plannedMinutes,
			plannedStart: item.plannedStart,
			documents: item.documents.length
		})),
		proposals: record.proposals.filter((p) => p.status === 'proposed'),
		canDecide: allows(await rolesOf(db, actor.user, record.group.id), 'proposal.decide')
	};
};

export const actions: Actions = {
	addItem: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await addAgendaItem(db, actor, event.params.group, event.params.n, values);
			return { done: 'agenda.added' as const };
		}),
	move: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const { group, n } = event.params;
			await moveAgendaItem(db, actor, group, n, values.item ?? '', values);
			return { moved: values.item ?? '' };
		}),
	remove: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await removeAgendaItem(db, actor, event.params.group, event.params.n, values.item ?? '');
			return { done: 'agenda.removed' as const };
		}),
	decide: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await decideProposal(db, actor, event.params.group, values.proposal ?? '', values);
			return { done: 'proposals.decided' as const };
		})
};
