import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeGroupWithOfficers, makeMember, makeUser } from '../fixtures/factories';
import {
	agendaDocumentFiles,
	agendaDocuments,
	agendaItems,
	auditLog,
	meetings
} from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import {
	changeMeetingState,
	createMeeting,
	listMeetings,
	setRecording,
	updateMeeting
} from '$lib/server/meetings/meetings';
import {
	addAgendaItem,
	listAgenda,
	moveAgendaItem,
	removeAgendaItem,
	updateAgendaItem
} from '$lib/server/meetings/agenda';
import {
	attachDocument,
	documentForDownload,
	maxUploadBytes,
	removeDocument
} from '$lib/server/meetings/documents';
import { findMeeting } from '$lib/server/meetings/access';
import { meetingRecord, publicRecord } from '$lib/server/meetings/record';
import { decideProposal, proposeAgendaItem } from '$lib/server/meetings/proposals';
import {
	attendanceByOrganisation,
	recordAttendance,
	sendApologies
} from '$lib/server/meetings/attendance';
import { failure } from '../fixtures/errors';

const pdf = (size = 2000) => {
	const bytes = new Uint8Array(size).fill(0x20);
	bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
	return bytes;
};

/** The PDF bytes stored for an item's documents: which document, how many bytes. */
async function storedFiles(db: Database, itemId: string) {
	const rows = await db
		.select({ documentId: agendaDocumentFiles.documentId, bytes: agendaDocumentFiles.bytes })
		.from(agendaDocumentFiles)
		.innerJoin(agendaDocuments, eq(agendaDocuments.id, agendaDocumentFiles.documentId))
		.where(eq(agendaDocuments.agendaItemId, itemId));
	return rows.map((r) => ({ documentId: r.documentId, size: r.bytes.byteLength }));
}

/** 2 March 2026, 12:00 UTC: "now" for these tests, so dates are fixed. */
const now = new Date('2026-03-02T12:00:00Z');
const clock = { now };

const meetingInput = (overrides: Record<string, unknown> = {}) => ({
	title: 'Quarterly meeting',
	startsAt: '2026-04-02T18:30',
	endsAt: '2026-04-02T20:30',
	location: 'Riverside Community Centre',
	onlineUrl: 'https://meet.example.org/harbour',
	...overrides
});

describeOnEachDatabase('meetings', (handle) => {
	const setup = async () => {
		const db = handle().db;
		const officers = await makeGroupWithOfficers(db);
		return { db, ...officers, slug: officers.group.slug };
	};

	it('creates numbered drafts in UTC from local times, invisible to the public', async () => {
		const { db, secretary, slug } = await setup();
		const first = await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		// 2 April is British Summer Time: 18:30 in London is 17:30 UTC.
		expect(first.startsAt.toISOString()).toBe('2026-04-02T17:30:00.000Z');
		expect(first.number).toBe(1);
		expect(first.state).toBe('draft');
		const second = await createMeeting(
			db,
			actorOf(secretary),
			slug,
			meetingInput({ startsAt: '2026-03-05T18:30:00Z', endsAt: '2026-03-05T20:00:00Z' }),
			clock
		);
		expect(second.number).toBe(2);
		expect(second.startsAt.toISOString()).toBe('2026-03-05T18:30:00.000Z');
		expect((await failure(findMeeting(db, actorOf(null), slug, 1))).code).toBe('not_found');
		expect((await findMeeting(db, actorOf(secretary), slug, 1)).meeting.id).toBe(first.id);
		const stranger = await makeUser(db);
		expect((await failure(findMeeting(db, actorOf(stranger), slug, 1))).code).toBe('not_found');
	});

	it('refuses bad times with a field message and records nothing', async () => {
		const { db, group, secretary, slug } = await setup();
		const cases: [Record<string, string>, string, Record<string, unknown>][] = [
			[{ endsAt: '2026-04-02T18:00' }, 'endsAt', { key: 'meeting.end_before_start' }],
			[
				{ startsAt: '2026-03-01T18:00', endsAt: '2026-03-01T19:00' },
				'startsAt',
				{ key: 'meeting.in_past' }
			],
			[
				{ startsAt: '2026-03-29T01:30', endsAt: '2026-03-29T03:00' },
				'startsAt',
				{ key: 'meeting.time_nonexistent', params: { zone: 'Europe/London' } }
			],
			[{ startsAt: 'soon' }, 'startsAt', { key: 'meeting.time_format' }],
			[{ onlineUrl: 'javascript:alert(1)' }, 'onlineUrl', { key: 'validation.url' }]
		];
		for (const [override, field, message] of cases) {
			const refused = await failure(
				createMeeting(db, actorOf(secretary), slug, meetingInput(override), clock)
			);
			expect(refused.code, JSON.stringify(override)).toBe('invalid');
			expect(refused.fields[field], JSON.stringify(override)).toMatchObject(message);
		}
		expect(await db.select().from(meetings).where(eq(meetings.groupId, group.id))).toHaveLength(0);
	});

	it('takes the first 01:30 on the night the clocks go back', async () => {
		const { db, secretary, slug } = await setup();
		const meeting = await createMeeting(
			db,
			actorOf(secretary),
			slug,
			meetingInput({ startsAt: '2026-10-25T01:30', endsAt: '2026-10-25T03:00' }),
			clock
		);
		expect(meeting.startsAt.toISOString()).toBe('2026-10-25T00:30:00.000Z');
		expect(meeting.endsAt.toISOString()).toBe('2026-10-25T03:00:00.000Z');
	});

	it('lets only the chair and secretary manage meetings', async () => {
		const { db, admin, slug } = await setup();
		const member = await makeUser(db);
		expect(
			(await failure(createMeeting(db, actorOf(null), slug, meetingInput(), clock))).code
		).toBe('not_signed_in');
		expect(
			(await failure(createMeeting(db, actorOf(member), slug, meetingInput(), clock))).code
		).toBe('not_allowed');
		// The site admin appoints the chair, but does not run the group's meetings.
		expect(
			(await failure(createMeeting(db, actorOf(admin), slug, meetingInput(), clock))).code
		).toBe('not_allowed');
	});

	it('moves draft → scheduled → live → closed, bumping the calendar sequence', async () => {
		const { db, secretary, group, slug } = await setup();
		const meeting = await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		const s = (state: string, extra = {}) =>
			changeMeetingState(db, actorOf(secretary), slug, meeting.number, { state, ...extra }, clock);
		expect((await failure(s('live'))).code).toBe('conflict');
		const scheduled = await s('scheduled');
		expect(scheduled.sequence).toBe(1);
		expect((await findMeeting(db, actorOf(null), slug, meeting.number)).meeting.state).toBe(
			'scheduled'
		);
		const live = await s('live');
		expect(live.joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
		const closed = await s('closed');
		expect(closed.sequence).toBe(3);
		expect((await failure(s('cancelled', { cancelNote: 'x' }))).fields).toEqual({});
		const edit = await failure(
			updateMeeting(db, actorOf(secretary), slug, meeting.number, { title: 'New' }, clock)
		);
		expect(edit.code).toBe('conflict');
		expect(edit.msg.key).toBe('meeting.locked');
		const actions = (await db.select().from(auditLog).where(eq(auditLog.groupId, group.id))).map(
			(a) => a.action
		);
		expect(actions).toEqual(
			expect.arrayContaining([
				'meeting.create',
				'meeting.scheduled',
				'meeting.live',
				'meeting.closed'
			])
		);
	});

	it('links a livestream before and a recording after: officers alone, web addresses only', async () => {
		const { db, secretary, chair, slug } = await setup();
		const stream = 'https://video.example.org/harbour/live';
		const meeting = await createMeeting(
			db,
			actorOf(secretary),
			slug,
			meetingInput({ streamUrl: stream }),
			clock
		);
		expect(meeting.streamUrl).toBe(stream);
		const bad = await failure(
			updateMeeting(db, actorOf(secretary), slug, meeting.number, {
				streamUrl: 'javascript:alert(1)'
			})
		);
		expect(Object.keys(bad.fields)).toEqual(['streamUrl']);
		const s = (state: string) =>
			changeMeetingState(db, actorOf(chair), slug, meeting.number, { state }, clock);
		await s('scheduled');
		await s('live');
		await s('closed');
		// Held: its details are fixed, but its recording is added after.
		const recording = 'https://video.example.org/harbour/recording';
		const stranger = await failure(
			setRecording(db, actorOf(await makeUser(db)), slug, meeting.number, {
				recordingUrl: recording
			})
		);
		expect(stranger.code).toBe('not_allowed');
		const badRecording = await failure(
			setRecording(db, actorOf(secretary), slug, meeting.number, { recordingUrl: 'ftp://x' })
		);
		expect(Object.keys(badRecording.fields)).toEqual(['recordingUrl']);
		const recorded = await setRecording(db, actorOf(secretary), slug, meeting.number, {
			recordingUrl: recording
		});
		expect(recorded.recordingUrl).toBe(recording);
		const read = publicRecord(await meetingRecord(db, actorOf(null), slug, meeting.number));
		expect(read).toMatchObject({ streamUrl: stream, recordingUrl: recording });
		// Sent empty, it is removed.
		const removed = await setRecording(db, actorOf(chair), slug, meeting.number, {
			recordingUrl: ''
		});
		expect(removed.recordingUrl).toBeNull();
		const actions = await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'meeting.recording'));
		expect(actions.filter((a) => a.subject === String(meeting.number))).toHaveLength(2);
	});

	it('refuses to publish a draft whose start has passed, and cancels with a public note', async () => {
		const { db, secretary, slug } = await setup();
		const meeting = await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		const later = { now: new Date('2026-04-03T09:00:00Z') };
		const late = await failure(
			changeMeetingState(db, actorOf(secretary), slug, 1, { state: 'scheduled' }, later)
		);
		expect(late.fields.startsAt.key).toBe('meeting.in_past');
		expect((await findMeeting(db, actorOf(secretary), slug, 1)).meeting.state).toBe('draft');
		await changeMeetingState(
			db,
			actorOf(secretary),
			slug,
			meeting.number,
			{ state: 'scheduled' },
			clock
		);
		const noNote = await failure(
			changeMeetingState(db, actorOf(secretary), slug, 1, { state: 'cancelled' }, clock)
		);
		expect(noNote.fields.cancelNote.key).toBe('meeting.cancel_note_required');
		const cancelled = await changeMeetingState(
			db,
			actorOf(secretary),
			slug,
			1,
			{ state: 'cancelled', cancelNote: 'The venue flooded.' },
			clock
		);
		expect(cancelled.state).toBe('cancelled');
		expect(cancelled.cancelNote).toBe('The venue flooded.');
	});

	it('edits a meeting: times stay checked, and moving the start into the past is refused', async () => {
		const { db, secretary, slug } = await setup();
		await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		const updated = await updateMeeting(
			db,
			actorOf(secretary),
			slug,
			1,
			{ title: 'Extraordinary meeting', location: '' },
			clock
		);
		expect(updated.title).toBe('Extraordinary meeting');
		expect(updated.location).toBeNull();
		expect(updated.onlineUrl).toBe('https://meet.example.org/harbour');
		// Sending nothing new changes nothing, not even the calendar sequence.
		for (const same of [{}, { title: 'Extraordinary meeting' }]) {
			const again = await updateMeeting(db, actorOf(secretary), slug, 1, same, clock);
			expect(again.sequence).toBe(updated.sequence);
		}
		const bad = await failure(
			updateMeeting(db, actorOf(secretary), slug, 1, { endsAt: '2026-04-02T17:00' }, clock)
		);
		expect(bad.fields.endsAt.key).toBe('meeting.end_before_start');
		const past = await failure(
			updateMeeting(
				db,
				actorOf(secretary),
				slug,
				1,
				{ startsAt: '2026-02-01T10:00', endsAt: '2026-02-01T11:00' },
				clock
			)
		);
		expect(past.fields.startsAt.key).toBe('meeting.in_past');
		expect((await findMeeting(db, actorOf(secretary), slug, 1)).meeting.endsAt.toISOString()).toBe(
			'2026-04-02T19:30:00.000Z'
		);
	});

	it('keeps an ordered agenda with planned start times; up and down swap neighbours', async () => {
		const { db, secretary, slug } = await setup();
		const meeting = await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		const add = (title: string, plannedMinutes: number | string) =>
			addAgendaItem(db, actorOf(secretary), slug, meeting.number, {
				title,
				plannedMinutes,
				description: `About **${title}**`,
				presenter: 'Chief Inspector'
			});
		const welcome = await add('Welcome', 10);
		const checks = await add('Foreign record checks', '45');
		const aob = await add('Any other business', 5);
		const titles = async () => (await listAgenda(db, meeting.id)).map((i) => i.title);
		expect(await titles()).toEqual(['Welcome', 'Foreign record checks', 'Any other business']);
		await moveAgendaItem(db, actorOf(secretary), slug, 1, aob.id, { direction: 'up' });
		expect(await titles()).toEqual(['Welcome', 'Any other business', 'Foreign record checks']);
		await moveAgendaItem(db, actorOf(secretary), slug, 1, welcome.id, { direction: 'up' });
		expect(await titles()).toEqual(['Welcome', 'Any other business', 'Foreign record checks']);
		await moveAgendaItem(db, actorOf(secretary), slug, 1, welcome.id, { direction: 'down' });
		expect(await titles()).toEqual(['Any other business', 'Welcome', 'Foreign record checks']);
		const record = publicRecord(await meetingRecord(db, actorOf(secretary), slug, 1));
		expect(record.agenda.map((i) => [i.position, i.plannedStart])).toEqual([
			[1, '2026-04-02T17:30:00.000Z'],
			[2, '2026-04-02T17:35:00.000Z'],
			[3, '2026-04-02T17:45:00.000Z']
		]);
		await updateAgendaItem(db, actorOf(secretary), slug, 1, checks.id, {
			plannedMinutes: 30,
			presenter: ''
		});
		const [, , updated] = await listAgenda(db, meeting.id);
		expect([updated.plannedMinutes, updated.presenter, updated.title]).toEqual([
			30,
			null,
			'Foreign record checks'
		]);
		const minutes = await failure(add('Too long', 1000));
		expect(minutes.fields.plannedMinutes.key).toBe('agenda.minutes_range');
		await removeAgendaItem(db, actorOf(secretary), slug, 1, welcome.id);
		expect(await titles()).toEqual(['Any other business', 'Foreign record checks']);
	});

	it('refuses reordering another meeting’s item, and any change to a held meeting’s agenda', async () => {
		const { db, secretary, slug } = await setup();
		const one = await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		const two = await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		const a = await addAgendaItem(db, actorOf(secretary), slug, one.number, {
			title: 'A',
			plannedMinutes: 5
		});
		const b = await addAgendaItem(db, actorOf(secretary), slug, one.number, {
			title: 'B',
			plannedMinutes: 5
		});
		const foreign = await failure(
			moveAgendaItem(db, actorOf(secretary), slug, two.number, b.id, { direction: 'up' })
		);
		expect(foreign.code).toBe('not_found');
		expect(foreign.msg.key).toBe('agenda.item_not_found');
		expect((await listAgenda(db, one.id)).map((i) => i.id)).toEqual([a.id, b.id]);
		for (const state of ['scheduled', 'live', 'closed']) {
			await changeMeetingState(db, actorOf(secretary), slug, one.number, { state }, clock);
		}
		const attempts = [
			() =>
				addAgendaItem(db, actorOf(secretary), slug, one.number, { title: 'C', plannedMinutes: 5 }),
			() => updateAgendaItem(db, actorOf(secretary), slug, one.number, a.id, { title: 'A2' }),
			() => moveAgendaItem(db, actorOf(secretary), slug, one.number, b.id, { direction: 'up' }),
			() => removeAgendaItem(db, actorOf(secretary), slug, one.number, a.id),
			() =>
				attachDocument(db, actorOf(secretary), slug, one.number, a.id, {
					title: 'Report',
					url: 'https://example.org/r.pdf'
				})
		];
		for (const attempt of attempts) {
			const error = await failure(attempt());
			expect(error.code).toBe('conflict');
			expect(error.msg.key).toBe('agenda.locked');
		}
		const agenda = await listAgenda(db, one.id);
		expect(agenda.map((i) => [i.title, i.documents.length])).toEqual([
			['A', 0],
			['B', 0]
		]);
	});

	it('attaches links and PDFs; refuses files that are not PDFs or too large', async () => {
		const { db, secretary, slug } = await setup();
		const meeting = await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		const item = await addAgendaItem(db, actorOf(secretary), slug, 1, {
			title: 'Report',
			plannedMinutes: 20
		});
		const link = await attachDocument(db, actorOf(secretary), slug, 1, item.id, {
			title: 'Terms of reference',
			url: 'https://example.org/terms'
		});
		expect(link.kind).toBe('link');
		const file = await attachDocument(
			db,
			actorOf(secretary),
			slug,
			1,
			item.id,
			{ title: 'Quarterly report' },
			{ name: 'report.pdf', bytes: pdf() }
		);
		expect(file.kind).toBe('pdf');
		const notPdf = await failure(
			attachDocument(
				db,
				actorOf(secretary),
				slug,
				1,
				item.id,
				{ title: 'Sneaky' },
				{ name: 'x.pdf', bytes: new TextEncoder().encode('<script>alert(1)</script>') }
			)
		);
		expect(notPdf.fields.file.key).toBe('document.not_pdf');
		const huge = await failure(
			attachDocument(
				db,
				actorOf(secretary),
				slug,
				1,
				item.id,
				{ title: 'Huge' },
				{ name: 'huge.pdf', bytes: pdf(maxUploadBytes + 1) }
			)
		);
		expect(huge.fields.file.key).toBe('document.too_large');
		// The PDF's bytes are in the database, written with its row; the refused ones left nothing.
		expect(await storedFiles(db, item.id)).toEqual([{ documentId: file.id, size: 2000 }]);
		const rows = await db
			.select()
			.from(agendaDocuments)
			.where(eq(agendaDocuments.agendaItemId, item.id));
		expect(rows).toHaveLength(2);
		// A draft's papers are not public; once published they are.
		expect((await failure(documentForDownload(db, actorOf(null), slug, 1, file.id))).code).toBe(
			'not_found'
		);
		await changeMeetingState(
			db,
			actorOf(secretary),
			slug,
			meeting.number,
			{ state: 'scheduled' },
			clock
		);
		const download = await documentForDownload(db, actorOf(null), slug, 1, file.id);
		expect(Buffer.from(download.bytes).equals(Buffer.from(pdf()))).toBe(true);
		await removeAgendaItem(db, actorOf(secretary), slug, 1, item.id);
		expect(await storedFiles(db, item.id)).toEqual([]);
		expect(await db.select().from(agendaItems).where(eq(agendaItems.id, item.id))).toHaveLength(0);
		expect(
			await db.select().from(agendaDocumentFiles).where(eq(agendaDocumentFiles.documentId, file.id))
		).toHaveLength(0);
	});

	it('removes the bytes of a PDF with its document, and only its own', async () => {
		const { db, secretary, slug } = await setup();
		await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		const item = await addAgendaItem(db, actorOf(secretary), slug, 1, {
			title: 'Papers',
			plannedMinutes: 10
		});
		const attach = (title: string) =>
			attachDocument(
				db,
				actorOf(secretary),
				slug,
				1,
				item.id,
				{ title },
				{
					name: `${title}.pdf`,
					bytes: pdf()
				}
			);
		const kept = await attach('Kept');
		const removed = await attach('Removed');
		await removeDocument(db, actorOf(secretary), slug, 1, removed.id);
		expect(await storedFiles(db, item.id)).toEqual([{ documentId: kept.id, size: 2000 }]);
	});

	it('lists upcoming and past meetings; drafts only for officers', async () => {
		const { db, group, secretary, slug } = await setup();
		await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		await createMeeting(
			db,
			actorOf(secretary),
			slug,
			meetingInput({ startsAt: '2026-05-01T10:00', endsAt: '2026-05-01T11:00' }),
			clock
		);
		await changeMeetingState(db, actorOf(secretary), slug, 2, { state: 'scheduled' }, clock);
		const publicUpcoming = await listMeetings(db, group, {
			when: 'upcoming',
			includeDrafts: false,
			limit: 10,
			now
		});
		expect(publicUpcoming.map((m) => m.number)).toEqual([2]);
		const officerUpcoming = await listMeetings(db, group, {
			when: 'upcoming',
			includeDrafts: true,
			limit: 10,
			now
		});
		expect(officerUpcoming.map((m) => m.number)).toEqual([1, 2]);
		const later = new Date('2026-06-01T00:00:00Z');
		const past = await listMeetings(db, group, {
			when: 'past',
			includeDrafts: false,
			limit: 10,
			now: later
		});
		expect(past.map((m) => m.number)).toEqual([2]);
	});

	it('takes agenda proposals from member representatives; the chair accepts or declines with a reason', async () => {
		const { db, chair, secretary, slug } = await setup();
		const representative = await makeMember(db, slug, chair, 'Riverside Refugee Forum');
		await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		await changeMeetingState(db, actorOf(secretary), slug, 1, { state: 'scheduled' }, clock);
		const outsider = await makeUser(db);
		const refused = await failure(
			proposeAgendaItem(db, actorOf(outsider), slug, 1, { title: 'X', why: 'Y' }, clock)
		);
		expect(refused.code).toBe('not_allowed');
		const first = await proposeAgendaItem(
			db,
			actorOf(representative),
			slug,
			1,
			{ title: 'Interpreters in custody', why: 'People are questioned without one.' },
			clock
		);
		const second = await proposeAgendaItem(
			db,
			actorOf(representative),
			slug,
			1,
			{ title: 'Parking at the station', why: 'It is hard to park.' },
			{ now: new Date(now.getTime() + 60_000) }
		);
		expect(
			(
				await failure(
					decideProposal(db, actorOf(secretary), slug, first.id, { outcome: 'accepted' })
				)
			).code
		).toBe('not_allowed');
		const noReason = await failure(
			decideProposal(db, actorOf(chair), slug, second.id, { outcome: 'declined' })
		);
		expect(noReason.fields.reason.key).toBe('proposals.reason_required');
		await decideProposal(db, actorOf(chair), slug, first.id, { outcome: 'accepted' });
		await decideProposal(db, actorOf(chair), slug, second.id, {
			outcome: 'declined',
			reason: 'Outside the terms of reference.'
		});
		const twice = await failure(
			decideProposal(db, actorOf(chair), slug, second.id, { outcome: 'accepted' })
		);
		expect(twice.msg.key).toBe('proposals.already_decided');
		const record = publicRecord(await meetingRecord(db, actorOf(null), slug, 1));
		expect(record.agenda.map((i) => [i.title, i.presenter])).toEqual([
			['Interpreters in custody', 'Riverside Refugee Forum']
		]);
		expect(record.proposals.map((p) => [p.title, p.status, p.reason, p.organisation])).toEqual([
			['Interpreters in custody', 'accepted', null, 'Riverside Refugee Forum'],
			[
				'Parking at the station',
				'declined',
				'Outside the terms of reference.',
				'Riverside Refugee Forum'
			]
		]);
		expect(record.proposals[0].acceptedOnto).toBe(1);
	});

	it('records attendance per organisation, with apologies sent beforehand', async () => {
		const { db, chair, secretary, group, slug } = await setup();
		const forumRep = await makeMember(db, slug, chair, 'Riverside Refugee Forum');
		await makeMember(db, slug, chair, 'Harbour Law Centre');
		const record = async () => publicRecord(await meetingRecord(db, actorOf(null), slug, 1));
		await createMeeting(db, actorOf(secretary), slug, meetingInput(), clock);
		await changeMeetingState(db, actorOf(secretary), slug, 1, { state: 'scheduled' }, clock);
		const sent = await sendApologies(db, actorOf(forumRep), slug, 1, {}, clock);
		expect(sent.organisationName).toBe('Riverside Refugee Forum');
		expect((await record()).attendance).toEqual([
			expect.objectContaining({
				organisation: 'Riverside Refugee Forum',
				status: 'apologies',
				apologiesSentBeforehand: true
			})
		]);
		const tooLate = await failure(
			sendApologies(db, actorOf(forumRep), slug, 1, {}, { now: new Date('2026-04-02T18:00:00Z') })
		);
		expect(tooLate.msg.key).toBe('attendance.too_late');
		const stranger = await makeUser(db);
		expect((await failure(sendApologies(db, actorOf(stranger), slug, 1, {}, clock))).code).toBe(
			'not_allowed'
		);
		await changeMeetingState(db, actorOf(secretary), slug, 1, { state: 'live' }, clock);
		const rows = (await record()).attendance;
		const law = (await import('$lib/server/meetings/members')).membersAt;
		const members = await law(
			db,
			group.id,
			(await findMeeting(db, actorOf(null), slug, 1)).meeting
		);
		const idOf = (name: string) => members.find((m) => m.organisationName === name)!.id;
		expect(rows).toHaveLength(1);
		const notMember = await failure(
			recordAttendance(db, actorOf(secretary), slug, 1, {
				entries: [{ membershipId: '00000000-0000-4000-8000-000000000000', status: 'present' }]
			})
		);
		expect(notMember.fields['entries.0.membershipId'].key).toBe('attendance.not_member');
		expect(
			(await failure(recordAttendance(db, actorOf(forumRep), slug, 1, { entries: [] }))).code
		).toBe('not_allowed');
		await recordAttendance(db, actorOf(secretary), slug, 1, {
			entries: [
				{ membershipId: idOf('Riverside Refugee Forum'), status: 'apologies' },
				{ membershipId: idOf('Harbour Law Centre'), status: 'present' }
			],
			otherAttendees: '12'
		});
		const after = await record();
		expect(after.otherAttendees).toBe(12);
		expect(
			after.attendance.map((a) => [a.organisation, a.status, a.apologiesSentBeforehand])
		).toEqual([
			['Harbour Law Centre', 'present', false],
			['Riverside Refugee Forum', 'apologies', true]
		]);
		await changeMeetingState(db, actorOf(secretary), slug, 1, { state: 'closed' }, clock);
		const summary = await attendanceByOrganisation(db, group.id);
		expect(summary.meetings).toBe(1);
		expect(
			summary.organisations.map((o) => [o.organisationName, o.counts.present, o.counts.apologies])
		).toEqual([
			['Harbour Law Centre', 1, 0],
			['Riverside Refugee Forum', 0, 1]
		]);
	});
});
