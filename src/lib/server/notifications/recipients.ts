import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db';
import type { Notice } from '../db/schema';
import type { Delivery } from '$lib/schemas/notifications';
import { isLocale, type Locale } from '$lib/i18n';
import { noticeKinds, type Audience, type NoticeKind } from './kinds';

export type Recipient = {
	subscriberId: string;
	email: string;
	locale: Locale;
	preferences: Record<string, Delivery>;
};

/** The id a notice's subject names (`meeting:<id>` → `<id>`). */
export function subjectId(notice: Pick<Notice, 'subject'>) {
	return notice.subject.slice(notice.subject.indexOf(':') + 1);
}

/** The account that asked a named question (an anonymous one has none: it is told nothing). */
const questionAsker = (questionId: string) =>
	sql`select asker_user_id from questions where id = ${questionId} and not anonymous
		and asker_user_id is not null`;

/** The account that asked the named question a promise answers. */
const commitmentAsker = (commitmentId: string) =>
	sql`select q.asker_user_id from commitments c join questions q on q.id = c.question_id
		where c.id = ${commitmentId} and not q.anonymous and q.asker_user_id is not null`;

/**
 * The accounts a notice is for, when its audience is people rather than followers: the group's
 * member organisations' current representatives; its current officers with the person whose
 * named question a promise answers and the organisations they act for; the person who asked.
 */
function audienceUsers(audience: Exclude<Audience, 'followers'>, notice: Notice): SQL {
	const id = subjectId(notice);
	switch (audience) {
		case 'members':
			return sql`select r.user_id from representatives r
				join memberships m on m.application_id = r.application_id
				where m.group_id = ${notice.groupId} and m.ended_at is null and r.removed_at is null`;
		case 'asker':
			return notice.subject.startsWith('commitment:') ? commitmentAsker(id) : questionAsker(id);
		case 'officers_and_owner': {
			const asker = commitmentAsker(id);
			return sql`
				select user_id from group_roles where group_id = ${notice.groupId}
					and (ended_at is null or ended_at > now())
				union ${asker}
				union select r.user_id from representatives r
					join memberships m on m.application_id = r.application_id
					where m.group_id = ${notice.groupId} and m.ended_at is null and r.removed_at is null
					and r.application_id in (select application_id from representatives
						where removed_at is null and user_id in (${asker}))`;
		}
	}
}

/**
 * The next `size` recipients of a notice after `cursor` (subscriber ids, in order): a batch the
 * notifier can resume from. Only confirmed addresses: an account whose address is unconfirmed,
 * or an address whose opt-in link was never followed, receives nothing. Accounts in a people
 * audience get a subscriber row the first time (it carries their choices and their links).
 */
export async function recipientsAfter(
	tx: Executor,
	notice: Notice,
	cursor: string | null,
	size: number
): Promise<Recipient[]> {
	const audience = noticeKinds[notice.kind as NoticeKind].audience;
	const after = cursor ? sql`and s.id > ${cursor}` : sql``;
	let rows: { id: string; email: string; locale: string | null; preferences: unknown }[];
	if (audience === 'followers') {
		rows = rowsOf(
			await tx.execute(sql`
				select s.id, coalesce(u.email, s.email) as email, coalesce(u.locale, s.locale) as locale,
					s.preferences
				from follows f
				join subscribers s on s.id = f.subscriber_id
				left join users u on u.id = s.user_id
				where f.group_id = ${notice.groupId} and f.confirmed_at is not null
					and (u.email_confirmed_at is not null or s.user_id is null)
					${after}
				order by s.id limit ${size}`)
		);
	} else {
		const users = audienceUsers(audience, notice);
		if (!cursor) {
			await tx.execute(sql`insert into subscribers (user_id)
				select distinct user_id from (${users}) as audience(user_id) where user_id is not null
				on conflict do nothing`);
		}
		rows = rowsOf(
			await tx.execute(sql`
				select s.id, u.email, u.locale, s.preferences
				from subscribers s join users u on u.id = s.user_id
				where s.user_id in (${users}) and u.email_confirmed_at is not null ${after}
				order by s.id limit ${size}`)
		);
	}
	return rows.map((row) => ({
		subscriberId: row.id,
		email: row.email,
		locale: isLocale(row.locale) ? row.locale : 'en',
		preferences: (typeof row.preferences === 'string'
			? JSON.parse(row.preferences)
			: row.preferences) as Record<string, Delivery>
	}));
}
