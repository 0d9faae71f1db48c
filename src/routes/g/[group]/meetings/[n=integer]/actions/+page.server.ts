import { getDb } from '$lib/server/db';
import {
	linkableQuestions,
	meetingCommitments,
	recordCommitment,
	updateCommitmentStatus
} from '$lib/server/commitments/commitments';
import { orPageError } from '$lib/server/http/page';
import { signedInAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';
import { actorOf } from '$lib/server/http/actor';

// A public reading page; the officers' forms are plain posts.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const { meeting, actions, canRecord, canUpdate } = await orPageError(
		event,
		meetingCommitments(db, actorOf(event), event.params.group, event.params.n)
	);
	return {
		meeting: { number: meeting.number, title: meeting.title, state: meeting.state },
		actions,
		canRecord,
		canUpdate,
		questions: canRecord ? await linkableQuestions(db, meeting.id) : []
	};
};

export const actions: Actions = {
	record: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await recordCommitment(db, actor, event.params.group, event.params.n, values);
			return { done: 'actions.added' as const };
		}),
	status: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await updateCommitmentStatus(db, actor, event.params.group, values.id ?? '', values);
			return { done: 'actions.updated' as const };
		})
};
