import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { config } from '$lib/server/config';
import { createGroup, listGroups } from '$lib/server/groups/groups';
import { appointOfficer } from '$lib/server/groups/officers';
import { mailDeliveries, retryMail } from '$lib/server/mail/deliveries';
import { signedInAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';
import { signedInActor } from '$lib/server/http/actor';

export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	if (!actor.user.isSiteAdmin) error(403, event.locals.t('error.not_allowed'));
	const db = await getDb();
	const [groups, mail] = await Promise.all([listGroups(db), mailDeliveries(db, actor)]);
	return {
		groups: groups.map(({ slug, name }) => ({ slug, name })),
		mail: { ...mail, configured: !!config().smtpUrl }
	};
};

export const actions: Actions = {
	createGroup: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const group = await createGroup(db, actor, values);
			return { created: group.slug };
		}),
	appointChair: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const appointment = await appointOfficer(db, actor, values.group ?? '', {
				email: values.email,
				role: 'chair'
			});
			return { appointed: appointment.displayName };
		}),
	retryMail: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await retryMail(db, actor, values);
			return { retried: values.id };
		})
};
