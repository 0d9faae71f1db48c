import {
	type AnyPgColumn,
	boolean,
	check,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts';
import { groupRole, groups } from './groups';
import { meetings } from './meetings';
import { memberships } from './membership';

/** A motion's course: put on the meeting's business or declined, then voted on and decided. */
export const motionState = pgEnum('motion_state', [
	'proposed',
	'scheduled',
	'voting',
	'decided',
	'declined'
]);

export const motionVote = pgEnum('motion_vote', ['for', 'against', 'abstain']);

/** `no_quorum`: too few organisations voted (abstentions count) for the vote to decide anything. */
export const motionOutcome = pgEnum('motion_outcome', ['carried', 'lost', 'no_quorum']);

/**
 * A motion put to a meeting: numbered within it, proposed by a member organisation (through one
 * of its representatives) or by an officer, optionally seconded by another member organisation.
 * An amendment names the motion it amends (same meeting) and is decided before it. Once decided,
 * the result columns are the record (also on the decision log); nothing changes them afterwards.
 */
export const motions = pgTable(
	'motions',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** 1, 2, 3… within the meeting. */
		number: integer().notNull(),
		/** What is put to the vote: a motion as amended by its carried amendments. */
		text: text().notNull(),
		/** A motion its carried amendments rewrote: its text as proposed (public, never changed). */
		originalText: text(),
		amendmentOf: uuid().references((): AnyPgColumn => motions.id),
		/** An amendment: the motion as it would read if the amendment is carried. */
		amendedText: text(),
		/**
		 * An amendment: the motion's text it was proposed against. Its vote opens only while the
		 * motion still reads so (another amendment carried first may have changed it).
		 */
		amendsText: text(),
		/** Private: who proposed it (a representative or an officer). */
		proposedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		/** The organisation it is proposed for; null when an officer proposed it as such. */
		membershipId: uuid().references(() => memberships.id),
		/** The office of an officer who proposed it as such; null for an organisation's motion. */
		proposedAs: groupRole(),
		seconderMembershipId: uuid().references(() => memberships.id),
		/** Private: the representative who seconded it for their organisation. */
		secondedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		secondedAt: timestamp({ withTimezone: true }),
		state: motionState().notNull().default('proposed'),
		/** Public: why officers declined it. */
		declineReason: text(),
		proposedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** When it was scheduled or declined, and by whom (private). */
		reviewedAt: timestamp({ withTimezone: true }),
		reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		voteOpenedAt: timestamp({ withTimezone: true }),
		voteClosedAt: timestamp({ withTimezone: true }),
		/** Member organisations entitled to vote when the vote opened: the base of the quorum. */
		eligible: integer(),
		votesFor: integer(),
		votesAgainst: integer(),
		abstentions: integer(),
		quorumNeeded: integer(),
		quorumMet: boolean(),
		outcome: motionOutcome()
	},
	(t) => [
		unique('motions_meeting_number').on(t.meetingId, t.number),
		index().on(t.groupId),
		index().on(t.amendmentOf),
		check('motions_proposer', sql`(${t.membershipId} is null) <> (${t.proposedAs} is null)`),
		check(
			'motions_seconder_differs',
			sql`${t.seconderMembershipId} is distinct from ${t.membershipId} or ${t.seconderMembershipId} is null`
		)
	]
);

/**
 * One vote per member organisation and motion, enforced here: a representative changing the
 * organisation's vote updates the row (`updatedAt`), and two voting at once still leave one.
 */
export const motionVotes = pgTable(
	'motion_votes',
	{
		motionId: uuid()
			.notNull()
			.references(() => motions.id, { onDelete: 'cascade' }),
		membershipId: uuid()
			.notNull()
			.references(() => memberships.id),
		vote: motionVote().notNull(),
		/** Private: the representative whose vote stands. */
		castBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		castAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('motion_votes_one_per_organisation').on(t.motionId, t.membershipId)]
);

export type Motion = typeof motions.$inferSelect;
export type MotionState = (typeof motionState.enumValues)[number];
export type MotionVote = (typeof motionVote.enumValues)[number];
export type MotionOutcome = (typeof motionOutcome.enumValues)[number];
