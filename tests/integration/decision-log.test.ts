import { expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { actorOf, makeMember, makeUser } from '../fixtures/factories';
import { attendee, liveMeeting } from '../fixtures/live';
import { failure } from '../fixtures/errors';
import type { Database } from '$lib/server/db';
import { listDecisions } from '$lib/server/decision-log/log';
import { verifyChain } from '$lib/server/decision-log/chain';
import { listCheckpoints } from '$lib/server/decision-log/checkpoints';
import { askQuestion } from '$lib/server/questions/ask';
import { moderateQuestion } from '$lib/server/questions/moderate';
import { recordCommitment, updateCommitmentStatus } from '$lib/server/commitments/commitments';
import { changeMeetingState, createMeeting } from '$lib/server/meetings/meetings';
import { decideProposal, proposeAgendaItem } from '$lib/server/meetings/proposals';
import { regenerateDraft, saveDraft } from '$lib/server/minutes/draft';
import { publishMinutes } from '$lib/server/minutes/publish';
import { declineCorrection, submitCorrection } from '$lib/server/minutes/corrections';

/** The log's entries after the first `from` (what one step appended). */
async function appendedSince(db: Database, groupId: string, from: number) {
	return (await listDecisions(db, groupId)).slice(from);
}

describeOnEachDatabase('decision log: what can be disputed', (handle) => {
	it('logs rejections, merges and answer statuses in their transaction, with nothing about the asker', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const context = await live.context();
		const officer = live.chairParticipant;
		const secretAsker = await makeUser(db, { displayName: 'Secret Asker Name' });
		const abusive = await askQuestion(db, attendee(secretAsker), context, {
			text: 'An abusive question naming someone',
			anonymous: true
		});
		const offTopic = await askQuestion(db, attendee(secretAsker), context, {
			text: 'What about the parking at the station?',
			anonymous: true
		});
		const original = await askQuestion(db, attendee(), context, {
			text: 'How long are people held while record checks are done?',
			anonymous: false,
			name: 'Named Asker'
		});
		const duplicate = await askQuestion(db, attendee(), context, {
			text: 'How long are people held during checks?',
			anonymous: true
		});
		const deferred = await askQuestion(db, attendee(), context, {
			text: 'What safeguards check convictions reported from abroad?',
			anonymous: true
		});
		const base = (await listDecisions(db, live.group.id)).length;

		await moderateQuestion(db, officer, context, {
			action: 'reject',
			questionId: abusive.id,
			reason: 'abusive',
			note: 'Names a private person.'
		});
		await moderateQuestion(db, officer, context, {
			action: 'reject',
			questionId: offTopic.id,
			reason: 'off_topic'
		});
		// Failing operations append nothing.
		expect(
			(
				await failure(
					moderateQuestion(db, officer, context, {
						action: 'reject',
						questionId: abusive.id,
						reason: 'abusive'
					})
				)
			).status
		).toBe(409);
		await failure(
			moderateQuestion(db, officer, context, {
				action: 'status',
				questionId: deferred.id,
				status: 'deferred',
				owner: 'Riverside Police Service'
			})
		);
		// Approving and pinning are not decisions anyone disputes: no entry.
		await moderateQuestion(db, officer, context, { action: 'pin', questionId: original.id });
		await moderateQuestion(db, officer, context, {
			action: 'merge',
			questionId: duplicate.id,
			intoId: original.id
		});
		await moderateQuestion(db, officer, context, {
			action: 'status',
			questionId: original.id,
			status: 'partly_answered',
			summary: 'Usually within a day.'
		});
		await moderateQuestion(db, officer, context, {
			action: 'status',
			questionId: deferred.id,
			status: 'deferred',
			owner: 'Riverside Police Service',
			dueOn: '2027-01-31'
		});

		const entries = await appendedSince(db, live.group.id, base);
		expect(entries.map((e) => e.kind)).toEqual([
			'question.rejected',
			'question.rejected',
			'question.merged',
			'question.answered',
			'question.answered',
			'commitment.made'
		]);
		const [rejectedAbusive, rejectedOffTopic, merged, partly, deferredEntry, made] = entries;
		expect(rejectedAbusive).toMatchObject({
			subject: `question:${abusive.id}`,
			payload: {
				meeting: live.meeting.number,
				question: abusive.id,
				text: null,
				reason: 'abusive',
				note: 'Names a private person.'
			}
		});
		expect(rejectedOffTopic.payload).toMatchObject({
			text: 'What about the parking at the station?',
			reason: 'off_topic'
		});
		expect(merged.payload).toMatchObject({
			question: duplicate.id,
			into: original.id,
			reason: 'duplicate'
		});
		expect(partly.payload).toMatchObject({
			status: 'partly_answered',
			summary: 'Usually within a day.'
		});
		expect(deferredEntry.payload).toMatchObject({ status: 'deferred', question: deferred.id });
		expect(made.payload).toMatchObject({
			question: deferred.id,
			owner: 'Riverside Police Service',
			dueOn: '2027-01-31'
		});
		// Nothing that identifies an asker, named or anonymous, ever enters the permanent log.
		const logged = JSON.stringify(entries);
		for (const secret of [
			'Secret Asker Name',
			secretAsker.id,
			secretAsker.email,
			'Named Asker',
			'abusive question naming',
			'anonymous',
			'askerName'
		]) {
			expect(logged).not.toContain(secret);
		}
		expect(verifyChain(await listDecisions(db, live.group.id)).ok).toBe(true);
	});

	it('logs commitments made, done and dropped (not reopened, not when refused)', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const { slug } = live.group;
		const n = live.meeting.number;
		const secretary = actorOf(live.secretary);
		const base = (await listDecisions(db, live.group.id)).length;
		const kept = await recordCommitment(db, secretary, slug, n, {
			owner: 'Riverside Police Service',
			description: 'Publish the custody figures.',
			dueOn: '2027-02-01'
		});
		const dropped = await recordCommitment(db, secretary, slug, n, {
			owner: 'Riverside Police Service',
			description: 'Visit the night shelter.',
			dueOn: '2027-02-01'
		});
		await failure(updateCommitmentStatus(db, secretary, slug, dropped.id, { status: 'dropped' }));
		await updateCommitmentStatus(db, secretary, slug, kept.id, {
			status: 'done',
			note: 'Published on the website.'
		});
		await updateCommitmentStatus(db, secretary, slug, dropped.id, {
			status: 'dropped',
			note: 'The shelter closed.'
		});
		await updateCommitmentStatus(db, secretary, slug, dropped.id, { status: 'open' });
		const entries = await appendedSince(db, live.group.id, base);
		expect(entries.map((e) => [e.kind, e.subject])).toEqual([
			['commitment.made', `commitment:${kept.id}`],
			['commitment.made', `commitment:${dropped.id}`],
			['commitment.done', `commitment:${kept.id}`],
			['commitment.dropped', `commitment:${dropped.id}`]
		]);
		expect(entries[0].payload).toMatchObject({
			meeting: n,
			owner: 'Riverside Police Service',
			description: 'Publish the custody figures.',
			dueOn: '2027-02-01'
		});
		expect(entries[2].payload).toMatchObject({ note: 'Published on the website.' });
		expect(entries[3].payload).toMatchObject({ reason: 'The shelter closed.' });
		expect(verifyChain(await listDecisions(db, live.group.id)).ok).toBe(true);
	});

	it('logs agenda proposals accepted and declined, and corrections accepted and declined', async () => {
		const { db } = handle();
		const live = await liveMeeting(db);
		const { slug } = live.group;
		const chair = actorOf(live.chair);
		const secretary = actorOf(live.secretary);
		const rep = await makeMember(db, slug, live.chair, 'Riverside Refugee Forum');
		const base = (await listDecisions(db, live.group.id)).length;

		// Proposals for a scheduled meeting.
		const start = new Date(Date.now() + 10 * 86_400_000);
		const next = await createMeeting(db, secretary, slug, {
			title: 'Next meeting',
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
			location: 'Town hall'
		});
		await changeMeetingState(db, secretary, slug, next.number, { state: 'scheduled' });
		const proposed = (title: string) =>
			proposeAgendaItem(db, actorOf(rep), slug, next.number, { title, why: 'It matters.' });
		const accepted = await proposed('Interpreters in custody');
		const declined = await proposed('Parking at the station');
		await failure(decideProposal(db, chair, slug, declined.id, { outcome: 'declined' }));
		await decideProposal(db, chair, slug, accepted.id, { outcome: 'accepted' });
		await decideProposal(db, chair, slug, declined.id, {
			outcome: 'declined',
			reason: 'Outside the terms of reference.'
		});
		await failure(decideProposal(db, chair, slug, accepted.id, { outcome: 'accepted' }));

		// Corrections to the live meeting's minutes, once closed and published.
		const n = live.meeting.number;
		await changeMeetingState(db, chair, slug, n, { state: 'closed' });
		await regenerateDraft(db, secretary, slug, n);
		await publishMinutes(db, secretary, slug, n, {});
		const first = await submitCorrection(db, actorOf(rep), slug, n, {
			text: 'Our organisation was present, not absent.'
		});
		const second = await submitCorrection(db, actorOf(rep), slug, n, {
			text: 'The meeting ended at nine, not eight.'
		});
		await declineCorrection(db, secretary, slug, n, second.id, {
			reason: 'The recording shows the meeting ended at eight.'
		});
		await failure(declineCorrection(db, secretary, slug, n, second.id, { reason: 'Again.' }));
		await saveDraft(db, secretary, slug, n, { markdown: 'Amended minutes.' });
		await publishMinutes(db, secretary, slug, n, {
			changeNote: 'Attendance corrected.',
			acceptCorrections: [first.id]
		});

		const entries = await appendedSince(db, live.group.id, base);
		expect(entries.map((e) => e.kind)).toEqual([
			'proposal.accepted',
			'proposal.declined',
			'minutes.published',
			'correction.declined',
			'correction.accepted',
			'minutes.amended'
		]);
		expect(entries[0]).toMatchObject({
			subject: `proposal:${accepted.id}`,
			payload: {
				organisation: 'Riverside Refugee Forum',
				title: 'Interpreters in custody',
				meeting: next.number
			}
		});
		expect(entries[1].payload).toMatchObject({
			title: 'Parking at the station',
			reason: 'Outside the terms of reference.'
		});
		expect(entries[3]).toMatchObject({
			subject: `correction:${second.id}`,
			payload: {
				meeting: n,
				version: 1,
				organisation: 'Riverside Refugee Forum',
				reason: 'The recording shows the meeting ended at eight.'
			}
		});
		expect(entries[4]).toMatchObject({
			subject: `correction:${first.id}`,
			payload: { meeting: n, version: 1, amendedInVersion: 2 }
		});
		// The person is named on the correction itself, not in the permanent log.
		expect(JSON.stringify(entries)).not.toContain(rep.displayName);
		// Each publication signed a checkpoint of the head in its transaction: the amendment's covers
		// the whole log.
		const log = await listDecisions(db, live.group.id);
		const { items: signed } = await listCheckpoints(db, live.group, { limit: 10 });
		expect(signed.map((c) => c.size)).toEqual([log.length, log.length - 3]);
		expect(signed[0].head).toBe(log.at(-1)?.hash);
		expect(verifyChain(await listDecisions(db, live.group.id)).ok).toBe(true);
	});
});
