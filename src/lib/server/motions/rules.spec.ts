import { describe, expect, it } from 'vitest';
import { canMove, countVotes, decideMotion, majorityFor, quorumNeeded } from './rules';

describe('motion rules', () => {
	it('rounds the quorum up', () => {
		expect([0, 1, 2, 3, 4, 6, 7].map((n) => quorumNeeded(n, 'third'))).toEqual([
			0, 1, 1, 1, 2, 2, 3
		]);
		expect([1, 2, 3, 4, 5].map((n) => quorumNeeded(n, 'half'))).toEqual([1, 1, 2, 2, 3]);
		expect([3, 4, 6].map((n) => quorumNeeded(n, 'two_thirds'))).toEqual([2, 3, 4]);
		expect(quorumNeeded(9, 'none')).toBe(0);
	});

	it('leaves abstentions out of the majority but counts them toward the quorum', () => {
		const counts = countVotes([{ vote: 'for' }, { vote: 'abstain' }, { vote: 'abstain' }]);
		expect(counts).toEqual({ for: 1, against: 0, abstain: 2 });
		expect(decideMotion(counts, 6, { quorum: 'half', majority: 'simple' })).toMatchObject({
			quorumNeeded: 3,
			quorumMet: true,
			outcome: 'carried'
		});
		expect(
			decideMotion({ for: 1, against: 1, abstain: 0 }, 3, { quorum: 'third', majority: 'simple' })
				.outcome
		).toBe('lost');
		expect(
			decideMotion({ for: 1, against: 0, abstain: 0 }, 6, { quorum: 'half', majority: 'simple' })
				.outcome
		).toBe('no_quorum');
	});

	it('carries by two-thirds only with at least two votes for in three', () => {
		expect(majorityFor({ for: 2, against: 1, abstain: 5 }, 'two_thirds')).toBe(true);
		expect(majorityFor({ for: 3, against: 2, abstain: 0 }, 'two_thirds')).toBe(false);
		expect(majorityFor({ for: 0, against: 0, abstain: 3 }, 'two_thirds')).toBe(false);
	});

	it('moves proposed → scheduled → voting → decided, or declined before the vote', () => {
		expect(canMove('proposed', 'scheduled')).toBe(true);
		expect(canMove('scheduled', 'declined')).toBe(true);
		expect(canMove('proposed', 'voting')).toBe(false);
		expect(canMove('voting', 'declined')).toBe(false);
		expect(canMove('decided', 'voting')).toBe(false);
	});
});
