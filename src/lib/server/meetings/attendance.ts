import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { Executor } from '../db';
import { attendance, meetings, memberships, type AttendanceStatus } from '../db/schema';
import { authorise, requireUser, type Actor } from '../auth/authorise';
import { conflict, invalidField } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { getGroup } from '../groups/groups';
import { attendanceSchema } from '$lib/schemas/meetings';
import { findMeeting, lockMeeting } from './access';
import { actingMembership, membersAt } from './members';
import type { Clock } from '../clock';

/** The attendance recorded for a meeting, by organisation name. */
export function listAttendance(db: Executor, meetingId: string) {
	return db
		.select({
			membershipId: attendance.membershipId,
			organisationName: memberships.organisationName,
			status: attendance.status,
			sentByRepresentative: attendance.sentByRepresentative
		})
		.from(attendance)
		.innerJoin(memberships, eq(attendance.membershipId, memberships.id))
		.where(eq(attendance.meetingId, meetingId))
		.orderBy(memberships.organisationName);
}

/**
 * The secretary (or chair) records, for member organisations, present / apologies / absent, and
 * how many other people attended. Entries not sent keep what was recorded before.
 */
export async function recordAttendance(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'attendance.record', group.id);
	const { meeting: found } = await findMeeting(db, actor, groupSlug, number);
	const data = parseInput(attendanceSchema, input);
	await db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		if (meeting.state === 'draft' || meeting.state === 'cancelled') {
			throw conflict('attendance.not_open', 'entries');
		}
		const members = new Set((await membersAt(tx, group.id, meeting)).map((m) => m.id));
		for (const [index, entry] of data.entries.entries()) {
			if (!members.has(entry.membershipId)) {
				throw invalidField(`entries.${index}.membershipId`, 'attendance.not_member');
			}
		}
		for (const entry of data.entries) {
			await tx
				.insert(attendance)
				.values({
					meetingId: meeting.id,
					membershipId: entry.membershipId,
					status: entry.status,
					recordedBy: user.id
				})
				.onConflictDoUpdate({
					target: [attendance.meetingId, attendance.membershipId],
					set: {
						status: entry.status,
						recordedBy: user.id,
						recordedAt: new Date(),
						// Apologies the representative sent stay credited to them if unchanged.
						sentByRepresentative:
							entry.status === 'apologies' ? sql`${attendance.sentByRepresentative}` : false
					}
				});
		}
		if (data.otherAttendees !== undefined) {
			await tx
				.update(meetings)
				.set({ otherAttendees: data.otherAttendees })
				.where(eq(meetings.id, meeting.id));
		}
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'attendance.record',
			subject: String(meeting.number),
			details: {
				entries: data.entries.map((e) => [e.membershipId, e.status]),
				otherAttendees: data.otherAttendees
			}
		});
	});
	return listAttendance(db, found.id);
}

const apologiesSchema = v.object({ membershipId: v.optional(v.string()) });

/** A member organisation's representative sends apologies before the meeting starts. */
export async function sendApologies(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown,
	clock: Clock = {}
) {
	const user = requireUser(actor);
	const { group, meeting: found } = await findMeeting(db, actor, groupSlug, number);
	const { membershipId } = parseInput(apologiesSchema, input ?? {});
	const organisation = await actingMembership(db, group.id, user, membershipId || undefined);
	await db.transaction(async (tx) => {
		const meeting = await lockMeeting(tx, found.id);
		if (meeting.state !== 'scheduled' || meeting.startsAt <= (clock.now ?? new Date())) {
			throw conflict('attendance.too_late');
		}
		await tx
			.insert(attendance)
			.values({
				meetingId: meeting.id,
				membershipId: organisation.id,
				status: 'apologies',
				sentByRepresentative: true,
				recordedBy: user.id
			})
			.onConflictDoUpdate({
				target: [attendance.meetingId, attendance.membershipId],
				set: { status: 'apologies', sentByRepresentative: true, recordedBy: user.id }
			});
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'attendance.apologies',
			subject: String(meeting.number),
			details: { membershipId: organisation.id }
		});
	});
	return organisation;
}

export type AttendanceSummary = {
	membershipId: string;
	organisationName: string;
	counts: Record<AttendanceStatus, number>;
	meetings: number;
};

/** For the group page: each current member organisation's attendance over the last held meetings. */
export async function attendanceByOrganisation(
	db: Executor,
	groupId: string,
	lastMeetings = 5
): Promise<{ meetings: number; organisations: AttendanceSummary[] }> {
	const held = await db
		.select({ id: meetings.id })
		.from(meetings)
		.where(and(eq(meetings.groupId, groupId), eq(meetings.state, 'closed')))
		.orderBy(desc(meetings.startsAt))
		.limit(lastMeetings);
	if (held.length === 0) return { meetings: 0, organisations: [] };
	const rows = await db
		.select({
			membershipId: memberships.id,
			organisationName: memberships.organisationName,
			status: attendance.status,
			count: sql<number>`count(*)::int`
		})
		.from(attendance)
		.innerJoin(memberships, eq(attendance.membershipId, memberships.id))
		.where(
			inArray(
				attendance.meetingId,
				held.map((m) => m.id)
			)
		)
		.groupBy(memberships.id, memberships.organisationName, attendance.status);
	const byOrganisation = new Map<string, AttendanceSummary>();
	for (const row of rows) {
		const summary = byOrganisation.get(row.membershipId) ?? {
			membershipId: row.membershipId,
			organisationName: row.organisationName,
			counts: { present: 0, apologies: 0, absent: 0 },
			meetings: held.length
		};
		summary.counts[row.status] = Number(row.count);
		byOrganisation.set(row.membershipId, summary);
	}
	return {
		meetings: held.length,
		organisations: [...byOrganisation.values()].sort((a, b) =>
			a.organisationName.localeCompare(b.organisationName)
		)
	};
}
