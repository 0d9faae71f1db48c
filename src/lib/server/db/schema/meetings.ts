import {
	boolean,
	customType,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { groups } from './groups';
import { memberships } from './membership';

/**
 * Who may ask, vote, rate and withdraw in a meeting's live Q&A (watching is open to all):
 * anyone with the link, those who entered the room code, those signed in, or representatives of
 * member organisations (and officers). See src/lib/server/questions/participation.ts.
 */
export const participationRule = pgEnum('participation_rule', [
	'open',
	'room_code',
	'signed_in',
	'members'
]);

export const meetingState = pgEnum('meeting_state', [
	'draft',
	'scheduled',
	'live',
	'closed',
	'cancelled'
]);

export const meetings = pgTable(
	'meetings',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		/** 1, 2, 3… within the group: the meeting's public address is /g/[group]/meetings/[number]. */
		number: integer().notNull(),
		title: text().notNull(),
		/** UTC; shown in the group's time zone. */
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		location: text(),
		/** Where to join the meeting online (a video call). */
		onlineUrl: text(),
		/** Where the meeting is streamed, for those who watch: linked, never embedded. */
		streamUrl: text(),
		/** Where its recording is, added after the meeting as often as before it. */
		recordingUrl: text(),
		state: meetingState().notNull().default('draft'),
		/** Why a meeting was cancelled: public. */
		cancelNote: text(),
		/** The room code of live Q&A: made when the meeting goes live, and when officers rotate it. */
		joinCode: text().unique(),
		/**
		 * When the meeting first went live: a question asked before it was asked in advance (the
		 * minutes say so). Null for a meeting not yet started; for one started before this was kept,
		 * taken from its `meeting.live` audit entry.
		 */
		startedAt: timestamp({ withTimezone: true }),
		/** Who may take part in live Q&A; new meetings default to the room code. */
		participation: participationRule().notNull().default('room_code'),
		/** iCalendar SEQUENCE: bumped on every change calendar clients should pick up. */
		sequence: integer().notNull().default(0),
		otherAttendees: integer(),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('meetings_group_number').on(t.groupId, t.number),
		index().on(t.groupId, t.startsAt)
	]
);

export const agendaItems = pgTable(
	'agenda_items',
	{
		id: uuid().primaryKey().defaultRandom(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** Running order; gaps are allowed, only the order matters. */
		position: integer().notNull(),
		title: text().notNull(),
		/** Markdown. */
		description: text().notNull().default(''),
		presenter: text(),
		plannedMinutes: integer().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.meetingId, t.position)]
);

export const documentKind = pgEnum('document_kind', ['link', 'pdf']);

export const agendaDocuments = pgTable(
	'agenda_documents',
	{
		id: uuid().primaryKey().defaultRandom(),
		agendaItemId: uuid()
			.notNull()
			.references(() => agendaItems.id, { onDelete: 'cascade' }),
		kind: documentKind().notNull(),
		title: text().notNull(),
		/** A link's address. */
		url: text(),
		/** An uploaded PDF: the name it was uploaded under; its bytes are in agenda_document_files. */
		fileName: text(),
		size: integer(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.agendaItemId)]
);

/** A PostgreSQL `bytea` (drizzle-orm 0.45's pg-core has no column of its own for it). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType() {
		return 'bytea';
	},
	// postgres.js sends a Buffer as bytea; PGlite takes either.
	toDriver: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
});

/**
 * An uploaded PDF's bytes, in the database rather than on one instance's disk: every instance
 * serves it, a backup holds it, and it goes when its document goes (same transaction).
 */
export const agendaDocumentFiles = pgTable('agenda_document_files', {
	documentId: uuid()
		.primaryKey()
		.references(() => agendaDocuments.id, { onDelete: 'cascade' }),
	bytes: bytea().notNull()
});

export const proposalStatus = pgEnum('proposal_status', ['proposed', 'accepted', 'declined']);

/**
 * An item a member organisation asked to put on an agenda. Decided by the chair: accepted onto a
 * meeting's agenda, or declined with a reason that stays public.
 */
export const agendaProposals = pgTable(
	'agenda_proposals',
	{
		id: uuid().primaryKey().defaultRandom(),
		groupId: uuid()
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		/** The meeting it was proposed for (it may be accepted onto a later one). */
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		membershipId: uuid()
			.notNull()
			.references(() => memberships.id),
		proposedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		title: text().notNull(),
		why: text().notNull(),
		status: proposalStatus().notNull().default('proposed'),
		reason: text(),
		agendaItemId: uuid().references(() => agendaItems.id, { onDelete: 'set null' }),
		proposedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		decidedAt: timestamp({ withTimezone: true }),
		decidedBy: uuid().references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [index().on(t.meetingId), index().on(t.groupId, t.proposedAt)]
);

export const attendanceStatus = pgEnum('attendance_status', ['present', 'apologies', 'absent']);

/** One row per member organisation and meeting: present, apologies or absent. */
export const attendance = pgTable(
	'attendance',
	{
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		membershipId: uuid()
			.notNull()
			.references(() => memberships.id),
		status: attendanceStatus().notNull(),
		/** Apologies sent beforehand by the organisation's representative (not the secretary). */
		sentByRepresentative: boolean().notNull().default(false),
		recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.membershipId] }), index().on(t.membershipId)]
);

export type Meeting = typeof meetings.$inferSelect;
export type MeetingState = (typeof meetingState.enumValues)[number];
export type AgendaItem = typeof agendaItems.$inferSelect;
export type AgendaDocument = typeof agendaDocuments.$inferSelect;
export type AgendaProposal = typeof agendaProposals.$inferSelect;
export type AttendanceStatus = (typeof attendanceStatus.enumValues)[number];
