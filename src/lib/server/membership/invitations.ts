import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { applications, groups, representativeInvitations as invitations } from '../db/schema';
import { requireUser, type Actor } from '../auth/authorise';
import { generateToken, hashToken } from '../auth/token';
import { conflict, DomainError, notFound } from '../errors';
import { consume, limits } from '../rate-limit';
import { parseInput, isUuid } from '../validation';
import { recordAudit } from '../audit';
import { inviteSchema, revokeInvitationSchema } from '$lib/schemas/representatives';
import { nowOf } from './common';
import { publicOrigin } from '../config';
import { composeMail } from '../mail/compose';
import { announceMail, enqueueMail } from '../mail/outbox';
import { isLocale, type Locale } from '$lib/i18n';
import type { Clock } from '../clock';
import {
	actingFor,
	addRepresentative,
	isRepresentative,
	representsByEmail
} from './representatives';
import { invitationLifetimeDays, invitationState, whyNotAccept } from './invitation-rules';

const day = 24 * 60 * 60 * 1000;

/** The address of an invitation's page: the only place its token is ever written. */
export const invitationPath = (token: string) => `/invitations/${token}`;

/**
 * A representative invites someone, by email, to act for the organisation too: the link is
 * emailed (queued in this transaction) and returned, for the page to show once (only the token's
 * hash is stored). An earlier pending invitation to the same address is revoked, so one link at a
 * time is live.
 */
export async function inviteRepresentative(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown,
	options: Clock = {}
) {
	const { user, group, app } = await actingFor(db, actor, groupSlug, id);
	const { email } = parseInput(inviteSchema, input);
	await consume(db, limits.invitePerAccount, user.id);
	const now = nowOf(options);
	const token = generateToken();
	const invitation = await db.transaction(async (tx) => {
		if (await representsByEmail(tx, app.id, email)) {
			throw conflict('representative.already', 'email');
		}
		await tx
			.update(invitations)
			.set({ revokedAt: now, revokedBy: user.id })
			.where(and(eq(invitations.applicationId, app.id), eq(invitations.email, email), open(now)));
		const [row] = await tx
			.insert(invitations)
			.values({
				applicationId: app.id,
				email,
				tokenHash: hashToken(token),
				invitedBy: user.id,
				createdAt: now,
				expiresAt: new Date(now.getTime() + invitationLifetimeDays * day)
			})
			.returning();
		await queueInvitationEmail(tx, {
			email,
			token,
			organisation: app.organisationName,
			group: group.name,
			locale: isLocale(actor.locale) ? actor.locale : 'en'
		});
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'representative.invited',
			subject: app.id,
			details: { organisation: app.organisationName, invitation: row.id }
		});
		return row;
	});
	announceMail();
	return { invitation, token, path: invitationPath(token) };
}

/**
 * The invitation's email, queued in the invitation's transaction. It names the organisation and
 * the group, never the person who invited (who represents an organisation is not public).
 */
async function queueInvitationEmail(
	tx: Executor,
	invite: { email: string; token: string; organisation: string; group: string; locale: Locale }
) {
	const url = publicOrigin() + invitationPath(invite.token);
	const names = { organisation: invite.organisation, group: invite.group };
	await enqueueMail(tx, {
		kind: 'representative.invitation',
		forgetBody: true,
		to: invite.email,
		...composeMail(invite.locale, { key: 'mail.invitation.subject', params: names }, [
			[{ key: 'mail.invitation.body', params: names }],
			[{ key: 'mail.invitation.link', params: { url }, link: 'url' }],
			[{ key: 'mail.invitation.expires', params: { days: invitationLifetimeDays } }],
			[{ key: 'mail.not_you' }]
		])
	});
}

/** Not accepted, not revoked, not expired. */
const open = (now: Date) =>
	and(
		isNull(invitations.acceptedAt),
		isNull(invitations.revokedAt),
		gt(invitations.expiresAt, now)
	);

/** Every invitation still open to `email` is taken back (its account is being deleted). */
export async function revokeInvitationsTo(tx: Executor, email: string, now: Date) {
	await tx
		.update(invitations)
		.set({ revokedAt: now })
		.where(and(eq(invitations.email, email), open(now)));
}

/** A representative takes back an invitation that is still pending. */
export async function revokeInvitation(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown,
	options: Clock = {}
) {
	const { user, group, app } = await actingFor(db, actor, groupSlug, id);
	const { invitation } = parseInput(revokeInvitationSchema, input);
	const now = nowOf(options);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(invitations)
			.set({ revokedAt: now, revokedBy: user.id })
			.where(and(eq(invitations.id, invitation), eq(invitations.applicationId, app.id), open(now)))
			.returning();
		if (!row) throw conflict('invitation.not_pending');
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'representative.invitation_revoked',
			subject: app.id,
			details: { organisation: app.organisationName, invitation: row.id }
		});
		return row;
	});
}

/** The pending invitations of an organisation (its representatives and officers see them). */
export function pendingInvitationsOf(db: Executor, applicationId: string, now = new Date()) {
	return db
		.select({ id: invitations.id, email: invitations.email, expiresAt: invitations.expiresAt })
		.from(invitations)
		.where(and(eq(invitations.applicationId, applicationId), open(now)))
		.orderBy(asc(invitations.createdAt));
}

const withOrganisation = {
	invitation: invitations,
	organisationName: applications.organisationName,
	groupName: groups.name,
	groupSlug: groups.slug
};

function invitationsWithOrganisation(db: Executor) {
	return db
		.select(withOrganisation)
		.from(invitations)
		.innerJoin(applications, eq(applications.id, invitations.applicationId))
		.innerJoin(groups, eq(groups.id, applications.groupId));
}

/** The pending invitations addressed to an account's email (its account page offers them). */
export async function pendingInvitationsFor(db: Executor, email: string, now = new Date()) {
	const rows = await invitationsWithOrganisation(db)
		.where(and(eq(invitations.email, email.toLowerCase()), open(now)))
		.orderBy(desc(invitations.createdAt));
	return rows.map((r) => ({
		id: r.invitation.id,
		organisationName: r.organisationName,
		groupName: r.groupName,
		groupSlug: r.groupSlug,
		expiresAt: r.invitation.expiresAt
	}));
}

/**
 * What an invitation's link shows: the organisation and group, and where the invitation stands.
 * An unknown (altered) token is not found; nothing about an invitation is told without its token.
 */
export async function readInvitation(db: Executor, token: string, now = new Date()) {
	const [row] = await invitationsWithOrganisation(db).where(
		eq(invitations.tokenHash, hashToken(token))
	);
	if (!row) throw notFound('invitation.not_found');
	return {
		organisationName: row.organisationName,
		groupName: row.groupName,
		groupSlug: row.groupSlug,
		applicationId: row.invitation.applicationId,
		expiresAt: row.invitation.expiresAt,
		state: invitationState(row.invitation, now)
	};
}

/**
 * The signed-in account accepts an invitation, named by its link's token or (from the account
 * page, where the token is unknown) by its id: `whyNotAccept` decides, the invitation is used
 * once, and the account becomes a representative. A refusal changes nothing.
 */
export async function acceptInvitation(
	db: Database,
	actor: Actor,
	ref: { token: string } | { id: string },
	options: Clock = {}
) {
	const user = requireUser(actor);
	const now = nowOf(options);
	if ('id' in ref && !isUuid(ref.id)) throw notFound('invitation.not_found');
	const which =
		'token' in ref ? eq(invitations.tokenHash, hashToken(ref.token)) : eq(invitations.id, ref.id);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.select({ ...withOrganisation, groupId: groups.id })
			.from(invitations)
			.innerJoin(applications, eq(applications.id, invitations.applicationId))
			.innerJoin(groups, eq(groups.id, applications.groupId))
			.where(which)
			.for('update', { of: invitations });
		if (!row) throw notFound('invitation.not_found');
		const refusal = whyNotAccept(row.invitation, user, now);
		if (refusal) throw new DomainError(refusal.code, { key: refusal.key });
		await tx
			.update(invitations)
			.set({ acceptedAt: now, acceptedBy: user.id })
			.where(eq(invitations.id, row.invitation.id));
		const applicationId = row.invitation.applicationId;
		if (!(await isRepresentative(tx, applicationId, user.id))) {
			await addRepresentative(tx, applicationId, user.id, row.invitation.invitedBy, now);
		}
		await recordAudit(tx, {
			actorId: user.id,
			groupId: row.groupId,
			action: 'representative.added',
			subject: applicationId,
			details: { organisation: row.organisationName, invitation: row.invitation.id }
		});
		return { applicationId, groupSlug: row.groupSlug, organisationName: row.organisationName };
	});
}
