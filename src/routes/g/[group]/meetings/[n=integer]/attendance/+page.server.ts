import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { requireSignedIn } from '$lib/server/http/session';
import { listAttendance, recordAttendance } from '$lib/server/meetings/attendance';
import { findMeeting } from '$lib/server/meetings/access';
import { membersAt } from '$lib/server/meetings/members';
import { meetingAction, orPageError } from '$lib/server/meetings/web';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireSignedIn(event);
	const db = await getDb();
	const { group, meeting } = await orPageError(
		event,
		findMeeting(db, { user }, event.params.group, event.params.n)
	);
	if (!allows(await rolesOf(db, user, group.id), 'attendance.record')) {
		error(403, event.locals.t('error.not_allowed'));
	}
	const [members, recorded] = await Promise.all([
		membersAt(db, group.id, meeting),
		listAttendance(db, meeting.id)
	]);
	const statusOf = new Map(recorded.map((r) => [r.membershipId, r.status]));
	return {
		meeting: { number: meeting.number, title: meeting.title, state: meeting.state },
		otherAttendees: meeting.otherAttendees,
		members: members.map((m) => ({ ...m, status: statusOf.get(m.id) ?? '' }))
	};
};

export const actions: Actions = {
	default: (event) =>
		meetingAction(event, async (db, values, actor) => {
			// One select per organisation, named `status-<membership id>`; unrecorded ones are left out.
			const entries = Object.entries(values)
				.filter(([name, status]) => name.startsWith('status-') && status)
				.map(([name, status]) => ({ membershipId: name.slice('status-'.length), status }));
			await recordAttendance(db, actor, event.params.group, event.params.n, {
				entries,
				otherAttendees: values.otherAttendees || undefined
			});
			return { done: 'attendance.recorded' as const };
		})
};
