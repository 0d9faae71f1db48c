import { and, desc, eq, ne, notLike } from 'drizzle-orm';
import { intlLocale, type Locale, type MessageKey, type Translate } from '$lib/i18n';
import type { Executor } from '../db';
import { decisionLog, meetings, minutesVersions, type Group } from '../db/schema';
import { atomXml, type AtomEntry } from './atom';
import { latestCheckpoint } from '../decision-log/checkpoints';

/** Feed readers want recent news, not the archive. */
export const feedEntryLimit = 50;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The group's Atom feed: each published version of its minutes (first publication or
 * amendment), each entry of its decision log and each public meeting, newest first.
 * Ids are `tag:` URIs (RFC 4151) of the site's host, the group's creation date and the record's
 * own key, so they never change when a title does.
 */
export async function groupFeed(
	db: Executor,
	group: Group,
	options: { origin: string; t: Translate; locale: Locale }
): Promise<string> {
	const { origin, t, locale } = options;
	const groupUrl = `${origin}/g/${group.slug}`;
	const tag = (path: string) =>
		`tag:${new URL(origin).hostname},${group.createdAt.toISOString().slice(0, 10)}:openfloor/group/${group.id}/${path}`;
	const when = new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: 'full',
		timeStyle: 'short',
		timeZone: group.timeZone
	});

	const [versions, decisions, publicMeetings, checkpoint] = await Promise.all([
		db
			.select({
				meetingId: minutesVersions.meetingId,
				version: minutesVersions.version,
				changeNote: minutesVersions.changeNote,
				publishedAt: minutesVersions.publishedAt,
				publishedByName: minutesVersions.publishedByName,
				number: meetings.number,
				title: meetings.title
			})
			.from(minutesVersions)
			.innerJoin(meetings, eq(meetings.id, minutesVersions.meetingId))
			.where(eq(meetings.groupId, group.id))
			.orderBy(desc(minutesVersions.publishedAt))
			.limit(feedEntryLimit),
		db
			.select()
			.from(decisionLog)
			// Minutes have entries of their own (with the meeting and change note).
			.where(and(eq(decisionLog.groupId, group.id), notLike(decisionLog.kind, 'minutes.%')))
			.orderBy(desc(decisionLog.seq))
			.limit(feedEntryLimit),
		db
			.select()
			.from(meetings)
			.where(and(eq(meetings.groupId, group.id), ne(meetings.state, 'draft')))
			.orderBy(desc(meetings.updatedAt))
			.limit(feedEntryLimit),
		latestCheckpoint(db, group)
	]);

	const entries: AtomEntry[] = [
		...versions.map((v) => ({
			id: tag(`minutes/${v.meetingId}/${v.version}`),
			title:
				v.version === 1
					? t('feed.minutes.published', { number: v.number, title: v.title })
					: t('feed.minutes.amended', { version: v.version, number: v.number, title: v.title }),
			updated: v.publishedAt,
			published: v.publishedAt,
			link: `${groupUrl}/meetings/${v.number}/minutes`,
			summary: v.changeNote
				? t('feed.minutes.change', { name: v.publishedByName, note: v.changeNote })
				: t('feed.minutes.summary', { name: v.publishedByName })
		})),
		...decisions.map((d) => {
			const key = `kind.${d.kind}` as MessageKey;
			const kind = t(key) === key ? d.kind : t(key);
			const organisation = text(d.payload.organisation);
			return {
				id: tag(`decision/${d.seq}`),
				title: organisation ? `${kind}: ${organisation}` : kind,
				updated: d.at,
				published: d.at,
				link: `${groupUrl}/decisions#decision-${d.seq}`,
				summary: [
					t('feed.decision.summary', { seq: d.seq }),
					d.kind.startsWith('motion.') ? motionSummary(d.payload, t) : '',
					// A question's reason is a category code; its entry on the decisions page says it.
					d.kind.startsWith('question.') ? '' : text(d.payload.reason)
				]
					.filter(Boolean)
					.join(' ')
			};
		}),
		...publicMeetings.map((m) => ({
			id: tag(`meeting/${m.id}`),
			title: t(`feed.meeting.${m.state as Exclude<typeof m.state, 'draft'>}`, { title: m.title }),
			updated: m.updatedAt,
			published: m.createdAt,
			link: `${groupUrl}/meetings/${m.number}`,
			summary: [
				t('feed.meeting.summary', {
					number: m.number,
					when: `${when.format(m.startsAt)} (${group.timeZone})`
				}),
				m.state === 'cancelled' ? text(m.cancelNote) : '',
				m.location ?? ''
			]
				.filter(Boolean)
				.join(' ')
		}))
	]
		.sort((a, b) => b.updated.getTime() - a.updated.getTime())
		.slice(0, feedEntryLimit);

	return atomXml({
		id: tag('feed'),
		title: t('feed.title', { group: group.name }),
		subtitle: t('feed.subtitle', { group: group.name }),
		lang: locale,
		selfUrl: `${groupUrl}/feed.xml`,
		alternateUrl: groupUrl,
		author: { name: group.name, uri: groupUrl },
		createdAt: group.createdAt,
		entries,
		checkpoint
	});
}

/** A motion's entry: its text, and once decided its outcome and the totals. */
function motionSummary(payload: Record<string, unknown>, t: Translate) {
	const motion = t('decisions.motion', {
		number: String(payload.number),
		text: text(payload.text)
	});
	const counts = payload.counts as Record<'for' | 'against' | 'abstain', number> | undefined;
	const outcome = text(payload.outcome);
	if (!outcome || !counts) return motion;
	return `${motion} — ${t(`motions.outcome.${outcome}` as MessageKey)} (${t('motions.totals', counts)})`;
}
