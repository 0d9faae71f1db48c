import { date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { groups } from './groups';
import { meetings } from './meetings';
import { memberships } from './membership';
import { questions, roomVerdict } from './questions';

/**
 * A question the institution answers in writing (issue 18): one sent for a written answer by the
 * chair at a live meeting (`questionId`, `meetingId`), or one a member organisation's
 * representative asked in writing between meetings (`membershipId`, the organisation it is asked
 * for; public). Its text is copied when it is sent, so the record stands by itself. The answer is
 * recorded once, verbatim, with its date: a public record that is never rewritten.
 */
export const writtenQuestions = pgTable(
	'written_questions',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		questionId: uuid()
			.unique()
			.references(() => questions.id, { onDelete: 'set null' }),
		meetingId: uuid().references(() => meetings.id, { onDelete: 'set null' }),
		membershipId: uuid().references(() => memberships.id, { onDelete: 'set null' }),
		text: text().notNull(),
		/** Private: who sent or asked it. */
		askedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		askedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		dueOn: date({ mode: 'string' }).notNull(),
		answer: text(),
		/** The date the institution answered (not in the future; may be before it was recorded). */
		answeredOn: date({ mode: 'string' }),
		answeredAt: timestamp({ withTimezone: true }),
		/** Private: the secretary or respondent who recorded the answer. */
		answeredBy: uuid().references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [index().on(t.groupId, t.dueOn)]
);

/**
 * The verdict on a written answer: one per signed-in account and question. `raterKey` is a keyed
 * hash of the account with the written question's id (`raterKey` in written/rate.ts), as votes
 * on live questions are: it links to no account, nor to the same person's other verdicts.
 */
export const writtenRatings = pgTable(
	'written_ratings',
	{
		writtenQuestionId: uuid()
			.notNull()
			.references(() => writtenQuestions.id, { onDelete: 'cascade' }),
		raterKey: text().notNull(),
		verdict: roomVerdict().notNull(),
		ratedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.writtenQuestionId, t.raterKey] })]
);

export type WrittenQuestion = typeof writtenQuestions.$inferSelect;
