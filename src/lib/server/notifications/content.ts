import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import {
	agendaItems,
	agendaProposals,
	commitments,
	groups,
	meetings,
	questions,
	type Group,
	type MailAttachment,
	type Meeting,
	type Notice
} from '../db/schema';
import { intlLocale, type Locale, type Message } from '$lib/i18n';
import type { MailParagraph } from '../mail/compose';
import { meetingsCalendar } from '../meetings/calendar';
import { latestVersion } from '../minutes/versions';
import { correctionDeadline } from '../minutes/rules';
import { publicOrigin } from '../config';
import type { NoticeKind } from './kinds';
import { subjectId } from './recipients';

/** A notice as every recipient reads it, in their language; null: nothing left to tell. */
export type NoticeContent = {
	group: Pick<Group, 'name' | 'slug'>;
	/** The page the message points to. */
	url: string;
	subject: (locale: Locale) => Message;
	paragraphs: (locale: Locale) => MailParagraph[];
	attachments?: MailAttachment[];
};

type When = { at: Date; zone: string; date?: boolean };

/**
 * Making an Intl.DateTimeFormat costs far more than using one, and a notice formats the same
 * date for each of its recipients: one per language, time zone and style, kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatWhen(locale: Locale, { at, zone, date }: When) {
	const key = `${locale} ${zone} ${date ? 'date' : 'time'}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(
			intlLocale(locale),
			date
				? { dateStyle: 'full', timeZone: zone }
				: { dateStyle: 'full', timeStyle: 'short', timeZone: zone }
		);
		formatters.set(key, formatter);
	}
	return formatter.format(at);
}

/** A due date (`YYYY-MM-DD`, a calendar day) in the reader's language. */
function formatDay(locale: Locale, day: string) {
	return formatWhen(locale, { at: new Date(`${day}T12:00:00Z`), zone: 'UTC', date: true });
}

/**
 * Reads what a notice is about as it stands when it is sent: a meeting changed twice in ten
 * minutes is told once, as it now is. Only what the public pages show goes into a message
 * (no private notes, no one else's address); a notice whose subject is gone or no longer public
 * (a question whose answer was undone) tells nothing.
 */
export async function noticeContent(db: Executor, notice: Notice): Promise<NoticeContent | null> {
	const [group] = await db.select().from(groups).where(eq(groups.id, notice.groupId));
	if (!group) return null;
	const origin = publicOrigin();
	const groupUrl = `${origin}/g/${group.slug}`;
	const id = subjectId(notice);
	const g = { group: group.name };
	const kind = notice.kind as NoticeKind;

	const meetingOf = async (meetingId: string) => {
		const [meeting] = await db
			.select()
			.from(meetings)
			.where(and(eq(meetings.id, meetingId), eq(meetings.groupId, group.id)));
		return meeting && meeting.state !== 'draft' ? meeting : undefined;
	};
	const meetingUrl = (meeting: Meeting) => `${groupUrl}/meetings/${meeting.number}`;
	const calendar = (meeting: Meeting): MailAttachment[] => [
		{
			filename: `meeting-${meeting.number}.ics`,
			contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
			content: meetingsCalendar(group, [meeting], origin)
		}
	];
	const agendaLines = async (meeting: Meeting): Promise<MailParagraph> => {
		const items = await db
			.select({ title: agendaItems.title })
			.from(agendaItems)
			.where(eq(agendaItems.meetingId, meeting.id))
			.orderBy(asc(agendaItems.position));
		return items.length === 0
			? [{ key: 'notify.agenda_empty' }]
			: [{ key: 'notify.agenda' }, ...items.map((item, i) => `${i + 1}. ${item.title}`)];
	};
	const meetingDetails =
		(meeting: Meeting) =>
		(locale: Locale): MailParagraph => [
			meeting.title,
			{
				key: 'notify.when',
				params: { when: formatWhen(locale, { at: meeting.startsAt, zone: group.timeZone }) }
			},
			...(meeting.location
				? [{ key: 'notify.where' as const, params: { place: meeting.location } }]
				: []),
			...(meeting.onlineUrl
				? [{ key: 'notify.online' as const, params: { url: meeting.onlineUrl }, link: 'url' }]
				: [])
		];
	const see = (url: string): MailParagraph => [{ key: 'notify.see', params: { url }, link: 'url' }];

	switch (kind) {
		case 'meeting.scheduled':
		case 'meeting.changed': {
			const meeting = await meetingOf(id);
			// A change to a meeting since cancelled or held: that is told, or nothing is left to tell.
			if (!meeting || (kind === 'meeting.changed' && meeting.state !== 'scheduled')) return null;
			const agenda = await agendaLines(meeting);
			const url = meetingUrl(meeting);
			return {
				group,
				url,
				subject: () => ({
					key:
						kind === 'meeting.scheduled'
							? 'notify.meeting_scheduled.subject'
							: 'notify.meeting_changed.subject',
					params: { ...g, number: meeting.number }
				}),
				paragraphs: (locale) => [
					[
						{
							key:
								kind === 'meeting.scheduled'
									? 'notify.meeting_scheduled.body'
									: 'notify.meeting_changed.body',
							params: { ...g, number: meeting.number }
						}
					],
					meetingDetails(meeting)(locale),
					agenda,
					see(url)
				],
				attachments: calendar(meeting)
			};
		}
		case 'meeting.cancelled': {
			const meeting = await meetingOf(id);
			if (!meeting || meeting.state !== 'cancelled') return null;
			const url = meetingUrl(meeting);
			return {
				group,
				url,
				subject: () => ({
					key: 'notify.meeting_cancelled.subject',
					params: { ...g, number: meeting.number }
				}),
				paragraphs: (locale) => [
					[{ key: 'notify.meeting_cancelled.body', params: { ...g, number: meeting.number } }],
					meetingDetails(meeting)(locale),
					...(meeting.cancelNote ? [[{ key: 'notify.reason' as const }, meeting.cancelNote]] : []),
					see(url)
				],
				attachments: calendar(meeting)
			};
		}
		case 'agenda.changed': {
			const meeting = await meetingOf(id);
			if (!meeting || (meeting.state !== 'scheduled' && meeting.state !== 'live')) return null;
			const url = `${meetingUrl(meeting)}/agenda`;
			const agenda = await agendaLines(meeting);
			return {
				group,
				url,
				subject: () => ({
					key: 'notify.agenda_changed.subject',
					params: { ...g, number: meeting.number }
				}),
				paragraphs: (locale) => [
					[{ key: 'notify.agenda_changed.body', params: { ...g, number: meeting.number } }],
					meetingDetails(meeting)(locale),
					agenda,
					see(url)
				]
			};
		}
		case 'minutes.published':
		case 'minutes.amended':
		case 'correction.closing': {
			const meeting = await meetingOf(id);
			const version = meeting && (await latestVersion(db, meeting.id));
			if (!meeting || !version) return null;
			const url = `${meetingUrl(meeting)}/minutes`;
			const deadline = correctionDeadline(version.publishedAt, group.correctionWindowDays);
			const until = (locale: Locale) => formatWhen(locale, { at: deadline, zone: group.timeZone });
			const params = {
				...g,
				number: meeting.number,
				title: meeting.title,
				version: version.version
			};
			if (kind === 'correction.closing') {
				if (deadline <= new Date()) return null;
				return {
					group,
					url,
					subject: () => ({ key: 'notify.correction_closing.subject', params }),
					paragraphs: (locale) => [
						[
							{ key: 'notify.correction_closing.body', params: { ...params, until: until(locale) } }
						],
						see(url)
					]
				};
			}
			return {
				group,
				url,
				subject: () => ({
					key:
						kind === 'minutes.published'
							? 'notify.minutes_published.subject'
							: 'notify.minutes_amended.subject',
					params
				}),
				paragraphs: (locale) => [
					[
						{
							key:
								kind === 'minutes.published'
									? 'notify.minutes_published.body'
									: 'notify.minutes_amended.body',
							params
						}
					],
					...(version.changeNote
						? [[{ key: 'notify.change_note' as const }, version.changeNote]]
						: []),
					[{ key: 'notify.corrections_until', params: { until: until(locale) } }],
					see(url)
				]
			};
		}
		case 'question.fate': {
			const [row] = await db
				.select({ question: questions, meeting: meetings })
				.from(questions)
				.innerJoin(meetings, eq(questions.meetingId, meetings.id))
				.where(and(eq(questions.id, id), eq(meetings.groupId, group.id)));
			const q = row?.question;
			const told = ['answered', 'partly_answered', 'deferred'] as const;
			if (!q || q.anonymous || q.state !== 'published') return null;
			if (!told.includes(q.answerStatus as (typeof told)[number])) return null;
			const url = meetingUrl(row.meeting);
			const status = q.answerStatus as (typeof told)[number];
			return {
				group,
				url,
				subject: () => ({
					key: `notify.question_${status}.subject`,
					params: { ...g, number: row.meeting.number }
				}),
				paragraphs: () => [
					[{ key: `notify.question_${status}.body`, params: { ...g, number: row.meeting.number } }],
					[{ key: 'notify.your_question' }, q.text],
					...(q.answerSummary
						? [[{ key: 'notify.answer_summary' as const }, q.answerSummary]]
						: []),
					see(url)
				]
			};
		}
		case 'question.ledger':
		case 'commitment.due_soon':
		case 'commitment.overdue': {
			const [row] = await db
				.select({ commitment: commitments, meeting: meetings })
				.from(commitments)
				.innerJoin(meetings, eq(commitments.meetingId, meetings.id))
				.where(and(eq(commitments.id, id), eq(meetings.groupId, group.id)));
			const c = row?.commitment;
			if (!c) return null;
			// A promise kept or dropped since: no reminder.
			if (kind !== 'question.ledger' && c.status !== 'open') return null;
			const url = `${groupUrl}/ledger#commitment-${c.id}`;
			const keyOf = {
				'question.ledger': 'notify.question_ledger',
				'commitment.due_soon': 'notify.commitment_due_soon',
				'commitment.overdue': 'notify.commitment_overdue'
			} as const;
			return {
				group,
				url,
				subject: (locale) => ({
					key: `${keyOf[kind]}.subject`,
					params: { ...g, due: formatDay(locale, c.dueOn) }
				}),
				paragraphs: (locale) => [
					[
						{
							key: `${keyOf[kind]}.body`,
							params: { ...g, number: row.meeting.number, due: formatDay(locale, c.dueOn) }
						}
					],
					[c.description],
					[{ key: 'notify.owner', params: { owner: c.owner } }],
					see(url)
				]
			};
		}
		case 'proposal.decided': {
			const [p] = await db
				.select()
				.from(agendaProposals)
				.where(and(eq(agendaProposals.id, id), eq(agendaProposals.groupId, group.id)));
			if (!p || (p.status !== 'accepted' && p.status !== 'declined')) return null;
			const meeting = await meetingOf(p.meetingId);
			const url = meeting ? `${meetingUrl(meeting)}/agenda` : groupUrl;
			const status = p.status;
			return {
				group,
				url,
				subject: () => ({
					key: `notify.proposal_${status}.subject`,
					params: { ...g, title: p.title }
				}),
				paragraphs: () => [
					[{ key: `notify.proposal_${status}.body`, params: { ...g, title: p.title } }],
					...(p.reason ? [[{ key: 'notify.reason' as const }, p.reason]] : []),
					see(url)
				]
			};
		}
	}
}
