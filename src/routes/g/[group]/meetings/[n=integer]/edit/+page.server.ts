import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { changeMeetingState, setRecording, updateMeeting } from '$lib/server/meetings/meetings';
import { meetingRecord } from '$lib/server/meetings/record';
import { canMove, isLocked } from '$lib/server/meetings/rules';
import { orPageError } from '$lib/server/http/page';
import { signedInAction } from '$lib/server/http/form';
import { utcToLocal } from '$lib/time-zone';
import type { Actions, PageServerLoad } from './$types';
import { signedInActor } from '$lib/server/http/actor';
import { closingSummary } from '$lib/server/questions/closing';
import { invalidField } from '$lib/server/errors';

export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	const db = await getDb();
	const record = await orPageError(
		event,
		meetingRecord(db, actor, event.params.group, event.params.n)
	);
	if (!record.canManage) error(403, event.locals.t('error.not_allowed'));
	const { meeting, group } = record;
	const zone = group.timeZone;
	return {
		meeting: {
			number: meeting.number,
			title: meeting.title,
			state: meeting.state,
			startsAt: utcToLocal(meeting.startsAt, zone),
			endsAt: utcToLocal(meeting.endsAt, zone),
			location: meeting.location,
			onlineUrl: meeting.onlineUrl,
			streamUrl: meeting.streamUrl,
			recordingUrl: meeting.recordingUrl,
			locked: isLocked(meeting.state)
		},
		nextStates: (['scheduled', 'live', 'closed', 'cancelled'] as const).filter((s) =>
			canMove(meeting.state, s)
		),
		// `?close`: the confirmation step, saying what closing will do.
		closing:
			event.url.searchParams.has('close') && canMove(meeting.state, 'closed')
				? await closingSummary(db, meeting.id)
				: null
	};
};

export const actions: Actions = {
	save: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await updateMeeting(db, actor, event.params.group, event.params.n, values);
			return { done: 'meeting.saved' as const };
		}),
	recording: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await setRecording(db, actor, event.params.group, event.params.n, values);
			return { done: 'meeting.saved' as const };
		}),
	state: (event) =>
		signedInAction(event, async (db, values, actor) => {
			// Closing cannot be undone: it takes the confirmation step's explicit yes.
			if (values.state === 'closed' && values.confirm !== 'yes') {
				throw invalidField('confirm', 'console.close.confirm_needed');
			}
			const meeting = await changeMeetingState(
				db,
				actor,
				event.params.group,
				event.params.n,
				values
			);
			return { state: meeting.state };
		})
};
