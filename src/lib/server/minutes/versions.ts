import { and, asc, desc, eq, gt, or } from 'drizzle-orm';
import type { Executor } from '../db';
import { meetings, minutesVersions, type MinutesVersion } from '../db/schema';
import { notFound } from '../errors';

/** A version's columns, to select beside others. */
const columns = {
	meetingId: minutesVersions.meetingId,
	version: minutesVersions.version,
	markdown: minutesVersions.markdown,
	changeNote: minutesVersions.changeNote,
	publishedAt: minutesVersions.publishedAt,
	publishedBy: minutesVersions.publishedBy,
	publishedByName: minutesVersions.publishedByName
};

export type Version = MinutesVersion;

/** Every published version of a meeting's minutes, oldest first. */
export function listVersions(db: Executor, meetingId: string): Promise<Version[]> {
	return db
		.select(columns)
		.from(minutesVersions)
		.where(eq(minutesVersions.meetingId, meetingId))
		.orderBy(asc(minutesVersions.version));
}

export async function latestVersion(db: Executor, meetingId: string): Promise<Version | undefined> {
	const [row] = await db
		.select(columns)
		.from(minutesVersions)
		.where(eq(minutesVersions.meetingId, meetingId))
		.orderBy(desc(minutesVersions.version))
		.limit(1);
	return row;
}

/** One version, or a 404 when there is no such version. */
export function pickVersion(versions: Version[], wanted: number | string | null | undefined) {
	if (wanted === null || wanted === undefined || wanted === '') return versions.at(-1);
	const n = Number(wanted);
	const found = versions.find((v) => v.version === n);
	if (!found) throw notFound('minutes.version_not_found');
	return found;
}

/** A version's public fields, as the API and CSV give them. */
export function publicVersion(v: Version) {
	return {
		version: v.version,
		markdown: v.markdown,
		changeNote: v.changeNote,
		publishedAt: v.publishedAt.toISOString(),
		publishedBy: v.publishedByName
	};
}

/**
 * Every published version across a group's meetings, by meeting number then version, after the
 * cursor `number:version` (API pagination; one extra row tells if more follow).
 */
export function listGroupVersions(
	db: Executor,
	groupId: string,
	after: { number: number; version: number } | undefined,
	limit: number
) {
	return db
		.select({ ...columns, meetingNumber: meetings.number, meetingTitle: meetings.title })
		.from(minutesVersions)
		.innerJoin(meetings, eq(minutesVersions.meetingId, meetings.id))
		.where(
			and(
				eq(meetings.groupId, groupId),
				after
					? or(
							gt(meetings.number, after.number),
							and(eq(meetings.number, after.number), gt(minutesVersions.version, after.version))
						)
					: undefined
			)
		)
		.orderBy(asc(meetings.number), asc(minutesVersions.version))
		.limit(limit + 1);
}

/** The group's most recently published minutes (a first publication or an amendment), if any. */
export async function latestGroupMinutes(db: Executor, groupId: string) {
	const [row] = await db
		.select({
			meetingNumber: meetings.number,
			meetingTitle: meetings.title,
			version: minutesVersions.version,
			publishedAt: minutesVersions.publishedAt
		})
		.from(minutesVersions)
		.innerJoin(meetings, eq(minutesVersions.meetingId, meetings.id))
		.where(eq(meetings.groupId, groupId))
		.orderBy(desc(minutesVersions.publishedAt))
		.limit(1);
	return row;
}
