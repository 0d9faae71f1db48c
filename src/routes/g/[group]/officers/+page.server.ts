import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { rolesOf } from '$lib/server/auth/authorise';
import {
	appointOfficer,
	endAppointment,
	listOfficers,
	mayRemove
} from '$lib/server/groups/officers';
import { signedInAction } from '$lib/server/http/form';
import { setAppealsBy } from '$lib/server/membership/appeals';
import { setMotionRules } from '$lib/server/motions/settings';
import { setSpeakingTurn } from '$lib/server/speakers/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const [officers, roles] = await Promise.all([
		listOfficers(db, group.id),
		rolesOf(db, locals.user, group.id)
	]);
	const now = Date.now();
	const isCurrent = (o: { endedAt: Date | null }) => !o.endedAt || o.endedAt.getTime() > now;
	return {
		appealsBy: group.appealsBy,
		motionRules: { quorum: group.motionQuorum, majority: group.motionMajority },
		speakingTurnSeconds: group.speakingTurnSeconds,
		current: officers.filter(isCurrent).map(({ userId, ...o }) => ({
			...o,
			// Each action checks again; these only decide which buttons to show.
			mayEnd: userId === locals.user?.id || mayRemove(roles, o.role),
			own: userId === locals.user?.id
		})),
		past: officers
			.filter((o) => !isCurrent(o))
			.map(({ userId: _, ...o }) => o)
			.sort((a, b) => b.endedAt!.getTime() - a.endedAt!.getTime())
	};
};

export const actions: Actions = {
	appoint: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const appointment = await appointOfficer(db, actor, event.params.group, values);
			return { appointed: appointment.displayName, role: appointment.role };
		}),
	end: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await endAppointment(db, actor, event.params.group, values.id ?? '', values);
			return { ended: true };
		}),
	motionRules: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await setMotionRules(db, actor, event.params.group, values);
			return { motionRulesSaved: true };
		}),
	speakingTurn: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await setSpeakingTurn(db, actor, event.params.group, values);
			return { speakingTurnSaved: true };
		}),
	appeals: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await setAppealsBy(db, actor, event.params.group, values);
			return { appealsSaved: true };
		})
};
