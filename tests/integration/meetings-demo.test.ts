import { expect, it } from 'vitest';
import { asc, eq, isNotNull } from 'drizzle-orm';
import { describeOnEachDatabase } from '../fixtures/databases';
import { loadDemo, demoGroupSlug } from '$lib/server/demo/load-demo';
import { getGroup } from '$lib/server/groups/groups';
import { listMeetingsAfter, nextMeeting } from '$lib/server/meetings/meetings';
import { meetingRecord, publicRecord } from '$lib/server/meetings/record';
import { attendanceByOrganisation } from '$lib/server/meetings/attendance';
import { liveContext, liveSnapshot } from '$lib/server/questions/live';
import { commitments, minutes, minutesCorrections, minutesVersions } from '$lib/server/db/schema';
import { speakingRecord } from '$lib/server/speakers/read';

describeOnEachDatabase('the demo’s meetings', (handle) => {
	it('has three meetings held with attendance, falling at the second, and one coming up', async () => {
		const { db } = handle();
		await loadDemo(db);
		const group = await getGroup(db, demoGroupSlug);
		const meetings = await listMeetingsAfter(db, group, undefined, 10);
		expect(meetings.map((m) => m.state)).toEqual(['closed', 'closed', 'closed', 'scheduled']);
		expect(meetings[3].startsAt.getTime()).toBeGreaterThan(Date.now());
		expect(meetings[2].startsAt.getTime()).toBeLessThan(Date.now());
		// The meeting coming up has questions in advance, with their votes so far.
		const advance = await liveSnapshot(
			db,
			await liveContext(db, { user: null }, demoGroupSlug, meetings[3].number),
			null
		);
		expect(advance.questions.map((q) => q.votes).sort((a, b) => b - a)).toEqual([11, 7, 4]);

		const records = await Promise.all(
			meetings.map(async (m) =>
				publicRecord(await meetingRecord(db, { user: null }, demoGroupSlug, m.number))
			)
		);
		const present = records.map((r) => r.attendance.filter((a) => a.status === 'present').length);
		expect(present.slice(0, 3)).toEqual([6, 3, 5]);
		const apologies = records[1].attendance.filter((a) => a.status === 'apologies');
		expect(apologies).toHaveLength(2);
		expect(apologies.every((a) => a.apologiesSentBeforehand)).toBe(true);

		const coming = records[3];
		expect(coming.agenda.length).toBeGreaterThanOrEqual(6);
		expect(coming.agenda.some((i) => i.documents.length > 0)).toBe(true);
		expect(coming.proposals.map((p) => p.status).sort()).toEqual(['accepted', 'declined']);
		expect(coming.proposals.find((p) => p.status === 'declined')?.reason).toMatch(
			/terms of reference/
		);
		expect(coming.agenda.map((i) => i.title)).toContain(
			'Access to interpreters during custody interviews'
		);

		expect((await nextMeeting(db, group))?.number).toBe(4);
		const summary = await attendanceByOrganisation(db, group.id);
		expect(summary.meetings).toBe(3);
		expect(summary.organisations).toHaveLength(6);

		// The last meeting's live Q&A record.
		const record = await liveSnapshot(
			db,
			await liveContext(db, { user: null }, demoGroupSlug, meetings[2].number),
			null
		);
		const byText = (start: string) => record.questions.find((q) => q.text?.startsWith(start))!;
		expect(record.questions.filter((q) => q.state === 'published')).toHaveLength(12);
		expect(record.questions.filter((q) => q.anonymous).length).toBeGreaterThan(5);
		expect(byText('How long are people held')).toMatchObject({
			answerStatus: 'not_answered',
			votes: 26 // 23, and 3 more merged in from the duplicate
		});
		expect(byText('What safeguards check')).toMatchObject({ answerStatus: 'deferred' });
		const british = byText('Are British suspects');
		expect(british.answerStatus).toBe('partly_answered');
		expect(british.verdict.not_answered).toBeGreaterThan(british.verdict.partly_answered);
		expect(record.questions.filter((q) => q.state === 'rejected')).toHaveLength(1);
		expect(record.questions.filter((q) => q.state === 'merged')).toHaveLength(1);
		expect(record.questions.filter((q) => q.answerStatus === 'not_reached').length).toBeGreaterThan(
			0
		);
		const [commitment] = await db
			.select()
			.from(commitments)
			.where(isNotNull(commitments.questionId));
		expect(commitment.owner).toBe('Riverside Police Service');
		expect(new Date(commitment.dueOn).getTime()).toBeLessThan(Date.now()); // overdue

		// …and the next meeting's agenda carries them forward under matters arising.
		const arising = records[3].mattersArising;
		const texts = (kind: string) => arising.filter((m) => m.kind === kind).map((m) => m.text);
		// Open actions only (not the one done nor the one dropped); the deferred question is
		// carried as its commitment, once.
		expect(texts('action')).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/safeguards/),
				expect.stringMatching(/leaflet/),
				expect.stringMatching(/equality impact assessment/)
			])
		);
		expect(texts('action')).toHaveLength(3);
		expect(texts('question')).toContain(
			'How long are people held while foreign record checks are done?'
		);
		expect(texts('question')).not.toContain(
			'What safeguards check the accuracy of convictions reported from abroad?'
		);

		// Minutes for every meeting held: the first amended after a member's correction, a
		// correction to the second declined and kept as recorded dissent.
		const byMeeting = new Map(meetings.map((m) => [m.id, m.number]));
		const versions = await db
			.select()
			.from(minutesVersions)
			.orderBy(asc(minutesVersions.publishedAt));
		expect(versions.map((v) => `${byMeeting.get(v.meetingId)}.${v.version}`).sort()).toEqual([
			'1.1',
			'1.2',
			'2.1',
			'3.1'
		]);
		expect(versions.find((v) => v.version === 2)?.markdown).toMatch(/reviewed after six months/);
		expect(versions.find((v) => v.version === 2)?.changeNote).toMatch(/condition/);
		const corrections = await db.select().from(minutesCorrections);
		expect(
			corrections.map((c) => [byMeeting.get(c.meetingId), c.state, c.amendedInVersion])
		).toEqual(
			expect.arrayContaining([
				[1, 'accepted', 2],
				[2, 'declined', null]
			])
		);
		expect(corrections.find((c) => c.state === 'declined')?.decisionReason).toBeTruthy();
	});

	it('records a speakers list at the last meeting held: five turns on two items', async () => {
		const { db } = handle();
		await loadDemo(db);
		const group = await getGroup(db, demoGroupSlug);
		const meetings = await listMeetingsAfter(db, group, undefined, 10);
		const last = meetings[2];
		const record = await speakingRecord(db, last.id);
		expect(record.items).toHaveLength(2);
		expect(record.items.flatMap((i) => i.turns)).toHaveLength(5);
		expect(record.items[0].turns.map((t) => t.shownAs)).toEqual([
			'name',
			'organisation',
			'attendee'
		]);
		expect(record.totals.filter((t) => t.organisation !== null).length).toBeGreaterThanOrEqual(2);
		const [{ draft }] = await db
			.select({ draft: minutes.draft })
			.from(minutes)
			.where(eq(minutes.meetingId, last.id));
		expect(draft).toContain('## Speakers');
	});
});
