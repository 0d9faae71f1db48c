import { intlLocale, type Locale, type Translate } from '$lib/i18n';
import type { LiveQuestion } from '$lib/realtime/live-types';
import { motionTitle } from '$lib/motions';
import { clockTime, speakerName } from '$lib/speakers';
import type { SpeakingRecord } from '../speakers/read';

type Vote = 'for' | 'against' | 'abstain';

/** What the generated draft is made from: the meeting's record as it stood when it closed. */
export type DraftSource = {
	meeting: {
		number: number;
		title: string;
		startsAt: Date;
		endsAt: Date;
		location: string | null;
		otherAttendees: number | null;
		/** When it went live: a question asked before was asked in advance (null: not known). */
		startedAt?: Date | null;
	};
	timeZone: string;
	attendance: { organisationName: string; status: 'present' | 'apologies' | 'absent' }[];
	agenda: { title: string; presenter: string | null }[];
	questions: LiveQuestion[];
	/** The meeting's motions, as the public reads them (none: no section). */
	motions?: {
		number: number;
		text: string;
		/** Set when carried amendments rewrote the motion (or absent). */
		originalText?: string | null;
		amendmentOf: number | null;
		amendedText?: string | null;
		state: string;
		proposedBy: string | null;
		proposedAs: string | null;
		secondedBy: string | null;
		declineReason: string | null;
		totals: Record<Vote, number> | null;
		result: {
			outcome: 'carried' | 'lost' | 'no_quorum' | null;
			members: number | null;
			quorumNeeded: number | null;
		} | null;
		votes: { organisation: string; vote: Vote }[] | null;
		notVoting: string[] | null;
	}[];
	commitments: { owner: string; description: string; dueOn: string; status: string }[];
	/** Who spoke from the speakers' list, per agenda item, and the totals (none: no section). */
	speakers?: SpeakingRecord;
};

/**
 * Text written by others goes into the draft as plain text: markdown's punctuation is escaped
 * and line breaks become spaces, so a question cannot restyle or break the minutes around it.
 */
export function plain(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`)
		.replace(/^(\d+)\./, '$1\\.')
		.replace(/^-/, '\\-');
}

/** The language a draft is written in: its messages and the locale of its dates. */
export type DraftLanguage = { t: Translate; locale: Locale };

function when(source: DraftSource, locale: Locale) {
	const format = (d: Date, part: 'full' | 'time') =>
		new Intl.DateTimeFormat(intlLocale(locale), {
			...(part === 'full' ? { dateStyle: 'full' as const } : {}),
			timeStyle: 'short',
			timeZone: source.timeZone
		}).format(d);
	return `${format(source.meeting.startsAt, 'full')} – ${format(source.meeting.endsAt, 'time')} (${source.timeZone})`;
}

function attendanceSection(source: DraftSource, t: Translate): string[] {
	const lines = [`## ${t('minutes.md.attendance')}`, ''];
	const byStatus = (status: 'present' | 'apologies' | 'absent') =>
		source.attendance.filter((a) => a.status === status).map((a) => plain(a.organisationName));
	if (!source.attendance.length) lines.push(t('minutes.md.attendance_none'));
	for (const status of ['present', 'apologies', 'absent'] as const) {
		const names = byStatus(status);
		if (names.length) lines.push(`- **${t(`attendance.status.${status}`)}:** ${names.join(', ')}`);
	}
	if (source.meeting.otherAttendees !== null) {
		lines.push(`- ${t('attendance.others', { count: source.meeting.otherAttendees })}`);
	}
	return lines;
}

function agendaSection(source: DraftSource, t: Translate): string[] {
	const lines = [`## ${t('agenda.title')}`, ''];
	if (!source.agenda.length) lines.push(t('minutes.md.agenda_none'));
	source.agenda.forEach((item, i) => {
		const presenter = item.presenter
			? ` (${t('agenda.presenter', { name: plain(item.presenter) })})`
			: '';
		lines.push(`${i + 1}. ${plain(item.title)}${presenter}`);
	});
	return lines;
}

function verdictText(q: LiveQuestion, t: Translate) {
	const v = q.verdict;
	if (v.answered + v.partly_answered + v.not_answered === 0) return t('minutes.md.no_verdict');
	return [
		`${t('answer.answered')} ${v.answered}`,
		`${t('answer.partly_answered')} ${v.partly_answered}`,
		`${t('answer.not_answered')} ${v.not_answered}`
	].join(', ');
}

/** Who asked: "Anonymous" and nothing else for an anonymous question. */
/** "Label: value", punctuated as the language does (French puts a space before the colon). */
function field(t: Translate, label: string, value: string) {
	return t('minutes.md.field', { label, value });
}

function askedBy(q: LiveQuestion, t: Translate) {
	if (q.anonymous) return t('live.anonymous');
	const name = q.askerName ? plain(q.askerName) : t('minutes.md.unnamed');
	return q.source === 'floor' ? `${name} (${t('live.from_floor')})` : name;
}

/**
 * Asked before the meeting went live (unknown, so never, for a meeting without a start). An
 * anonymous question's time is kept to the minute only (ask.ts), so the test is against the
 * minute the meeting started: a question asked within that minute, before or after, is not marked.
 */
export function askedInAdvance(q: Pick<LiveQuestion, 'askedAt'>, startedAt?: Date | null) {
	if (!startedAt) return false;
	const minute = new Date(startedAt);
	minute.setUTCSeconds(0, 0);
	return new Date(q.askedAt) < minute;
}

function questionsSection(source: DraftSource, t: Translate): string[] {
	const lines = [`## ${t('minutes.md.questions')}`, ''];
	const published = source.questions
		.filter((q) => q.state === 'published')
		.sort((a, b) => b.votes - a.votes || a.askedAt.localeCompare(b.askedAt));
	if (!published.length) lines.push(t('minutes.md.questions_none'));
	published.forEach((q, i) => {
		const marker = `${i + 1}. `;
		// Details nest under their question only when indented to its text ("10. " is 4 wide).
		const detail = `${' '.repeat(marker.length)}- `;
		lines.push(`${marker}${plain(q.text ?? '')}`);
		lines.push(`${detail}${field(t, t('minutes.md.asked_by'), askedBy(q, t))}`);
		if (askedInAdvance(q, source.meeting.startedAt))
			lines.push(`${detail}${t('minutes.md.in_advance')}`);
		lines.push(`${detail}${field(t, t('minutes.md.votes'), String(q.votes))}`);
		lines.push(`${detail}${field(t, t('minutes.md.status'), t(`answer.${q.answerStatus}`))}`);
		lines.push(`${detail}${field(t, t('live.verdict'), verdictText(q, t))}`);
		lines.push(
			`${detail}${field(t, t('minutes.md.summary'), q.answerSummary ? plain(q.answerSummary) : t('minutes.md.no_summary'))}`
		);
	});
	const moderated = source.questions.filter((q) => q.state === 'rejected' || q.state === 'merged');
	if (moderated.length) {
		lines.push('', `### ${t('live.moderation_log')}`, '');
		for (const q of moderated) {
			const what = q.state === 'merged' ? t('state.merged') : t('state.rejected');
			const reason = q.rejectionReason ? ` (${t(`rejection.${q.rejectionReason}`)})` : '';
			const text = q.text === null ? t('live.text_withheld') : plain(q.text);
			lines.push(`- ${field(t, `${what}${reason}`, text)}`);
		}
	}
	return lines;
}

/** Who spoke, per agenda item, for how long; then the time per organisation. */
function speakersSection(record: SpeakingRecord, t: Translate): string[] {
	const lines = [`## ${t('speakers.minutes_heading')}`, ''];
	for (const item of record.items) {
		lines.push(`### ${item.title ? plain(item.title) : t('speakers.no_item')}`, '');
		for (const turn of item.turns) {
			const speaker = speakerName(t, turn, plain);
			lines.push(`- ${t('speakers.minutes_turn', { speaker, duration: clockTime(turn.seconds) })}`);
		}
		if (item.notReached.length) {
			const speakers = item.notReached.map((r) => speakerName(t, r, plain)).join(', ');
			lines.push(`- ${t('speakers.not_reached', { speakers })}`);
		}
		lines.push('');
	}
	lines.push(`### ${t('speakers.totals')}`, '');
	for (const total of record.totals) {
		const organisation = total.organisation
			? plain(total.organisation)
			: t('speakers.no_organisation_total');
		lines.push(
			`- ${t('speakers.minutes_total', { organisation, turns: total.turns, duration: clockTime(total.seconds) })}`
		);
	}
	return lines;
}

/** Each motion: who proposed and seconded it, and its fate: the result with every organisation's vote. */
function motionsSection(source: DraftSource, t: Translate): string[] {
	const lines = [`## ${t('motions.title')}`, ''];
	(source.motions ?? []).forEach((m, i) => {
		const marker = `${i + 1}. `;
		const detail = `${' '.repeat(marker.length)}- `;
		lines.push(`${marker}**${motionTitle(t, m)}** ${plain(m.text)}`);
		if (m.originalText) {
			lines.push(`${detail}${field(t, t('motions.as_proposed'), plain(m.originalText))}`);
		}
		if (m.amendedText) {
			lines.push(`${detail}${field(t, t('motions.would_read'), plain(m.amendedText))}`);
		}
		const proposer = m.proposedBy
			? t('motions.proposed_by', { organisation: plain(m.proposedBy) })
			: m.proposedAs
				? t('motions.proposed_as', { office: t(`role.${m.proposedAs}` as 'role.chair') })
				: '';
		const seconder = m.secondedBy
			? t('motions.seconded_by', { organisation: plain(m.secondedBy) })
			: t('motions.not_seconded');
		lines.push(`${detail}${[proposer, seconder].filter(Boolean).join('; ')}`);
		if (m.declineReason) {
			lines.push(`${detail}${t('motions.decline_reason', { reason: plain(m.declineReason) })}`);
		} else if (m.result && m.totals) {
			const totals = t('motions.totals', m.totals);
			lines.push(
				`${detail}**${t(`motions.outcome.${m.result.outcome ?? 'no_quorum'}`)}** — ${totals}`
			);
			lines.push(
				`${detail}${t('motions.quorum', {
					cast: m.totals.for + m.totals.against + m.totals.abstain,
					members: m.result.members ?? 0,
					needed: m.result.quorumNeeded ?? 0
				})}`
			);
			for (const v of m.votes ?? []) {
				lines.push(`${detail}${field(t, plain(v.organisation), t(`motions.vote.${v.vote}`))}`);
			}
			if (m.notVoting?.length) {
				lines.push(
					`${detail}${t('motions.did_not_vote', { organisations: m.notVoting.map(plain).join(', ') })}`
				);
			}
		} else {
			lines.push(`${detail}${t(`motions.state.${m.state}` as 'motions.state.proposed')}`);
		}
	});
	return lines;
}

function actionsSection(source: DraftSource, t: Translate): string[] {
	const lines = [`## ${t('minutes.md.actions')}`, ''];
	if (!source.commitments.length) lines.push(t('minutes.md.actions_none'));
	for (const c of source.commitments) {
		lines.push(
			`- ${plain(c.description)} — ${field(t, t('minutes.md.owner'), plain(c.owner))}; ${field(t, t('minutes.md.due'), c.dueOn)}`
		);
	}
	return lines;
}

/**
 * The generated draft: readable markdown with a heading per section, for the secretary to edit.
 * Headings start at level 2: the minutes page owns the level-1 heading.
 */
export function draftMarkdown(source: DraftSource, { t, locale }: DraftLanguage): string {
	const { meeting } = source;
	const header = [
		`**${plain(t('meeting.heading', { number: meeting.number, title: meeting.title }))}**`,
		'',
		field(t, t('meeting.when'), when(source, locale))
	];
	if (meeting.location) header.push('', field(t, t('meeting.where'), plain(meeting.location)));
	return (
		[
			...header,
			'',
			...attendanceSection(source, t),
			'',
			...agendaSection(source, t),
			'',
			...questionsSection(source, t),
			'',
			...(source.motions?.length ? [...motionsSection(source, t), ''] : []),
			...(source.speakers?.items.length ? [...speakersSection(source.speakers, t), ''] : []),
			...actionsSection(source, t)
		].join('\n') + '\n'
	);
}
