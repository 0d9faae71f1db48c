import { describe, expect, it } from 'vitest';
import { panelMajority, rankByLot } from './panel-draw';

describe('the draw by lot', () => {
	const orgs = ['a law centre', 'a refugee forum', 'a faith shelter', 'a women’s network'].map(
		(organisationKey) => ({ organisationKey })
	);
	it('is the same for the same seed whatever the order given, and changes with the seed', () => {
		const one = rankByLot('abc', orgs).map((o) => o.organisationKey);
		expect(rankByLot('abc', [...orgs].reverse()).map((o) => o.organisationKey)).toEqual(one);
		const others = ['1', '2', '3', '4', '5'].map((s) =>
			rankByLot(s, orgs)
				.map((o) => o.organisationKey)
				.join()
		);
		expect(new Set(others).size).toBeGreaterThan(1);
	});
	it('decides by a majority of three', () => {
		expect(panelMajority(['upheld'])).toBeUndefined();
		expect(panelMajority(['upheld', 'overturned'])).toBeUndefined();
		expect(panelMajority(['overturned', 'upheld', 'overturned'])).toBe('overturned');
		expect(panelMajority(['upheld', 'upheld'])).toBe('upheld');
	});
});
