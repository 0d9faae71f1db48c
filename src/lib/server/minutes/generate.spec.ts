import { describe, expect, it } from 'vitest';
import { createTranslate } from '$lib/i18n';
import { en } from '$lib/i18n/en';
import { fr } from '$lib/i18n/fr';
import type { LiveQuestion } from '$lib/realtime/live-types';
import { renderMarkdown } from '../markdown';
import { draftMarkdown, plain, type DraftSource } from './generate';
import { correctionDeadline, correctionWindowOpen, isBlank } from './rules';

const english = { t: createTranslate(en), locale: 'en' as const };

const question = (overrides: Partial<LiveQuestion>): LiveQuestion => ({
	id: crypto.randomUUID(),
	text: 'A question?',
	anonymous: true,
	askerName: null,
	source: 'app',
	state: 'published',
	rejectionReason: null,
	rejectionNote: null,
	mergedIntoId: null,
	answerStatus: 'answered',
	answerSummary: null,
	agendaItemId: null,
	votes: 0,
	countedAt: 0,
	verdict: { answered: 0, partly_answered: 0, not_answered: 0 },
	askedAt: '2026-11-26T18:00:00.000Z',
	...overrides
});

const source = (questions: LiveQuestion[]): DraftSource => ({
	meeting: {
		number: 3,
		title: 'Autumn meeting',
		startsAt: new Date('2026-11-26T18:30:00Z'),
		endsAt: new Date('2026-11-26T20:30:00Z'),
		location: 'Riverside Community Centre',
		otherAttendees: null
	},
	timeZone: 'Europe/London',
	attendance: [],
	agenda: [{ title: 'Custody checks', presenter: 'Inspector Grey' }],
	questions,
	commitments: []
});

describe('the generated draft', () => {
	it('keeps what others wrote as plain text', () => {
		const text = '# Heading [click](javascript:alert(1)) **bold** <b>x</b> | pipe\n- item';
		const html = renderMarkdown(plain(text));
		expect(html).not.toMatch(/<(h\d|a|strong|b|li)\b/);
		expect(html).toContain('[click]');
		expect(plain('1. not a list')).toBe('1\\. not a list');
	});

	it('marks the questions asked before the meeting went live, and none when that is unknown', () => {
		const questions = [
			question({ text: 'Sent the day before', askedAt: '2026-11-25T09:00:00.000Z', votes: 2 }),
			question({ text: 'Asked in the room', askedAt: '2026-11-26T18:45:00.000Z', votes: 1 })
		];
		const started = draftMarkdown(
			{
				...source(questions),
				meeting: { ...source([]).meeting, startedAt: new Date('2026-11-26T18:32:00Z') }
			},
			english
		);
		const block = (md: string, text: string) => md.slice(md.indexOf(text)).split(/\n\d+\. /)[0];
		expect(block(started, 'Sent the day before')).toContain(
			'Asked before the meeting (in advance)'
		);
		expect(block(started, 'Asked in the room')).not.toContain('in advance');
		expect(draftMarkdown(source(questions), english)).not.toContain('in advance');
	});

	it('lists questions by votes, names only named askers, and orders the sections', () => {
		const md = draftMarkdown(
			source([
				question({ text: 'Fewer votes', votes: 1, anonymous: false, askerName: 'Amina' }),
				question({ text: 'More votes', votes: 5 }),
				question({ text: 'Off topic', state: 'rejected', rejectionReason: 'off_topic' }),
				question({ text: 'Pending one', state: 'pending' })
			]),
			english
		);
		expect(md.indexOf('More votes')).toBeLessThan(md.indexOf('Fewer votes'));
		expect(md).toContain('Asked by: Amina');
		expect(md).toContain('Rejected (Off-topic): Off topic');
		expect(md).not.toContain('Pending one');
		expect(md).toContain(
			`1. Custody checks (${english.t('agenda.presenter', { name: 'Inspector Grey' })})`
		);
		const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
		expect(headings).toEqual([
			'Attendance',
			'Agenda',
			'Questions and answers',
			'Actions and commitments'
		]);
		expect(md).toMatch(/Thursday,? 26 November 2026 at 18:30 – 20:30 \(Europe\/London\)/);
	});

	it('writes the draft in the closing officer’s language, dates included', () => {
		const md = draftMarkdown(source([question({ text: 'Une question ?', votes: 2 })]), {
			t: createTranslate(fr, 'fr'),
			locale: 'fr'
		});
		expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual([
			'Présences',
			'Ordre du jour',
			'Questions et réponses',
			'Actions et engagements'
		]);
		expect(md).toContain('Posée par\u00a0: Anonyme');
		expect(md).toContain('jeudi 26 novembre 2026 à 18:30 – 20:30 (Europe/London)');
	});

	it('records each motion: who proposed and seconded it, its result and every organisation’s vote', () => {
		const motion = {
			number: 1,
			text: 'Publish the figures **monthly**',
			amendmentOf: null,
			state: 'decided',
			proposedBy: 'Harbour Mutual Aid',
			proposedAs: null,
			secondedBy: 'Riverside Law Centre',
			declineReason: null,
			totals: { for: 3, against: 1, abstain: 1 },
			result: { outcome: 'carried' as const, members: 6, quorumNeeded: 2 },
			votes: [
				{ organisation: 'Harbour Mutual Aid', vote: 'for' as const },
				{ organisation: 'Tenants Union', vote: 'against' as const }
			],
			notVoting: ['Youth Forum']
		};
		const declined = {
			...motion,
			number: 2,
			text: 'Thanks',
			state: 'declined',
			proposedBy: null,
			proposedAs: 'secretary',
			secondedBy: null,
			declineReason: 'Not by motion.',
			totals: null,
			result: null,
			votes: null,
			notVoting: null
		};
		const md = draftMarkdown({ ...source([]), motions: [motion, declined] }, english);
		const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
		expect(headings.slice(-2)).toEqual(['Motions', 'Actions and commitments']);
		expect(md).toContain('1. **Motion 1** Publish the figures \\*\\*monthly\\*\\*');
		expect(md).toContain(
			'   - Proposed by Harbour Mutual Aid; Seconded by Riverside Law Centre\n   - **Carried** — For 3 · Against 1 · Abstain 1'
		);
		expect(md).toContain('   - Tenants Union: Against');
		expect(md).toContain('   - Did not vote: Youth Forum');
		expect(md).toContain(
			'2. **Motion 2** Thanks\n   - Proposed by an officer (Secretary); Not seconded'
		);
		expect(md).toContain('   - Declined because: Not by motion.');
		// No motions, no section.
		expect(draftMarkdown(source([]), english)).not.toContain('## Motions');
	});

	it('keeps each question’s details nested under it, past the ninth question too', () => {
		const many = Array.from({ length: 12 }, (_, i) =>
			question({ text: `Question ${i + 1}`, votes: 12 - i })
		);
		const html = renderMarkdown(draftMarkdown(source(many), english));
		// One ordered list of twelve questions, each with its own list of details.
		const questionsPart = html.slice(html.indexOf('Questions and answers'));
		expect(questionsPart.match(/<ol>/g)).toHaveLength(1);
		expect(questionsPart.match(/<li>Question \d+/g)).toHaveLength(12);
		expect(questionsPart.match(/<ul>/g)?.length).toBeGreaterThanOrEqual(12);
	});
});

describe('minutes rules', () => {
	it('refuses blank drafts and closes the correction window after the set days', () => {
		expect(isBlank(' \n\t')).toBe(true);
		expect(isBlank('x')).toBe(false);
		const published = new Date('2026-11-01T12:00:00Z');
		expect(correctionDeadline(published, 14).toISOString()).toBe('2026-11-15T12:00:00.000Z');
		expect(correctionWindowOpen(published, 14, new Date('2026-11-15T11:59:59Z'))).toBe(true);
		expect(correctionWindowOpen(published, 14, new Date('2026-11-15T12:00:00Z'))).toBe(false);
	});
});
