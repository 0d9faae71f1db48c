import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './accounts';

/** Who decides an appeal: a second officer, or a panel of three members drawn by lot. */
export const appealsBy = pgEnum('appeals_by', ['vice_chair', 'panel']);

/**
 * How many member organisations must vote on a motion (abstentions count) for it to be decided:
 * none, or a third, half or two-thirds of the member organisations, rounded up.
 */
export const motionQuorum = pgEnum('motion_quorum', ['none', 'third', 'half', 'two_thirds']);

/**
 * What carries a motion among the votes for and against (abstentions do not count): more for
 * than against, or at least two-thirds for.
 */
export const motionMajority = pgEnum('motion_majority', ['simple', 'two_thirds']);

export const groups = pgTable('groups', {
	id: uuid().primaryKey().defaultRandom(),
	slug: text().notNull().unique(),
	name: text().notNull(),
	/** The institution the group holds to account. */
	institution: text().notNull(),
	/** Purpose and terms of reference, markdown. */
	purpose: text().notNull(),
	membershipOpen: boolean().notNull().default(true),
	/** IANA time zone meetings are shown in. */
	timeZone: text().notNull().default('Europe/London'),
	/**
	 * The group's own language (a locale of the site): its minutes drafts are written in it, its
	 * texts are marked with it for screen readers, and its documents are searched in it unless
	 * their text is plainly in another (search-languages migration).
	 */
	language: text().notNull().default('en'),
	/** Days after publication during which published minutes may be challenged. */
	correctionWindowDays: integer().notNull().default(14),
	/** Who decides appeals lodged from now on (a logged decision of the chair). */
	appealsBy: appealsBy().notNull().default('vice_chair'),
	/** Motions: the quorum and the majority (a logged decision of the chair to change). */
	motionQuorum: motionQuorum().notNull().default('third'),
	motionMajority: motionMajority().notNull().default('simple'),
	// --- speakers (issue 18, part 2) ---
	/** The length of a speaking turn unless the chair adjusts it, in seconds. */
	speakingTurnSeconds: integer().notNull().default(180),
	// --- end speakers ---
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	createdBy: uuid().references(() => users.id, { onDelete: 'set null' })
});

/**
 * `respondent`: named staff of the institution, appointed by the chair, who may answer written
 * questions and nothing else (written answers, issue 18). No officer's permission names it.
 */
export const groupRole = pgEnum('group_role', ['chair', 'vice_chair', 'secretary', 'respondent']);

/** How an appointment ends: the officer resigns, is removed, or their term runs out. */
export const appointmentEnd = pgEnum('appointment_end', ['resignation', 'removal', 'term']);

/**
 * Appointments are a public record: an ended appointment keeps its row with `endedAt`. An
 * appointment for a term has `endedAt` in the future from the start (`endedHow` = `term`): it
 * holds power only while `endedAt` is null or later than now (`currentAppointment`).
 */
export const groupRoles = pgTable(
	'group_roles',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: groupRole().notNull(),
		appointedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		appointedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		endedAt: timestamp({ withTimezone: true }),
		endedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		endedHow: appointmentEnd(),
		/** Public: why the officer resigned or was removed. */
		endReason: text()
	},
	(t) => [
		uniqueIndex('group_roles_current')
			.on(t.groupId, t.userId, t.role)
			.where(sql`${t.endedAt} is null`),
		index().on(t.userId)
	]
);

export type Group = typeof groups.$inferSelect;
export type GroupRole = (typeof groupRole.enumValues)[number];
export type MotionQuorum = (typeof motionQuorum.enumValues)[number];
export type MotionMajority = (typeof motionMajority.enumValues)[number];
export type AppealsBy = (typeof appealsBy.enumValues)[number];
export type AppointmentEnd = (typeof appointmentEnd.enumValues)[number];
