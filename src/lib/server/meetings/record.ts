import type { Executor } from '../db';
import type { Actor } from '../auth/authorise';
import { renderMarkdown } from '../markdown';
import { findMeeting } from './access';
import { listAgenda } from './agenda';
import { listAttendance } from './attendance';
import { mattersArising } from './matters-arising';
import { listProposals } from './proposals';
import { publicMeeting } from './meetings';
import { runningOrder } from './rules';
import { computeNow, type Share } from '../share';

/**
 * Everything public about one meeting: details, agenda in running order with planned starts and
 * papers, matters arising, proposals and attendance. Pages and the API both read this.
 */
export async function meetingRecord(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	share: Share = computeNow
) {
	// Whether the visitor may see the meeting is theirs alone; what it records is everyone's.
	const { group, meeting, canManage } = await findMeeting(db, actor, groupSlug, number);
	const [agenda, attendance, proposals, matters] = await share(`meeting:${meeting.id}`, () =>
		Promise.all([
			listAgenda(db, meeting.id),
			listAttendance(db, meeting.id),
			listProposals(db, meeting.id),
			mattersArising(db, group.id, meeting.id)
		])
	);
	return {
		group,
		meeting,
		canManage,
		agenda: runningOrder(meeting.startsAt, agenda),
		attendance,
		proposals,
		matters
	};
}

export type MeetingRecord = Awaited<ReturnType<typeof meetingRecord>>;

/** The record as the API gives it (and the page shows it): stable camelCase fields. */
export function publicRecord(record: MeetingRecord) {
	const { group, meeting } = record;
	const base = `/g/${group.slug}/meetings/${meeting.number}`;
	return {
		...publicMeeting(meeting, group),
		agenda: record.agenda.map((item, index) => ({
			id: item.id,
			position: index + 1,
			title: item.title,
			description: item.description,
			presenter: item.presenter,
			plannedMinutes: item.plannedMinutes,
			plannedStart: item.plannedStart.toISOString(),
			documents: item.documents.map((d) => ({
				id: d.id,
				kind: d.kind,
				title: d.title,
				url: d.kind === 'link' ? d.url : `${base}/documents/${d.id}`,
				size: d.size
			}))
		})),
		mattersArising: record.matters,
		proposals: record.proposals.map((p) => ({
			id: p.id,
			title: p.title,
			why: p.why,
			organisation: p.organisationName,
			status: p.status,
			reason: p.reason,
			proposedAt: p.proposedAt.toISOString(),
			decidedAt: p.decidedAt?.toISOString() ?? null,
			acceptedOnto: p.acceptedOnto
		})),
		attendance: record.attendance.map((a) => ({
			membershipId: a.membershipId,
			organisation: a.organisationName,
			status: a.status,
			apologiesSentBeforehand: a.sentByRepresentative
		}))
	};
}

/** Agenda descriptions as safe HTML, for the page. */
export function agendaHtml(record: MeetingRecord) {
	return Object.fromEntries(
		record.agenda.map((item) => [item.id, renderMarkdown(item.description)])
	);
}
