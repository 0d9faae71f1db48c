import { and, desc, eq, inArray, isNotNull, or, sql, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { applications, groups, membershipCategories, type Application } from '../db/schema';
import { openStatuses } from './rules';
import { categoryNameOf } from './common';
import { representedBy } from './representatives';

/** How the register filters by outcome: where each application stands now. */
export const outcomes = ['pending', 'accepted', 'refused', 'withdrawn', 'appealed'] as const;
export type Outcome = (typeof outcomes)[number];

export type RegisterFilter = { outcome?: Outcome; categoryId?: string; year?: number };

const registerColumns = { app: applications, category: membershipCategories.name };

function filterWhere(groupId: string, filter: RegisterFilter): SQL | undefined {
	const outcome: Record<Outcome, SQL | undefined> = {
		pending: inArray(applications.status, [...openStatuses]),
		accepted: eq(applications.status, 'accepted'),
		refused: eq(applications.status, 'refused'),
		withdrawn: eq(applications.status, 'withdrawn'),
		appealed: isNotNull(applications.appealStatus)
	};
	return and(
		eq(applications.groupId, groupId),
		filter.outcome ? outcome[filter.outcome] : undefined,
		filter.categoryId ? eq(applications.categoryId, filter.categoryId) : undefined,
		filter.year
			? sql`extract(year from ${applications.submittedAt} at time zone 'UTC') = ${filter.year}`
			: undefined
	);
}

/** `submittedAt|id` of the last item shown: the register pages newest first. */
export function registerCursor(item: { submittedAt: string; id: string }) {
	return `${item.submittedAt}|${item.id}`;
}

/**
 * One page of the register, newest first, after `cursor`; one extra row tells whether more
 * follow. Every application ever received, whatever became of it.
 */
export async function listApplications(
	db: Executor,
	groupId: string,
	filter: RegisterFilter,
	options: { cursor?: string; limit: number }
) {
	const [at, id] = options.cursor?.split('|') ?? [];
	const after =
		at && id && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/i.test(id)
			? or(
					lt(applications.submittedAt, new Date(at)),
					and(eq(applications.submittedAt, new Date(at)), lt(applications.id, id))
				)
			: undefined;
	const rows = await db
		.select(registerColumns)
		.from(applications)
		.innerJoin(membershipCategories, eq(applications.categoryId, membershipCategories.id))
		.where(and(filterWhere(groupId, filter), after))
		.orderBy(desc(applications.submittedAt), desc(applications.id))
		.limit(options.limit + 1);
	return rows.map((r) => publicApplication(r.app, r.category));
}

/** The years in which the group received applications, newest first (for the filter). */
export async function applicationYears(db: Executor, groupId: string) {
	const rows = await db
		.selectDistinct({
			year: sql<number>`extract(year from ${applications.submittedAt} at time zone 'UTC')::int`
		})
		.from(applications)
		.where(eq(applications.groupId, groupId));
	return rows.map((r) => Number(r.year)).sort((a, b) => b - a);
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * What anyone may know about an application: the organisation, dates, outcome, reasons and
 * the appeal. Never the contact person or email, nor the statements, nor officers' notes.
 */
export function publicApplication(app: Application, category: string) {
	return {
		id: app.id,
		organisation: {
			name: app.organisationName,
			category,
			website: app.website,
			area: app.area,
			description: app.description
		},
		status: app.status,
		submittedAt: app.submittedAt.toISOString(),
		reviewStartedAt: iso(app.reviewStartedAt),
		withdrawnAt: iso(app.withdrawnAt),
		decision: app.decision,
		decidedAt: iso(app.decidedAt),
		/** The role that decided, or `automatic` for a refusal while membership was closed. */
		decidedBy: app.refusedWhileClosed ? ('automatic' as const) : app.decidedByRole,
		reason: app.reason,
		refusedWhileClosed: app.refusedWhileClosed,
		appeal: app.appealStatus
			? {
					status: app.appealStatus,
					appealedAt: iso(app.appealedAt),
					decidedAt: iso(app.appealDecidedAt),
					reason: app.appealReason,
					/** Who decides (or decided) it: vice_chair, panel, site_admin (chair: before the rule). */
					decidedBy: app.appealDecider
				}
			: null
	};
}

export type PublicApplication = ReturnType<typeof publicApplication>;

/** An application with its category name (or undefined). */
export async function applicationWithCategory(db: Executor, groupId: string, id: string) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
	const [row] = await db
		.select(registerColumns)
		.from(applications)
		.innerJoin(membershipCategories, eq(applications.categoryId, membershipCategories.id))
		.where(and(eq(applications.id, id), eq(applications.groupId, groupId)));
	return row;
}

export type TimelineEvent = {
	at: string;
	event:
		| 'submitted'
		| 'under_review'
		| 'withdrawn'
		| 'accepted'
		| 'refused'
		| 'refused_while_closed'
		| 'appealed'
		| 'appeal_upheld'
		| 'appeal_overturned'
		| 'panel_drawn'
		| 'panel_recused'
		| 'panel_vote';
	reason?: string | null;
	/** A panellist's organisation, and their vote. */
	organisation?: string;
	vote?: 'upheld' | 'overturned';
};

/** A panellist as anyone may see them: the organisation, when drawn, the vote and its reason. */
export type PublicPanellist = {
	organisation: string;
	drawnAt: string;
	recusedAt: string | null;
	recusalReason: string | null;
	vote: 'upheld' | 'overturned' | null;
	voteReason: string | null;
	votedAt: string | null;
};

export function publicPanellist(p: {
	organisation: string;
	drawnAt: Date;
	recusedAt: Date | null;
	recusalReason: string | null;
	vote: 'upheld' | 'overturned' | null;
	voteReason: string | null;
	votedAt: Date | null;
}): PublicPanellist {
	return {
		organisation: p.organisation,
		drawnAt: p.drawnAt.toISOString(),
		recusedAt: iso(p.recusedAt),
		recusalReason: p.recusalReason,
		vote: p.vote,
		voteReason: p.voteReason,
		votedAt: iso(p.votedAt)
	};
}

/** The application's history, oldest first: what the public and the applicant follow. */
export function timelineOf(app: PublicApplication, panel: PublicPanellist[] = []): TimelineEvent[] {
	const drawnAt = [...new Set(panel.map((p) => p.drawnAt))];
	const panelEvents: TimelineEvent[] = [
		...drawnAt.map((at) => ({ at, event: 'panel_drawn' as const })),
		...panel.flatMap((p) => [
			...(p.recusedAt
				? [
						{
							at: p.recusedAt,
							event: 'panel_recused' as const,
							organisation: p.organisation,
							reason: p.recusalReason
						}
					]
				: []),
			...(p.votedAt && p.vote
				? [
						{
							at: p.votedAt,
							event: 'panel_vote' as const,
							organisation: p.organisation,
							vote: p.vote,
							reason: p.voteReason
						}
					]
				: [])
		])
	];
	const events: (TimelineEvent | undefined)[] = [
		{ at: app.submittedAt, event: 'submitted' },
		app.reviewStartedAt ? { at: app.reviewStartedAt, event: 'under_review' } : undefined,
		app.withdrawnAt ? { at: app.withdrawnAt, event: 'withdrawn' } : undefined,
		app.decidedAt && app.decision
			? {
					at: app.decidedAt,
					event:
						app.decision === 'refused' && app.refusedWhileClosed
							? 'refused_while_closed'
							: app.decision,
					reason: app.reason
				}
			: undefined,
		app.appeal?.appealedAt ? { at: app.appeal.appealedAt, event: 'appealed' } : undefined,
		app.appeal?.decidedAt
			? {
					at: app.appeal.decidedAt,
					event: app.appeal.status === 'overturned' ? 'appeal_overturned' : 'appeal_upheld',
					reason: app.appeal.reason
				}
			: undefined
	];
	// Panel events come between the appeal and its decision; a stable sort keeps ties in order.
	const decision = events.pop();
	return [...events, ...panelEvents.sort((a, b) => a.at.localeCompare(b.at)), decision].filter(
		(e): e is TimelineEvent => e !== undefined
	);
}

/**
 * The organisations a user acts for now, in every group, by their applications, newest first
 * (their account page).
 */
export function applicationsOfUser(db: Executor, userId: string) {
	return db
		.select({
			id: applications.id,
			organisationName: applications.organisationName,
			status: applications.status,
			appealStatus: applications.appealStatus,
			submittedAt: applications.submittedAt,
			groupName: groups.name,
			groupSlug: groups.slug
		})
		.from(applications)
		.innerJoin(groups, eq(applications.groupId, groups.id))
		.where(inArray(applications.id, representedBy(db, userId)))
		.orderBy(desc(applications.submittedAt));
}

/** The register's filters from a query string (`outcome`, `category` by id or name, `year`). */
export function registerFilterOf(
	params: URLSearchParams,
	categories: { id: string; name: string }[]
): RegisterFilter {
	const outcome = params.get('outcome');
	const category = params.get('category')?.toLowerCase();
	const year = Number.parseInt(params.get('year') ?? '', 10);
	return {
		outcome: (outcomes as readonly string[]).includes(outcome ?? '')
			? (outcome as Outcome)
			: undefined,
		categoryId: category
			? (categories.find((c) => c.id === category || c.name.toLowerCase() === category)?.id ??
				'00000000-0000-0000-0000-000000000000')
			: undefined,
		year: year >= 1900 && year <= 9999 ? year : undefined
	};
}

/** An application's public fields, with its category's name looked up. */
export async function publicApplicationOf(db: Executor, app: Application) {
	return publicApplication(app, await categoryNameOf(db, app.categoryId));
}
