import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { listAttendance, recordAttendance } from '$lib/server/meetings/attendance';
import { findMeeting } from '$lib/server/meetings/access';
import { membersAt } from '$lib/server/meetings/members';
import { orPageError } from '$lib/server/http/page';
import { signedInAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';
import { signedInActor } from '$lib/server/http/actor';

export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	const db = await getDb();
	const { group, meeting } = await orPageError(
		event,
		findMeeting(db, actor, event.params.group, event.params.n)
	);
	if (!allows(await rolesOf(db, actor.user, group.id), 'attendance.record')) {
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
		signedInAction(event, async (db, values, actor) => {
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
