import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from '../db';
import { applications, groups, memberships } from '../db/schema';
import { config } from '../config';
import { translatorFor } from '../i18n';
import { log } from '../log';
import { isLocale, type MessageKey } from '$lib/i18n';
import type { DecisionKind } from '../decision-log/log';

const transports = new Map<string, Transporter>();

function transportFor(url: string) {
	let transport = transports.get(url);
	if (!transport) {
		transport = nodemailer.createTransport(url);
		transports.set(url, transport);
	}
	return transport;
}

const headline: Partial<Record<DecisionKind, MessageKey>> = {
	'application.accepted': 'email.accepted',
	'application.refused': 'email.refused',
	'appeal.upheld': 'email.appeal_upheld',
	'appeal.overturned': 'email.appeal_overturned',
	'membership.ended': 'email.membership_ended'
};

/** Writes and sends the email about one decision to the application's contact. */
export async function sendDecisionEmail(
	db: Database,
	applicationId: string,
	kind: DecisionKind,
	settings: { smtpUrl: string; mailFrom: string; origin: string | undefined }
) {
	let key = headline[kind];
	if (!key) return;
	const [row] = await db
		.select({ app: applications, groupName: groups.name, slug: groups.slug })
		.from(applications)
		.innerJoin(groups, eq(applications.groupId, groups.id))
		.where(eq(applications.id, applicationId));
	if (!row) return;
	const { app } = row;
	// Nobody decided a refusal while membership was closed: the email says so, as the record does.
	if (kind === 'application.refused' && app.refusedWhileClosed) key = 'email.refused_while_closed';
	const t = translatorFor(isLocale(app.locale) ? app.locale : 'en');
	let reason = kind.startsWith('appeal.') ? app.appealReason : app.reason;
	if (kind === 'membership.ended') {
		const [membership] = await db
			.select({ endReason: memberships.endReason })
			.from(memberships)
			.where(eq(memberships.applicationId, app.id));
		reason = membership?.endReason ?? null;
	}
	const path = `/g/${row.slug}/applications/${app.id}`;
	const lines = [
		t('email.greeting', { name: app.contactName }),
		'',
		t(key, { organisation: app.organisationName, group: row.groupName }),
		...(reason ? ['', t('email.reason'), reason] : []),
		'',
		t('email.link', { url: settings.origin ? settings.origin + path : path }),
		'',
		t('email.footer')
	];
	await transportFor(settings.smtpUrl).sendMail({
		from: settings.mailFrom,
		to: app.contactEmail,
		subject: t('email.subject', { organisation: app.organisationName, group: row.groupName }),
		text: lines.join('\n')
	});
}

/**
 * Emails the applicant about a decision, after its transaction committed, when SMTP_URL is set.
 * It never delays or undoes the decision: a failure is logged, and the status is on the
 * applicant's account page either way.
 */
export function notifyDecision(db: Database, applicationId: string, kind: DecisionKind) {
	const { smtpUrl, mailFrom, origin } = config();
	if (!smtpUrl) return;
	sendDecisionEmail(db, applicationId, kind, { smtpUrl, mailFrom, origin }).catch(
		(error: unknown) => {
			log.warn(`decision email not sent (${kind})`, {
				application: applicationId,
				error: error instanceof Error ? error.message : String(error)
			});
		}
	);
}
