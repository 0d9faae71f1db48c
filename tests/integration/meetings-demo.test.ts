import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { loadDemo, demoGroupSlug } from '$lib/server/demo/load-demo';
import { getGroup } from '$lib/server/groups/groups';
import { listMeetingsAfter, nextMeeting } from '$lib/server/meetings/meetings';
import { meetingRecord, publicRecord } from '$lib/server/meetings/record';
import { attendanceByOrganisation } from '$lib/server/meetings/attendance';
import { liveContext, liveSnapshot } from '$lib/server/questions/live';
import { commitments } from '$lib/server/db/schema';

describeOnEachDatabase('the demo’s meetings', (handle) => {
	it('has three meetings held with attendance, falling at the second, and one coming up', async () => {
		const { db } = handle();
		await loadDemo(db);
		const group = await getGroup(db, demoGroupSlug);
		const meetings = await listMeetingsAfter(db, group, undefined, 10);
		expect(meetings.map((m) => m.state)).toEqual(['closed', 'closed', 'closed', 'scheduled']);
		expect(meetings[3].startsAt.getTime()).toBeGreaterThan(Date.now());
		expect(meetings[2].startsAt.getTime()).toBeLessThan(Date.now());

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
		const [commitment] = await db.select().from(commitments);
		expect(commitment.owner).toBe('Riverside Police Service');
		expect(new Date(commitment.dueOn).getTime()).toBeLessThan(Date.now()); // overdue

		// …and the next meeting's agenda carries them forward under matters arising.
		const arising = records[3].mattersArising;
		expect(arising.find((m) => m.kind === 'action')?.text).toMatch(/safeguards/);
		expect(arising.filter((m) => m.kind === 'question').map((m) => m.text)).toEqual(
			expect.arrayContaining([
				'How long are people held while foreign record checks are done?',
				'What safeguards check the accuracy of convictions reported from abroad?'
			])
		);
	});
});
