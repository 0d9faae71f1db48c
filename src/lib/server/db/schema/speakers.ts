import {
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts';
import { groups } from './groups';
import { agendaItems, meetings } from './meetings';
import { memberships } from './membership';

/**
 * A request to speak: waiting in the list, speaking (one at a time), spoke, withdrawn, or not
 * reached (still waiting when the meeting closed: part of the record).
 */
export const speakerState = pgEnum('speaker_state', [
	'waiting',
	'speaking',
	'spoke',
	'withdrawn',
	'not_reached'
]);

/**
 * How a speaker is named in public: by their display name, by the organisation they speak for,
 * or as an attendee (no name: attendees may fear being identified).
 */
export const speakerShownAs = pgEnum('speaker_shown_as', ['name', 'organisation', 'attendee']);

/**
 * The speakers' list of a live meeting: one row per request to speak on an agenda item (the one
 * current when asked; null when none was). The chair orders it (`position`), gives the floor and
 * ends each turn. Who spoke, for how long and for which organisation is the meeting's record.
 */
export const speakerRequests = pgTable(
	'speaker_requests',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		agendaItemId: uuid().references(() => agendaItems.id, { onDelete: 'set null' }),
		/** Private: the account that asked. */
		userId: uuid().references(() => users.id, { onDelete: 'set null' }),
		/** The member organisation they speak for; null for an attendee with an account. */
		membershipId: uuid().references(() => memberships.id),
		shownAs: speakerShownAs().notNull(),
		/** The public name when shown by name (the display name when asked); null otherwise. */
		publicName: text(),
		/** Running order in the list; gaps allowed, only the order matters. */
		position: integer().notNull(),
		state: speakerState().notNull().default('waiting'),
		allowedSeconds: integer().notNull(),
		requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		startedAt: timestamp({ withTimezone: true }),
		endedAt: timestamp({ withTimezone: true })
	},
	(t) => [
		index().on(t.meetingId, t.agendaItemId, t.position),
		// One speaker at a time in a meeting.
		uniqueIndex('speaker_requests_one_speaking')
			.on(t.meetingId)
			.where(sql`${t.state} = 'speaking'`),
		// One open request per person and agenda item.
		uniqueIndex('speaker_requests_one_open')
			.on(t.meetingId, sql`coalesce(${t.agendaItemId}::text, '')`, t.userId)
			.where(sql`${t.state} in ('waiting', 'speaking')`)
	]
);

export type SpeakerRequest = typeof speakerRequests.$inferSelect;
export type SpeakerState = (typeof speakerState.enumValues)[number];
export type SpeakerShownAs = (typeof speakerShownAs.enumValues)[number];
