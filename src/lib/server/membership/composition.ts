import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { applications, membershipCategories } from '../db/schema';
import type { ApplicationStatus } from '../db/schema';
import { median } from './rules';
import { listMemberships } from './memberships';

export type CompositionInput = {
	categories: string[];
	memberships: { category: string; startedAt: Date; endedAt: Date | null }[];
	applications: {
		category: string;
		status: ApplicationStatus;
		submittedAt: Date;
		decidedAt: Date | null;
		refusedWhileClosed: boolean;
	}[];
	now: Date;
};

const day = 86_400_000;

/** "2026 Q3": the quarter (UTC) a moment falls in. */
export function quarterOf(date: Date) {
	return `${date.getUTCFullYear()} Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

function quartersBetween(from: Date, to: Date) {
	const out: string[] = [];
	let year = from.getUTCFullYear();
	let q = Math.floor(from.getUTCMonth() / 3);
	const last = quarterOf(to);
	for (;;) {
		const label = `${year} Q${q + 1}`;
		out.push(label);
		if (label === last || out.length > 400) return out;
		if (++q === 4) [q, year] = [0, year + 1];
	}
}

/**
 * The group's composition and how it came about, from its memberships and applications:
 * current members by category, joins and departures per quarter, applications by category and
 * outcome, and the median days from application to a decision (refusals made automatically
 * while membership was closed are left out: nobody considered them).
 */
export function compositionOf(input: CompositionInput) {
	const names = [
		...new Set([
			...input.categories,
			...input.memberships.map((m) => m.category),
			...input.applications.map((a) => a.category)
		])
	];
	const current = input.memberships.filter((m) => !m.endedAt || m.endedAt > input.now);
	const currentByCategory = names
		.map((category) => ({
			category,
			members: current.filter((m) => m.category === category).length
		}))
		.filter((row) => row.members > 0 || input.categories.includes(row.category));

	const starts = input.memberships.map((m) => m.startedAt.getTime());
	const flows = starts.length
		? quartersBetween(new Date(Math.min(...starts)), input.now).map((period) => ({
				period,
				joins: input.memberships.filter((m) => quarterOf(m.startedAt) === period).length,
				departures: input.memberships.filter((m) => m.endedAt && quarterOf(m.endedAt) === period)
					.length,
				members: 0
			}))
		: [];
	let members = 0;
	for (const flow of flows) {
		members += flow.joins - flow.departures;
		flow.members = members;
	}

	const count = (category: string, statuses: ApplicationStatus[]) =>
		input.applications.filter((a) => a.category === category && statuses.includes(a.status)).length;
	const byCategory = names
		.map((category) => ({
			category,
			received: input.applications.filter((a) => a.category === category).length,
			accepted: count(category, ['accepted']),
			refused: count(category, ['refused']),
			withdrawn: count(category, ['withdrawn']),
			pending: count(category, ['submitted', 'under_review'])
		}))
		.filter((row) => row.received > 0);

	const waits = input.applications
		.filter((a) => a.decidedAt && !a.refusedWhileClosed)
		.map((a) => (a.decidedAt!.getTime() - a.submittedAt.getTime()) / day);
	const middle = median(waits);
	return {
		currentMembers: current.length,
		currentByCategory,
		flows,
		byCategory,
		decided: waits.length,
		medianDaysToDecision: middle === undefined ? null : Math.round(middle * 10) / 10
	};
}

export type Composition = ReturnType<typeof compositionOf>;

/** Reads what the composition needs and computes it. */
export async function groupComposition(db: Executor, groupId: string, now = new Date()) {
	const [categories, memberships, apps] = await Promise.all([
		db
			.select({ name: membershipCategories.name, retiredAt: membershipCategories.retiredAt })
			.from(membershipCategories)
			.where(eq(membershipCategories.groupId, groupId))
			.orderBy(membershipCategories.position),
		listMemberships(db, groupId),
		db
			.select({
				category: membershipCategories.name,
				status: applications.status,
				submittedAt: applications.submittedAt,
				decidedAt: applications.decidedAt,
				refusedWhileClosed: applications.refusedWhileClosed
			})
			.from(applications)
			.innerJoin(membershipCategories, eq(applications.categoryId, membershipCategories.id))
			.where(eq(applications.groupId, groupId))
	]);
	return compositionOf({
		categories: categories.filter((c) => !c.retiredAt).map((c) => c.name),
		memberships,
		applications: apps,
		now
	});
}
