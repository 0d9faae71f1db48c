import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { changePassword, changeProfile } from '$lib/server/auth/accounts';
import { requestEmailChange, resendConfirmation } from '$lib/server/auth/account-links';
import { listGroups } from '$lib/server/groups/groups';
import { rolesOfUser } from '$lib/server/groups/officers';
import { signedInAction } from '$lib/server/http/form';
import { applicationsOfUser } from '$lib/server/membership/register';
import { acceptInvitation, pendingInvitationsFor } from '$lib/server/membership/invitations';
import { endSession, startSession } from '$lib/server/http/session';
import { endOwnSession, ownSessions } from '$lib/server/auth/own-data';
import { deleteAccount } from '$lib/server/auth/delete-account';
import type { Actions, PageServerLoad } from './$types';
import { signedInActor } from '$lib/server/http/actor';

export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	const db = await getDb();
	const [roles, groups, applications, invitations, sessions] = await Promise.all([
		rolesOfUser(db, actor.user.id),
		listGroups(db),
		applicationsOfUser(db, actor.user.id),
		// Reachable here even if the email with the link never arrived.
		pendingInvitationsFor(db, actor.user.email),
		ownSessions(db, actor.user.id, event.locals.session?.id ?? null)
	]);
	const groupById = new Map(groups.map((g) => [g.id, g]));
	return {
		account: {
			email: actor.user.email,
			displayName: actor.user.displayName,
			isSiteAdmin: actor.user.isSiteAdmin,
			emailConfirmed: actor.user.emailConfirmed,
			locale: actor.user.locale ?? actor.locale
		},
		/** Back from a password reset (account-links.ts). */
		reset: event.url.searchParams.has('reset'),
		applications,
		invitations,
		sessions,
		roles: roles.flatMap((r) => {
			const group = groupById.get(r.groupId);
			return group ? [{ role: r.role, groupName: group.name, groupSlug: group.slug }] : [];
		})
	};
};

export const actions: Actions = {
	acceptInvitation: (event) =>
		signedInAction(event, async (db, values, actor) => ({
			accepted: await acceptInvitation(db, actor, { id: values.invitation ?? '' })
		})),
	profile: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await changeProfile(db, actor, values);
			return { saved: 'profile' as const };
		}),
	delete: async (event) => {
		const result = await signedInAction(event, async (db, values, actor) => {
			await deleteAccount(db, actor, values);
			await endSession(event);
		});
		if (result) return result;
		redirect(303, '/');
	},
	endSession: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await endOwnSession(db, actor, values);
			return { saved: 'endSession' as const };
		}),
	resend: (event) =>
		signedInAction(event, async (db, _values, actor) => {
			await resendConfirmation(db, actor);
			return { saved: 'resend' as const };
		}),
	email: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const requested = await requestEmailChange(db, actor, values);
			return { saved: 'email' as const, requested };
		}),
	password: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await changePassword(db, actor, values);
			// Every session of the account ended; this browser gets a fresh one.
			await startSession(event, actor.user.id);
			return { saved: 'password' as const };
		})
};
