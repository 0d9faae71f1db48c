import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { groups, groupRole } from './groups';

/** The categories of organisation a group's chair maintains (a retired one stays on old records). */
export const membershipCategories = pgTable(
	'membership_categories',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		name: text().notNull(),
		position: integer().notNull().default(0),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		retiredAt: timestamp({ withTimezone: true })
	},
	(t) => [unique('membership_categories_name').on(t.groupId, t.name)]
);

export const applicationStatus = pgEnum('application_status', [
	'submitted',
	'under_review',
	'accepted',
	'refused',
	'withdrawn'
]);

export const appealStatus = pgEnum('appeal_status', ['pending', 'upheld', 'overturned']);

/**
 * Who decides (or decided) an appeal: set when it is lodged from the group's `appealsBy`, and
 * `site_admin` when nobody eligible is left. `chair` only on appeals decided before this rule.
 */
export const appealDecider = pgEnum('appeal_decider', [
	'chair',
	'vice_chair',
	'panel',
	'site_admin'
]);

/**
 * Every application ever received. `status` is where it stands now; the first decision
 * (`decision`, `reason`) and the appeal keep their own columns, so an overturned refusal
 * still shows the refusal it overturned.
 */
export const applications = pgTable(
	'applications',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		/** Who applied (a record only): who acts for the organisation is `representatives`. */
		applicantId: uuid().references(() => users.id, { onDelete: 'set null' }),
		organisationName: text().notNull(),
		/** The name trimmed, lower-cased and with spaces collapsed: "one open application" is per this. */
		organisationKey: text().notNull(),
		categoryId: uuid()
			.notNull()
			.references(() => membershipCategories.id),
		website: text(),
		area: text().notNull(),
		description: text().notNull(),
		/** Private: never in a public page, export or log entry. */
		contactName: text().notNull(),
		contactEmail: text().notNull(),
		statement: text().notNull(),
		/** The applicant's language when applying: decision emails are written in it. */
		locale: text().notNull().default('en'),
		status: applicationStatus().notNull().default('submitted'),
		submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		reviewStartedAt: timestamp({ withTimezone: true }),
		withdrawnAt: timestamp({ withTimezone: true }),
		decision: text({ enum: ['accepted', 'refused'] }),
		decidedAt: timestamp({ withTimezone: true }),
		decidedByRole: groupRole(),
		/** The officer who took the decision: never the one who decides its appeal. Not public. */
		decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		reason: text(),
		/** Refused at once because membership was closed when it arrived. */
		refusedWhileClosed: boolean().notNull().default(false),
		appealStatus: appealStatus(),
		appealStatement: text(),
		appealedAt: timestamp({ withTimezone: true }),
		appealDecidedAt: timestamp({ withTimezone: true }),
		appealReason: text(),
		appealDecider: appealDecider()
	},
	(t) => [
		uniqueIndex('applications_one_open')
			.on(t.groupId, t.organisationKey)
			.where(sql`${t.status} in ('submitted', 'under_review') or ${t.appealStatus} = 'pending'`),
		index().on(t.groupId, t.submittedAt),
		index().on(t.applicantId)
	]
);

export const panelVote = pgEnum('panel_vote', ['upheld', 'overturned']);

/**
 * The panel drawn by lot to decide an appeal: one row per organisation drawn, in the order
 * drawn. A panellist votes once with a public reason, or recuses (and another is drawn).
 */
export const appealPanellists = pgTable(
	'appeal_panellists',
	{
		id: uuid().primaryKey().defaultRandom(),
		applicationId: uuid()
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		membershipId: uuid()
			.notNull()
			.references(() => memberships.id),
		userId: uuid().references(() => users.id, { onDelete: 'set null' }),
		drawnAt: timestamp({ withTimezone: true }).notNull(),
		recusedAt: timestamp({ withTimezone: true }),
		recusalReason: text(),
		vote: panelVote(),
		voteReason: text(),
		votedAt: timestamp({ withTimezone: true })
	},
	(t) => [unique('appeal_panellists_once').on(t.applicationId, t.membershipId)]
);

/** Officers' internal notes on an application: private, never public. */
export const applicationNotes = pgTable(
	'application_notes',
	{
		id: uuid().primaryKey().defaultRandom(),
		applicationId: uuid()
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
		body: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.applicationId, t.createdAt)]
);

export const membershipEnd = pgEnum('membership_end', ['resignation', 'chair']);

/** Made by an acceptance; ended (never deleted) by resignation or the chair's decision. */
export const memberships = pgTable(
	'memberships',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		applicationId: uuid()
			.notNull()
			.unique()
			.references(() => applications.id),
		organisationName: text().notNull(),
		organisationKey: text().notNull(),
		categoryId: uuid()
			.notNull()
			.references(() => membershipCategories.id),
		startedAt: timestamp({ withTimezone: true }).notNull(),
		endedAt: timestamp({ withTimezone: true }),
		endedBy: membershipEnd(),
		endReason: text()
	},
	(t) => [
		uniqueIndex('memberships_current')
			.on(t.groupId, t.organisationKey)
			.where(sql`${t.endedAt} is null`)
	]
);

/** The chair's decisions to open or close membership, each with a public reason. */
export const membershipOpenings = pgTable(
	'membership_openings',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		open: boolean().notNull(),
		reason: text().notNull(),
		/** When a closure will be reviewed (a date in the group's calendar). */
		reviewOn: date({ mode: 'string' }),
		decidedAt: timestamp({ withTimezone: true }).notNull(),
		decidedBy: uuid().references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [index().on(t.groupId, t.decidedAt)]
);

/**
 * The per-group, hash-chained log of decisions. Append-only: a trigger (migration
 * `decision-log-append-only`) refuses UPDATE, DELETE and TRUNCATE; the group cannot be deleted
 * while it has entries (no cascade).
 */
export const decisionLog = pgTable(
	'decision_log',
	{
		id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id),
		seq: integer().notNull(),
		kind: text().notNull(),
		subject: text().notNull(),
		at: timestamp({ withTimezone: true }).notNull(),
		payload: jsonb().$type<Record<string, unknown>>().notNull(),
		prevHash: text().notNull(),
		hash: text().notNull()
	},
	(t) => [unique('decision_log_seq').on(t.groupId, t.seq)]
);

export type MembershipCategory = typeof membershipCategories.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type ApplicationStatus = (typeof applicationStatus.enumValues)[number];
export type Membership = typeof memberships.$inferSelect;
export type AppealPanellist = typeof appealPanellists.$inferSelect;
export type DecisionLogRow = typeof decisionLog.$inferSelect;
