import { describe, expect, it } from 'vitest';
import { compositionOf, quarterOf } from './composition';

const d = (s: string) => new Date(`${s}T12:00:00Z`);

describe('compositionOf', () => {
	const result = compositionOf({
		categories: ['Legal advice', 'Faith group', 'Migrant rights'],
		memberships: [
			{ category: 'Legal advice', startedAt: d('2025-01-10'), endedAt: null },
			{ category: 'Faith group', startedAt: d('2025-02-01'), endedAt: d('2025-08-01') },
			{ category: 'Legal advice', startedAt: d('2025-07-15'), endedAt: null }
		],
		applications: [
			{
				category: 'Legal advice',
				status: 'accepted',
				submittedAt: d('2025-01-01'),
				decidedAt: d('2025-01-10'),
				refusedWhileClosed: false
			},
			{
				category: 'Legal advice',
				status: 'refused',
				submittedAt: d('2025-03-01'),
				decidedAt: d('2025-03-21'),
				refusedWhileClosed: false
			},
			{
				category: 'Migrant rights',
				status: 'refused',
				submittedAt: d('2025-05-01'),
				decidedAt: d('2025-05-01'),
				refusedWhileClosed: true
			},
			{
				category: 'Faith group',
				status: 'submitted',
				submittedAt: d('2025-09-01'),
				decidedAt: null,
				refusedWhileClosed: false
			}
		],
		now: d('2025-10-01')
	});

	it('counts current members by category, keeping empty current categories', () => {
		expect(result.currentMembers).toBe(2);
		expect(result.currentByCategory).toEqual([
			{ category: 'Legal advice', members: 2 },
			{ category: 'Faith group', members: 0 },
			{ category: 'Migrant rights', members: 0 }
		]);
	});

	it('counts joins and departures per quarter with a running total', () => {
		expect(result.flows).toEqual([
			{ period: '2025 Q1', joins: 2, departures: 0, members: 2 },
			{ period: '2025 Q2', joins: 0, departures: 0, members: 2 },
			{ period: '2025 Q3', joins: 1, departures: 1, members: 2 },
			{ period: '2025 Q4', joins: 0, departures: 0, members: 2 }
		]);
	});

	it('counts applications by category and outcome', () => {
		expect(result.byCategory).toEqual([
			{ category: 'Legal advice', received: 2, accepted: 1, refused: 1, withdrawn: 0, pending: 0 },
			{ category: 'Faith group', received: 1, accepted: 0, refused: 0, withdrawn: 0, pending: 1 },
			{ category: 'Migrant rights', received: 1, accepted: 0, refused: 1, withdrawn: 0, pending: 0 }
		]);
	});

	it('takes the median days to decision, leaving out automatic refusals while closed', () => {
		expect(result.decided).toBe(2);
		expect(result.medianDaysToDecision).toBe(14.5);
	});

	it('names quarters in UTC', () => {
		expect(quarterOf(new Date('2025-12-31T23:59:59Z'))).toBe('2025 Q4');
		expect(quarterOf(new Date('2026-04-01T00:00:00Z'))).toBe('2026 Q2');
	});
});
