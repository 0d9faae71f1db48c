import { describe, expect, it } from 'vitest';
import { fromStatuses, median, mayMove, organisationKey, whyNot, type Transition } from './rules';
import type { ApplicationStatus } from '../db/schema';

const state = (
	status: ApplicationStatus,
	appealStatus: 'pending' | 'upheld' | 'overturned' | null = null
) => ({
	status,
	appealStatus
});

describe('application transitions', () => {
	const table: [ReturnType<typeof state>, Transition, boolean][] = [
		[state('submitted'), 'review', true],
		[state('under_review'), 'review', false],
		[state('submitted'), 'withdraw', true],
		[state('under_review'), 'withdraw', true],
		[state('accepted'), 'withdraw', false],
		[state('refused'), 'withdraw', false],
		[state('submitted'), 'decide', true],
		[state('under_review'), 'decide', true],
		[state('withdrawn'), 'decide', false],
		[state('refused'), 'decide', false],
		[state('refused'), 'appeal', true],
		[state('refused', 'pending'), 'appeal', false],
		[state('refused', 'upheld'), 'appeal', false],
		[state('accepted'), 'appeal', false],
		[state('refused', 'pending'), 'decideAppeal', true],
		[state('refused'), 'decideAppeal', false],
		[state('accepted', 'overturned'), 'decideAppeal', false]
	];
	it.each(table)('%o may %s: %s', (app, transition, allowed) => {
		expect(mayMove(app, transition)).toBe(allowed);
		expect(whyNot(app, transition) === undefined).toBe(allowed);
		if (transition !== 'decideAppeal') {
			expect(fromStatuses(transition).includes(app.status)).toBe(
				allowed || (transition === 'appeal' && app.status === 'refused')
			);
		}
	});

	it('explains each refusal', () => {
		expect(whyNot(state('withdrawn'), 'decide')).toBe('application.conflict.withdrawn');
		expect(whyNot(state('accepted'), 'decide')).toBe('application.conflict.decided');
		expect(whyNot(state('under_review'), 'review')).toBe('application.conflict.in_review');
		expect(whyNot(state('refused', 'upheld'), 'appeal')).toBe('application.conflict.appealed');
		expect(whyNot(state('accepted'), 'appeal')).toBe('application.conflict.not_refused');
		expect(whyNot(state('refused'), 'decideAppeal')).toBe('application.conflict.no_appeal');
		expect(whyNot(state('refused', 'upheld'), 'decideAppeal')).toBe(
			'application.conflict.appeal_decided'
		);
	});
});

describe('organisationKey', () => {
	it('ignores case, outer and repeated spaces', () => {
		expect(organisationKey('  Harbour   LAW Centre ')).toBe(organisationKey('harbour law centre'));
		expect(organisationKey('Harbour Law Centre')).not.toBe(organisationKey('Harbour Law Center'));
	});
});

describe('median', () => {
	it('takes the middle value, or the mean of the middle two', () => {
		expect(median([])).toBeUndefined();
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 10])).toBe(3.5);
	});
});
