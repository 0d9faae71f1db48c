import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { minutesCorrections, questions, type MinutesCorrection } from '../db/schema';
import { allows, requireUser, rolesOf, type Actor } from '../auth/authorise';
import type { SessionUser } from '../auth/session';
import { consume, limits } from '../rate-limit';
import { conflict, notAllowed, notFound } from '../errors';
import { isUuid, parseInput } from '../validation';
import { recordAudit } from '../audit';
import { correctionSchema, declineSchema } from '$lib/schemas/minutes';
import type { Clock } from '../clock';
import { appendDecision } from '../decision-log/log';
import { actingMembership, representedOrganisations } from '../meetings/members';
import { minutesContext, minutesForChange, type MinutesContext } from './access';
import { correctionDeadline, correctionWindowOpen } from './rules';
import { latestVersion, type Version } from './versions';

/** Every correction submitted against a meeting's minutes, oldest first. */
export function listCorrections(db: Executor, meetingId: string) {
	return db
		.select()
		.from(minutesCorrections)
		.where(eq(minutesCorrections.meetingId, meetingId))
		.orderBy(asc(minutesCorrections.submittedAt));
}

/** A correction's public fields (the author is named: a correction is a public statement). */
export function publicCorrection(c: MinutesCorrection) {
	return {
		id: c.id,
		version: c.version,
		authorName: c.authorName,
		organisation: c.organisationName,
		text: c.text,
		state: c.state,
		reason: c.decisionReason,
		amendedInVersion: c.amendedInVersion,
		submittedAt: c.submittedAt.toISOString(),
		decidedAt: c.decidedAt?.toISOString() ?? null
	};
}

/**
 * What the decision log says about a correction decided: the organisation that challenged the
 * minutes (not the person: the log is permanent), the version challenged, and the outcome's
 * version (accepted) or reason (declined).
 */
export function correctionPayload(c: MinutesCorrection, meetingNumber: number) {
	return {
		meeting: meetingNumber,
		correction: c.id,
		version: c.version,
		organisation: c.organisationName,
		...(c.state === 'accepted'
			? { amendedInVersion: c.amendedInVersion }
			: { reason: c.decisionReason })
	};
}

/**
 * Who may challenge a meeting's minutes: an officer, a current member representative, or someone
 * who asked a named question at that meeting (signed in when asking).
 */
async function mayCorrect(db: Executor, user: SessionUser, context: MinutesContext) {
	if (allows(await rolesOf(db, user, context.group.id), 'minutes.write')) return true;
	if ((await representedOrganisations(db, context.group.id, user.id)).length) return true;
	const asked = await db
		.select({ id: questions.id })
		.from(questions)
		.where(
			and(
				eq(questions.meetingId, context.meeting.id),
				eq(questions.askerUserId, user.id),
				eq(questions.anonymous, false)
			)
		)
		.limit(1);
	return asked.length > 0;
}

/**
 * Whether the window is open, until when, and whether this visitor may use it (for the page).
 * `latest` is the latest published version, which the page has already read.
 */
export async function correctionWindow(
	db: Executor,
	actor: Actor,
	context: MinutesContext,
	latest: Pick<Version, 'publishedAt'> | undefined,
	clock: Clock = {}
) {
	if (!latest) return { open: false, deadline: null, eligible: false };
	const days = context.group.correctionWindowDays;
	const open = correctionWindowOpen(latest.publishedAt, days, clock.now ?? new Date());
	return {
		open,
		deadline: correctionDeadline(latest.publishedAt, days),
		eligible: open && actor.user !== null && (await mayCorrect(db, actor.user, context))
	};
}

/** A member representative, named attendee or officer challenges the published minutes. */
export async function submitCorrection(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown,
	clock: Clock = {}
) {
	const user = requireUser(actor);
	const context = await minutesContext(db, actor, groupSlug, number);
	const data = parseInput(correctionSchema, input);
	const latest = await latestVersion(db, context.meeting.id);
	if (!latest) throw conflict('correction.not_published');
	const now = clock.now ?? new Date();
	if (!correctionWindowOpen(latest.publishedAt, context.group.correctionWindowDays, now)) {
		throw conflict('correction.window_closed');
	}
	if (!(await mayCorrect(db, user, context))) throw notAllowed('correction.not_eligible');
	const represented = await representedOrganisations(db, context.group.id, user.id);
	const organisation = represented.length
		? await actingMembership(db, context.group.id, user, data.membershipId)
		: null;
	await consume(db, limits.correctionPerAccount, user.id);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(minutesCorrections)
			.values({
				meetingId: context.meeting.id,
				version: latest.version,
				authorUserId: user.id,
				authorName: user.displayName,
				organisationName: organisation?.organisationName ?? null,
				text: data.text,
				submittedAt: now
			})
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: context.group.id,
			action: 'minutes.correction',
			subject: row.id
		});
		return row;
	});
}

/** The secretary or chair declines a correction with a public reason: it stays as a dissent. */
export async function declineCorrection(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	correctionId: string,
	input: unknown,
	clock: Clock = {}
) {
	const { group, meeting, user } = await minutesForChange(db, actor, groupSlug, number);
	if (!isUuid(correctionId)) throw notFound('correction.not_found');
	const data = parseInput(declineSchema, input);
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select()
			.from(minutesCorrections)
			.where(
				and(eq(minutesCorrections.id, correctionId), eq(minutesCorrections.meetingId, meeting.id))
			)
			.for('update');
		if (!existing) throw notFound('correction.not_found');
		if (existing.state !== 'submitted') throw conflict('correction.already_decided');
		const [row] = await tx
			.update(minutesCorrections)
			.set({
				state: 'declined',
				decisionReason: data.reason,
				decidedBy: user.id,
				decidedAt: clock.now ?? new Date()
			})
			.where(eq(minutesCorrections.id, existing.id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'minutes.correction.decline',
			subject: row.id
		});
		await appendDecision(tx, group.id, {
			kind: 'correction.declined',
			subject: `correction:${row.id}`,
			at: row.decidedAt ?? new Date(),
			payload: correctionPayload(row, meeting.number)
		});
		return row;
	});
}
