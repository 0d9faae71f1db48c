import type { Delivery, Topic } from '$lib/schemas/notifications';

export { topics, deliveries, type Topic } from '$lib/schemas/notifications';

/**
 * Who hears of a notice: the group's followers; its member organisations' representatives; its
 * officers with the organisation whose question a promise answers; the person who asked.
 */
export type Audience = 'followers' | 'members' | 'officers_and_owner' | 'asker';

type KindRule = {
	topic: Topic;
	audience: Audience;
	/** Waits this long, so that changes in quick succession become one message. */
	settleMs: number;
};

const settle = 10 * 60_000;

export const noticeKinds = {
	/** A meeting published: its agenda is public from then (the email lists it). */
	'meeting.scheduled': { topic: 'meetings', audience: 'followers', settleMs: 0 },
	'meeting.changed': { topic: 'meetings', audience: 'followers', settleMs: settle },
	'meeting.cancelled': { topic: 'meetings', audience: 'followers', settleMs: 0 },
	/** An item added, changed, moved or removed on a published meeting's agenda. */
	'agenda.changed': { topic: 'agendas', audience: 'followers', settleMs: settle },
	'minutes.published': { topic: 'minutes', audience: 'followers', settleMs: 0 },
	'minutes.amended': { topic: 'minutes', audience: 'followers', settleMs: 0 },
	/** A named question's fate recorded (answered, partly answered, deferred): told as it stands then. */
	'question.fate': { topic: 'my_questions', audience: 'asker', settleMs: settle },
	/** A promise recorded in answer to a named question. */
	'question.ledger': { topic: 'my_questions', audience: 'asker', settleMs: 0 },
	/** Two days before the correction window of published minutes closes. */
	'correction.closing': { topic: 'corrections', audience: 'members', settleMs: 0 },
	'proposal.decided': { topic: 'proposals', audience: 'members', settleMs: 0 },
	'commitment.due_soon': { topic: 'commitments', audience: 'officers_and_owner', settleMs: 0 },
	'commitment.overdue': { topic: 'commitments', audience: 'officers_and_owner', settleMs: 0 }
} as const satisfies Record<string, KindRule>;

export type NoticeKind = keyof typeof noticeKinds;

export function isNoticeKind(kind: string): kind is NoticeKind {
	return Object.hasOwn(noticeKinds, kind);
}

/** How a subscriber takes a topic: their choice, or at once. */
export function deliveryOf(preferences: Record<string, Delivery>, topic: Topic): Delivery {
	const chosen = preferences[topic];
	return chosen === 'digest' || chosen === 'off' ? chosen : 'now';
}
