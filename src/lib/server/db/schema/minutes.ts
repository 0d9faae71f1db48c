import {
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { meetings } from './meetings';

/**
 * A meeting's minutes: the working draft the secretary edits. Generated when the meeting closes.
 * Publishing copies the draft into `minutes_versions`; the draft stays as the start of any
 * amendment.
 */
export const minutes = pgTable('minutes', {
	meetingId: uuid()
		.primaryKey()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	/** Markdown. */
	draft: text().notNull(),
	/** The latest published version's number; 0 while the minutes are still a first draft. */
	publishedVersion: integer().notNull().default(0),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	draftUpdatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	draftUpdatedBy: uuid().references(() => users.id, { onDelete: 'set null' })
});

/**
 * A published version of the minutes. Never changed once written (a database trigger refuses
 * updates): an amendment is a new version with a change note.
 */
export const minutesVersions = pgTable(
	'minutes_versions',
	{
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** 1, 2, 3… */
		version: integer().notNull(),
		markdown: text().notNull(),
		/** Why this version replaces the previous one; null only for version 1. */
		changeNote: text(),
		publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		/** The officer's name as it was when publishing: part of the public record. */
		publishedByName: text().notNull()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.version] })]
);

export const correctionState = pgEnum('correction_state', ['submitted', 'accepted', 'declined']);

/**
 * A correction submitted against published minutes, within the group's correction window.
 * Accepted: the secretary publishes an amendment (`amendedInVersion`). Declined: it stays with
 * the minutes as a recorded dissent, with the secretary's reason.
 */
export const minutesCorrections = pgTable(
	'minutes_corrections',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** The published version the correction is about. */
		version: integer().notNull(),
		authorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		/** Public: a correction is a named statement (with the organisation, for a member). */
		authorName: text().notNull(),
		organisationName: text(),
		text: text().notNull(),
		state: correctionState().notNull().default('submitted'),
		/** Required when declined; public. */
		decisionReason: text(),
		decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp({ withTimezone: true }),
		amendedInVersion: integer(),
		submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.meetingId, t.state)]
);

export type Minutes = typeof minutes.$inferSelect;
export type MinutesVersion = typeof minutesVersions.$inferSelect;
export type MinutesCorrection = typeof minutesCorrections.$inferSelect;
export type CorrectionState = (typeof correctionState.enumValues)[number];
