import type { OutgoingMail } from '../mail/outbox';
import { composeMail, type MailParagraph } from '../mail/compose';
import { translatorFor } from '../i18n';
import type { Locale, Message } from '$lib/i18n';
import { noticeKinds, type NoticeKind, type Topic } from './kinds';
import type { NoticeContent } from './content';
import type { Recipient } from './recipients';
import { settingsUrl, unsubscribeUrl } from './links';

/** Why someone receives a message, by audience: said at the foot of every email. */
const reasonKey = {
	followers: 'notify.because_follower',
	members: 'notify.because_member',
	officers_and_owner: 'notify.because_officer_or_owner',
	asker: 'notify.because_asker'
} as const;

function footer(recipient: Recipient, reason: Message): MailParagraph {
	return [
		reason,
		{ key: 'notify.settings', params: { url: settingsUrl(recipient.subscriberId) }, link: 'url' }
	];
}

/**
 * RFC 8058: mail clients show an "unsubscribe" button that POSTs to this address, with no
 * sign-in and no confirmation page; RFC 2369 `List-Id` names the group's list.
 */
function listHeaders(recipient: Recipient, topic: Topic, group: NoticeContent['group']) {
	return {
		'List-Unsubscribe': `<${unsubscribeUrl(recipient.subscriberId, topic)}>`,
		'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
		'List-Id': `<${group.slug}.${topic.replace('_', '-')}.openfloor>`
	};
}

/** One notice's email to one recipient, in their language. */
export function noticeMail(
	kind: NoticeKind,
	content: NoticeContent,
	recipient: Recipient
): OutgoingMail {
	const { topic, audience } = noticeKinds[kind];
	const reason: Message = { key: reasonKey[audience], params: { group: content.group.name } };
	return {
		kind: `notice.${kind}`,
		to: recipient.email,
		...composeMail(recipient.locale, content.subject(recipient.locale), [
			...content.paragraphs(recipient.locale),
			footer(recipient, reason)
		]),
		headers: listHeaders(recipient, topic, content.group),
		attachments: content.attachments,
		// The settings link lets whoever holds it change this person's choices.
		forgetBody: true
	};
}

/** One weekly email gathering a subscriber's digest notices: each one's subject and link. */
export function digestMail(
	recipient: Recipient,
	items: { content: NoticeContent }[]
): OutgoingMail {
	const t = translatorFor(recipient.locale as Locale);
	const lines: MailParagraph[] = items.map(({ content }) => {
		const subject = content.subject(recipient.locale);
		return [t(subject.key, subject.params), content.url];
	});
	return {
		kind: 'notice.digest',
		to: recipient.email,
		...composeMail(
			recipient.locale,
			{ key: 'notify.digest.subject', params: { count: items.length } },
			[
				[{ key: 'notify.digest.body', params: { count: items.length } }],
				...lines,
				footer(recipient, { key: 'notify.because_digest' })
			]
		),
		headers: {
			'List-Unsubscribe': `<${unsubscribeUrl(recipient.subscriberId, 'digest')}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		},
		forgetBody: true
	};
}
