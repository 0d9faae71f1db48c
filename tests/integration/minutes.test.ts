import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeMember, makeUser } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import type { Database } from '$lib/server/db';
import { groups, minutes, minutesVersions } from '$lib/server/db/schema';
import { changeMeetingState, createMeeting } from '$lib/server/meetings/meetings';
import { recordAttendance } from '$lib/server/meetings/attendance';
import { representedOrganisations } from '$lib/server/meetings/members';
import { askQuestion } from '$lib/server/questions/ask';
import { castVote, rateAnswer } from '$lib/server/questions/votes';
import { moderateQuestion } from '$lib/server/questions/moderate';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import { createDraftOnClose, regenerateDraft, saveDraft } from '$lib/server/minutes/draft';
import { publishMinutes } from '$lib/server/minutes/publish';
import { latestVersion, listVersions, pickVersion } from '$lib/server/minutes/versions';
import { diffHtml, diffMarkdown } from '$lib/server/minutes/diff';
import { minutesContext } from '$lib/server/minutes/access';
import {
	correctionWindow,
	declineCorrection,
	listCorrections,
	submitCorrection
} from '$lib/server/minutes/corrections';
import { markdownHash } from '$lib/server/minutes/rules';

const day = 86_400_000;

/** A meeting that was held: attendance, an agenda, a Q&A record with every kind of entry, closed. */
async function heldMeeting(db: Database) {
	const live = await liveMeeting(db);
	const slug = live.group.slug;
	const chair = actorOf(live.chair);
	const rep = await makeMember(db, slug, live.chair, 'Riverside Refugee Forum');
	const [org] = await representedOrganisations(db, live.group.id, rep.id);
	await recordAttendance(db, chair, slug, live.meeting.number, {
		entries: [{ membershipId: org.id, status: 'present' }],
		otherAttendees: 12
	});
	const context = await live.context();
	const secretUser = await makeUser(db, { displayName: 'Secret Asker Name' });
	const namedUser = await makeUser(db, { displayName: 'Named Asker' });
	const anonymous = await askQuestion(db, attendee(secretUser), context, {
		text: 'How long are people held while foreign record checks are done?',
		anonymous: true
	});
	const named = await askQuestion(db, attendee(namedUser), context, {
		text: 'What safeguards check the accuracy of convictions reported from abroad?',
		anonymous: false
	});
	const abusive = await askQuestion(db, attendee(), context, {
		text: 'An abusive question about someone',
		anonymous: true
	});
	const duplicate = await askQuestion(db, attendee(), context, {
		text: 'How long are people held during checks?',
		anonymous: true
	});
	const unreached = await askQuestion(db, attendee(), context, {
		text: 'Are British suspects checked the same way?',
		anonymous: true
	});
	for (let i = 0; i < 3; i++) await castVote(db, attendee(), context, { questionId: anonymous.id });
	await castVote(db, attendee(), context, { questionId: named.id });
	const officer = live.chairParticipant;
	await moderateQuestion(db, officer, context, {
		action: 'status',
		questionId: anonymous.id,
		status: 'not_answered',
		summary: 'The Service said it would look into it.'
	});
	await moderateQuestion(db, officer, context, {
		action: 'status',
		questionId: named.id,
		status: 'deferred',
		owner: 'Riverside Police Service',
		dueOn: '2027-01-31'
	});
	await rateAnswer(db, attendee(), context, { questionId: anonymous.id, verdict: 'not_answered' });
	await moderateQuestion(db, officer, context, {
		action: 'reject',
		questionId: abusive.id,
		reason: 'abusive'
	});
	await moderateQuestion(db, officer, context, {
		action: 'merge',
		questionId: duplicate.id,
		intoId: anonymous.id
	});
	await changeMeetingState(db, chair, slug, live.meeting.number, { state: 'closed' });
	return { ...live, slug, rep, org, namedUser, secretUser, unreached, n: live.meeting.number };
}

describeOnEachDatabase('minutes', (handle) => {
	it('generates a draft on close with the whole Q&A record and no anonymous asker', async () => {
		const { db } = handle();
		const held = await heldMeeting(db);
		const [row] = await db.select().from(minutes).where(eq(minutes.meetingId, held.meeting.id));
		const draft = row.draft;
		expect(row.publishedVersion).toBe(0);
		expect(draft).toContain('## Attendance');
		expect(draft).toContain('**Present:** Riverside Refugee Forum');
		expect(draft).toContain('Other attendees: 12');
		expect(draft).toContain('## Questions and answers');
		expect(draft).toContain('How long are people held while foreign record checks are done?');
		expect(draft).toContain('Asked by: Anonymous');
		expect(draft).toContain('Asked by: Named Asker');
		expect(draft).not.toContain('Secret Asker Name');
		expect(draft).toContain('Votes: 3');
		expect(draft).toContain('Chair’s status: Not answered');
		expect(draft).toContain('Chair’s status: Deferred');
		expect(draft).toContain('Chair’s status: Not reached');
		expect(draft).toContain('The room’s verdict: Answered 0, Partly answered 0, Not answered 1');
		expect(draft).toContain('Answer: The Service said it would look into it.');
		// The public moderation log: the merge with its reason, the abusive text withheld.
		expect(draft).toContain('Merged (Duplicate): How long are people held during checks?');
		expect(draft).toContain('Rejected (Abusive): (text withheld)');
		expect(draft).not.toContain('An abusive question');
		expect(draft).toContain('## Actions and commitments');
		expect(draft).toMatch(/owner: Riverside Police Service; due: 2027-01-31/);
		// Idempotent: a second generation in a closing transaction keeps the draft there.
		await saveDraft(db, actorOf(held.secretary), held.slug, held.n, { markdown: 'Edited.' });
		await db.transaction((tx) => createDraftOnClose(tx, held.group, held.meeting));
		const [again] = await db.select().from(minutes).where(eq(minutes.meetingId, held.meeting.id));
		expect(again.draft).toBe('Edited.');
	});

	it("writes the draft in the group's own language, whatever the officer's", async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		await askQuestion(db, attendee(), context, { text: 'When will we know?', anonymous: true });
		const slug = live.group.slug;
		const n = live.meeting.number;
		await db.update(groups).set({ language: 'ar' }).where(eq(groups.id, live.group.id));
		await changeMeetingState(db, { ...actorOf(live.chair), locale: 'en' }, slug, n, {
			state: 'closed'
		});
		const draftNow = async () =>
			(await db.select().from(minutes).where(eq(minutes.meetingId, live.meeting.id)))[0].draft;
		const arabic = await draftNow();
		expect(arabic).toContain('## الحضور');
		expect(arabic).toContain('## الأسئلة والأجوبة');
		expect(arabic).not.toContain('## Attendance');
		expect(arabic).toContain('When will we know?'); // what people wrote stays as written
		await db.update(groups).set({ language: 'en' }).where(eq(groups.id, live.group.id));
		await regenerateDraft(db, { ...actorOf(live.secretary), locale: 'ar' }, slug, n);
		const english = await draftNow();
		expect(english).toContain('## Questions and answers');
		expect(english).not.toContain('الحضور');
	});

	it('publishes, refuses an empty draft and an amendment without a note, keeps versions immutable', async () => {
		const { db } = handle();
		const held = await heldMeeting(db);
		const secretary = actorOf(held.secretary);
		const { slug, n } = held;
		expect((await failure(publishMinutes(db, actorOf(null), slug, n, {}))).status).toBe(401);
		expect((await failure(publishMinutes(db, actorOf(held.rep), slug, n, {}))).status).toBe(403);
		await saveDraft(db, secretary, slug, n, { markdown: '  \n\t ' });
		const empty = await failure(publishMinutes(db, secretary, slug, n, {}));
		expect(empty.status).toBe(400);
		expect(empty.fields.markdown?.key).toBe('minutes.empty');
		await regenerateDraft(db, secretary, slug, n);
		const v1 = await publishMinutes(db, secretary, slug, n, {});
		expect(v1).toMatchObject({ version: 1, changeNote: null });
		expect(v1.publishedByName).toBe(held.secretary.displayName);
		// Once published, the draft is no longer generated again.
		expect((await failure(regenerateDraft(db, secretary, slug, n))).msg.key).toBe(
			'minutes.already_published'
		);
		const noNote = await failure(publishMinutes(db, secretary, slug, n, {}));
		expect(noNote.fields.changeNote?.key).toBe('minutes.change_note_required');
		const unchanged = await failure(publishMinutes(db, secretary, slug, n, { changeNote: 'x' }));
		expect(unchanged.msg.key).toBe('minutes.unchanged');
		await saveDraft(db, secretary, slug, n, {
			markdown: v1.markdown.replace('Other attendees: 12', 'Other attendees: 14')
		});
		const v2 = await publishMinutes(db, actorOf(held.chair), slug, n, {
			changeNote: 'Corrected the count of other attendees.'
		});
		expect(v2.version).toBe(2);
		const [row] = await db.select().from(minutes).where(eq(minutes.meetingId, held.meeting.id));
		expect(row.publishedVersion).toBe(2);
		const versions = await listVersions(db, held.meeting.id);
		expect(versions.map((v) => v.version)).toEqual([1, 2]);
		expect(pickVersion(versions, '1')?.markdown).toBe(v1.markdown);
		expect(pickVersion(versions, undefined)?.version).toBe(2);
		expect((await failure(Promise.resolve().then(() => pickVersion(versions, 7)))).status).toBe(
			404
		);
		// Editing a published version is refused by the database itself.
		await expect(
			db.execute(
				sql`update minutes_versions set markdown = 'rewritten' where meeting_id = ${held.meeting.id}`
			)
		).rejects.toThrow();
		const [kept] = await db
			.select({ markdown: minutesVersions.markdown })
			.from(minutesVersions)
			.where(eq(minutesVersions.meetingId, held.meeting.id))
			.orderBy(minutesVersions.version);
		expect(kept.markdown).toBe(v1.markdown);
		// Both publications are in the group's decision log, which still verifies.
		const log = await listDecisions(db, held.group.id);
		const entries = log.filter((e) => e.kind.startsWith('minutes.'));
		expect(entries.map((e) => e.kind)).toEqual(['minutes.published', 'minutes.amended']);
		expect(entries[1].payload).toMatchObject({
			meeting: n,
			version: 2,
			sha256: markdownHash(v2.markdown),
			changeNote: 'Corrected the count of other attendees.'
		});
		expect(verifyChain(log).ok).toBe(true);
	});

	it('diffs two versions by line and by word', () => {
		const blocks = diffMarkdown(
			'# Minutes\n\nPresent: A, B\n',
			'# Minutes\n\nPresent: A, B, C\nNew line\n'
		);
		expect(blocks[0]).toEqual({ kind: 'same', parts: [{ kind: 'same', text: '# Minutes\n\n' }] });
		expect(blocks[1].kind).toBe('changed');
		const added = blocks[1].parts
			.filter((p) => p.kind === 'added')
			.map((p) => p.text)
			.join('');
		expect(added).toContain('C');
		expect(added).toContain('New line');
		expect(blocks[1].parts.filter((p) => p.kind === 'removed')).toHaveLength(0);
		expect(diffMarkdown('same\n', 'same\n').every((b) => b.kind === 'same')).toBe(true);
		const labels = { added: 'added:', addedEnd: 'end', removed: 'removed:', removedEnd: 'end' };
		const html = diffHtml(diffMarkdown('Keep <b>\n', 'Keep <b>\n<script>x</script>\n'), labels);
		expect(html).toContain('Keep &lt;b&gt;');
		expect(html).toMatch(/<ins><span class="visually-hidden">added:<\/span>&lt;script&gt;/);
		expect(html).not.toContain('<script>');
		const removed = diffHtml(diffMarkdown('a\nb\n', 'a\n'), labels);
		expect(removed).toContain('<del><span class="visually-hidden">removed:</span>b');
	});

	it('takes corrections from eligible people within the window; declines keep a dissent', async () => {
		const { db } = handle();
		const held = await heldMeeting(db);
		const { slug, n } = held;
		const secretary = actorOf(held.secretary);
		const early = await failure(submitCorrection(db, actorOf(held.rep), slug, n, { text: 'x' }));
		expect(early.msg.key).toBe('correction.not_published');
		const v1 = await publishMinutes(db, secretary, slug, n, {});
		const stranger = await makeUser(db);
		expect(
			(await failure(submitCorrection(db, actorOf(stranger), slug, n, { text: 'Wrong.' }))).msg.key
		).toBe('correction.not_eligible');
		expect(
			(await failure(submitCorrection(db, actorOf(null), slug, n, { text: 'Wrong.' }))).status
		).toBe(401);
		const blank = await failure(submitCorrection(db, actorOf(held.rep), slug, n, { text: ' ' }));
		expect(blank.fields.text).toBeDefined();
		const fromMember = await submitCorrection(db, actorOf(held.rep), slug, n, {
			text: 'Our organisation also asked about interpreters; this is missing.'
		});
		expect(fromMember).toMatchObject({
			state: 'submitted',
			version: 1,
			organisationName: 'Riverside Refugee Forum',
			authorName: held.rep.displayName
		});
		const fromAsker = await submitCorrection(db, actorOf(held.namedUser), slug, n, {
			text: 'My question was about convictions, not cautions.'
		});
		expect(fromAsker.organisationName).toBeNull();
		// The window runs from the latest publication for the group's number of days.
		const late = { now: new Date(v1.publishedAt.getTime() + 15 * day) };
		expect(
			(await failure(submitCorrection(db, actorOf(held.rep), slug, n, { text: 'Late.' }, late))).msg
				.key
		).toBe('correction.window_closed');
		const context = await minutesContext(db, actorOf(held.rep), slug, n);
		const latest = await latestVersion(db, context.meeting.id);
		expect((await correctionWindow(db, actorOf(held.rep), context, latest)).eligible).toBe(true);
		expect((await correctionWindow(db, actorOf(stranger), context, latest)).eligible).toBe(false);
		expect((await correctionWindow(db, actorOf(held.rep), context, latest, late)).open).toBe(false);
		// Declining needs a reason and leaves a recorded dissent.
		const noReason = await failure(
			declineCorrection(db, secretary, slug, n, fromAsker.id, { reason: '' })
		);
		expect(noReason.fields.reason).toBeDefined();
		expect(
			(
				await failure(
					declineCorrection(db, actorOf(held.rep), slug, n, fromAsker.id, { reason: 'No.' })
				)
			).status
		).toBe(403);
		const declined = await declineCorrection(db, secretary, slug, n, fromAsker.id, {
			reason: 'The recording shows the question was about cautions.'
		});
		expect(declined).toMatchObject({ state: 'declined', decisionReason: expect.any(String) });
		expect(
			(await failure(declineCorrection(db, secretary, slug, n, fromAsker.id, { reason: 'x' }))).msg
				.key
		).toBe('correction.already_decided');
		// Accepting is an amendment; a declined correction cannot be accepted.
		await saveDraft(db, secretary, slug, n, {
			markdown: `${v1.markdown}\nThe forum also asked about interpreters.\n`
		});
		const wrong = await failure(
			publishMinutes(db, secretary, slug, n, {
				changeNote: 'Added the interpreters question.',
				acceptCorrections: [fromAsker.id]
			})
		);
		expect(wrong.fields.acceptCorrections?.key).toBe('correction.not_pending');
		const v2 = await publishMinutes(db, secretary, slug, n, {
			changeNote: 'Added the interpreters question.',
			acceptCorrections: [fromMember.id]
		});
		const corrections = await listCorrections(db, held.meeting.id);
		const byId = new Map(corrections.map((c) => [c.id, c]));
		expect(byId.get(fromMember.id)).toMatchObject({ state: 'accepted', amendedInVersion: 2 });
		expect(byId.get(fromAsker.id)).toMatchObject({ state: 'declined', amendedInVersion: null });
		const log = await listDecisions(db, held.group.id);
		expect(log.at(-1)?.payload).toMatchObject({ version: 2, acceptedCorrections: [fromMember.id] });
		expect(v2.version).toBe(2);
		expect(verifyChain(log).ok).toBe(true);
	});

	it('publishes one version when two officers publish at once; limits corrections per account', async () => {
		const { db } = handle();
		const held = await heldMeeting(db);
		const { slug, n } = held;
		const results = await Promise.allSettled([
			publishMinutes(db, actorOf(held.secretary), slug, n, {}),
			publishMinutes(db, actorOf(held.chair), slug, n, {})
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(refused.reason.fields.changeNote?.key).toBe('minutes.change_note_required');
		expect((await listVersions(db, held.meeting.id)).map((v) => v.version)).toEqual([1]);
		for (let i = 0; i < 5; i++) {
			await submitCorrection(db, actorOf(held.rep), slug, n, { text: `Correction ${i}` });
		}
		const limited = await failure(
			submitCorrection(db, actorOf(held.rep), slug, n, { text: 'One too many' })
		);
		expect(limited.status).toBe(429);
		expect(await listCorrections(db, held.meeting.id)).toHaveLength(5);
	});

	it('writes minutes only for a closed meeting, and only officers', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const slug = live.group.slug;
		const notClosed = await failure(
			saveDraft(db, actorOf(live.secretary), slug, live.meeting.number, { markdown: 'x' })
		);
		expect(notClosed.msg.key).toBe('minutes.not_closed');
		const future = await createMeeting(db, actorOf(live.chair), slug, {
			title: 'Draft meeting',
			startsAt: new Date(Date.now() + 5 * day).toISOString(),
			endsAt: new Date(Date.now() + 5 * day + 3_600_000).toISOString()
		});
		// A draft meeting is unknown to the public.
		expect((await failure(minutesContext(db, actorOf(null), slug, future.number))).status).toBe(
			404
		);
		const held = await heldMeeting(db);
		expect(
			(await failure(saveDraft(db, actorOf(held.rep), held.slug, held.n, { markdown: 'x' }))).status
		).toBe(403);
		const regenerated = await regenerateDraft(db, actorOf(held.secretary), held.slug, held.n);
		expect(regenerated.draft).toContain('## Questions and answers');
	});
});
