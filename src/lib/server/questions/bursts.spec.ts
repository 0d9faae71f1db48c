import { describe, expect, it } from 'vitest';
import { isBurst } from './bursts';

describe('a burst of votes from new participants', () => {
	it('needs at least ten of them, making at least half of the recent votes', () => {
		expect(isBurst({ recent: 10, fromNew: 10 })).toBe(true);
		expect(isBurst({ recent: 20, fromNew: 10 })).toBe(true);
		expect(isBurst({ recent: 21, fromNew: 10 })).toBe(false);
		expect(isBurst({ recent: 9, fromNew: 9 })).toBe(false);
		expect(isBurst({ recent: 0, fromNew: 0 })).toBe(false);
	});
});
