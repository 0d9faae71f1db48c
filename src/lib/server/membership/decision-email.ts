import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { applications, groups, memberships } from '../db/schema';
import { config } from '../config';
import { composeMail, type MailParagraph } from '../mail/compose';
import { enqueueMail } from '../mail/outbox';
import { isLocale, type MessageKey } from '$lib/i18n';
import type { DecisionKind } from '../decision-log/log';

const headline: Partial<Record<DecisionKind, MessageKey>> = {
	'application.accepted': 'email.accepted',
	'application.refused': 'email.refused',
	'appeal.upheld': 'email.appeal_upheld',
	'appeal.overturned': 'email.appeal_overturned',
	'membership.ended': 'email.membership_ended'
};

/** The published reason the email repeats: the decision's, the appeal's or the membership end's. */
async function reasonFor(tx: Executor, app: typeof applications.$inferSelect, kind: DecisionKind) {
	if (kind.startsWith('appeal.')) return app.appealReason;
	if (kind !== 'membership.ended') return app.reason;
	const [membership] = await tx
		.select({ endReason: memberships.endReason })
		.from(memberships)
		.where(eq(memberships.applicationId, app.id));
	return membership?.endReason ?? null;
}

/**
 * Queues the email about one decision to the application's contact, inside the decision's own
 * transaction: it is sent exactly when the decision committed (mail/sender.ts sends it).
 */
export async function queueDecisionEmail(tx: Executor, applicationId: string, kind: DecisionKind) {
	let key = headline[kind];
	if (!key) return;
	const [row] = await tx
		.select({ app: applications, groupName: groups.name, slug: groups.slug })
		.from(applications)
		.innerJoin(groups, eq(applications.groupId, groups.id))
		.where(eq(applications.id, applicationId));
	if (!row) return;
	const { app } = row;
	// Nobody decided a refusal while membership was closed: the email says so, as the record does.
	if (kind === 'application.refused' && app.refusedWhileClosed) key = 'email.refused_while_closed';
	const reason = await reasonFor(tx, app, kind);
	const path = `/g/${row.slug}/applications/${app.id}`;
	const { origin } = config();
	const names = { organisation: app.organisationName, group: row.groupName };
	const paragraphs: MailParagraph[] = [
		[{ key: 'email.greeting', params: { name: app.contactName } }],
		[{ key, params: names }],
		...(reason ? [[{ key: 'email.reason' } as const, reason]] : []),
		[{ key: 'email.link', params: { url: origin ? origin + path : path }, link: 'url' }],
		[{ key: 'email.footer' }]
	];
	await enqueueMail(tx, {
		kind: 'application.decision',
		to: app.contactEmail,
		...composeMail(
			isLocale(app.locale) ? app.locale : 'en',
			{ key: 'email.subject', params: names },
			paragraphs
		)
	});
}
