import { error } from '@sveltejs/kit';
import { requireSignedIn } from '$lib/server/http/session';
import { recordFloorQuestion } from '$lib/server/questions/ask';
import { moderateQuestion, updateLiveSettings } from '$lib/server/questions/moderate';
import { rotateRoomCode, setParticipation } from '$lib/server/questions/admission';
import { liveAction, loadLivePage } from '$lib/server/http/live';
import { getDb } from '$lib/server/db';
import { withheldTexts } from '$lib/server/questions/restore';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	requireSignedIn(event);
	const page = await loadLivePage(event);
	if (!page.snapshot.viewer.canModerate) error(403, event.locals.t('error.not_allowed'));
	// Officers only (checked above): what they would restore, though withheld from the public.
	return { ...page, withheld: await withheldTexts(await getDb(), page.snapshot.meeting.id) };
};

/** One named action per verb; each is the same domain call the console's socket events make. */
const moderate = (action: string) => (event: RequestEvent) =>
	liveAction(event, async (db, participant, context, values) => ({
		done: action,
		questionId: values.questionId,
		status: values.status,
		...(await moderateQuestion(db, participant, context, { ...values, action }))
	}));

export const actions: Actions = {
	approve: moderate('approve'),
	reject: moderate('reject'),
	merge: moderate('merge'),
	pin: moderate('pin'),
	unpin: moderate('unpin'),
	status: moderate('status'),
	restore: moderate('restore'),
	undoStatus: moderate('undo_status'),
	settings: (event) =>
		liveAction(event, async (db, participant, context, values) => ({
			done: 'settings',
			settings: await updateLiveSettings(db, participant, context, values)
		})),
	participation: (event) =>
		liveAction(event, async (db, participant, context, values) => ({
			done: 'participation',
			...(await setParticipation(db, participant, context, values))
		})),
	roomCode: (event) =>
		liveAction(event, async (db, participant, context) => ({
			done: 'roomCode',
			...(await rotateRoomCode(db, participant, context))
		})),
	floor: (event) =>
		liveAction(event, async (db, participant, context, values) => ({
			done: 'floor',
			question: (await recordFloorQuestion(db, participant, context, values)).id
		}))
};
