import {
	bigint,
	boolean,
	date,
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
import { agendaItems, meetings } from './meetings';

export const questionMode = pgEnum('question_mode', ['open', 'premoderated']);

/** A meeting's live Q&A settings and its change counter (`seq`, carried by every broadcast). */
export const meetingLive = pgTable('meeting_live', {
	meetingId: uuid()
		.primaryKey()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	mode: questionMode().notNull().default('open'),
	/** Each participant may ask at most this many questions in the meeting. */
	questionCap: integer().notNull().default(3),
	pinnedQuestionId: uuid(),
	// --- speakers (issue 18, part 2) ---
	/** The agenda item under discussion, set by the chair, and since when. */
	currentAgendaItemId: uuid().references(() => agendaItems.id, { onDelete: 'set null' }),
	currentItemStartedAt: timestamp({ withTimezone: true }),
	// --- end speakers ---
	seq: bigint({ mode: 'number' }).notNull().default(0)
});

export const questionState = pgEnum('question_state', [
	'pending',
	'published',
	'rejected',
	'merged',
	'withdrawn'
]);

export const answerStatus = pgEnum('answer_status', [
	'open',
	'answered',
	'partly_answered',
	'not_answered',
	'declined',
	'deferred',
	'not_reached',
	/** Sent for a written answer (a `written_questions` row holds its due date and answer). */
	'written'
]);

export const rejectionReason = pgEnum('rejection_reason', [
	'off_topic',
	'abusive',
	'duplicate',
	'personal_data'
]);

export const questionSource = pgEnum('question_source', ['app', 'floor']);

/**
 * A question. An anonymous one stores no user id, no name and no address: its asker is known
 * only by `askerKey`, a hash of the asker's random cookie token and this question's id, which
 * links it to nothing else (not to the asker's other questions, nor to their votes).
 */
export const questions = pgTable(
	'questions',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		agendaItemId: uuid().references(() => agendaItems.id, { onDelete: 'set null' }),
		text: text().notNull(),
		anonymous: boolean().notNull(),
		askerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		askerName: text(),
		askerKey: text(),
		source: questionSource().notNull().default('app'),
		state: questionState().notNull(),
		rejectionReason: rejectionReason(),
		/** Shown to the asker with a rejection. */
		rejectionNote: text(),
		mergedIntoId: uuid(),
		answerStatus: answerStatus().notNull().default('open'),
		answerSummary: text(),
		askedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp({ withTimezone: true }),
		moderatedAt: timestamp({ withTimezone: true }),
		answeredAt: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.meetingId, t.state)]
);

/**
 * One vote per participant and question, enforced by the key. `voterKey` hashes the participant's
 * token with the meeting's id: stable within one meeting (so merged questions combine votes
 * without double counting), different in every other meeting.
 */
export const questionVotes = pgTable(
	'question_votes',
	{
		questionId: uuid()
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		voterKey: text().notNull(),
		votedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/**
		 * Cast by a participant first seen (their token issued) in the five minutes before: what
		 * the moderation console counts to flag a burst of new identities (docs/trust.md).
		 */
		fromNewParticipant: boolean().notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.questionId, t.voterKey] })]
);

export const roomVerdict = pgEnum('room_verdict', ['answered', 'partly_answered', 'not_answered']);

/** The room's judgement of an answer: one rating per participant and question. */
export const questionRatings = pgTable(
	'question_ratings',
	{
		questionId: uuid()
			.notNull()
			.references(() => questions.id, { onDelete: 'cascade' }),
		voterKey: text().notNull(),
		verdict: roomVerdict().notNull(),
		ratedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.questionId, t.voterKey] })]
);

export const commitmentStatus = pgEnum('commitment_status', ['open', 'done', 'dropped']);

/**
 * An action or commitment made to the group at a meeting: who owes it, by when, and what became
 * of it. A deferred question creates one (`questionId`); officers record others directly.
 */
export const commitments = pgTable(
	'commitments',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		questionId: uuid().references(() => questions.id, { onDelete: 'set null' }),
		owner: text().notNull(),
		description: text().notNull(),
		dueOn: date({ mode: 'string' }).notNull(),
		status: commitmentStatus().notNull().default('open'),
		/** Why it was dropped (required), or how it was done (optional): public. */
		statusNote: text(),
		/** When it was done or dropped. */
		resolvedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedBy: uuid().references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [index().on(t.meetingId), index().on(t.status, t.dueOn)]
);

export type Question = typeof questions.$inferSelect;
export type MeetingLive = typeof meetingLive.$inferSelect;
export type Commitment = typeof commitments.$inferSelect;
export type CommitmentStatus = (typeof commitmentStatus.enumValues)[number];
export type AnswerStatus = (typeof answerStatus.enumValues)[number];
