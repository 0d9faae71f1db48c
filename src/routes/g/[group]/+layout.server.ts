import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { isDomainError } from '$lib/server/errors';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group).catch((e: unknown) => {
		if (isDomainError(e)) error(404, locals.t('group.not_found'));
		throw e;
	});
	const roles = await rolesOf(db, locals.user, group.id);
	return {
		group: {
			slug: group.slug,
			name: group.name,
			institution: group.institution,
			membershipOpen: group.membershipOpen,
			timeZone: group.timeZone,
			language: group.language
		},
		/** What the visitor may do here, for showing controls (every action checks again). */
		can: {
			appointSecretary: allows(roles, 'officer.appoint.secretary'),
			appointChair: allows(roles, 'officer.appoint.chair'),
			appointViceChair: allows(roles, 'officer.appoint.vice_chair'),
			appointRespondent: allows(roles, 'officer.appoint.respondent'),
			setAppeals: allows(roles, 'appeals.set'),
			setMotionRules: allows(roles, 'motion.rules'),
			setSpeakingTurn: allows(roles, 'speakers.settings'),
			reviewApplications: allows(roles, 'application.review'),
			decideApplications: allows(roles, 'application.decide'),
			endMemberships: allows(roles, 'membership.end'),
			openMembership: allows(roles, 'membership.open'),
			manageCategories: allows(roles, 'membership.categories'),
			readAudit: allows(roles, 'audit.read')
		}
	};
};
