import { createHash } from 'node:crypto';

/** The size of an appeal panel. */
export const panelSize = 3;

/**
 * The draw by lot, as a pure rule anyone can recompute: each eligible organisation's key (its
 * name trimmed, lower-cased, spaces collapsed) is ranked by SHA-256(seed ":" key), lowest first.
 * The seed is the hash at the head of the group's decision log when the appeal was lodged.
 */
export function rankByLot<T extends { organisationKey: string }>(seed: string, candidates: T[]) {
	const score = (c: T) =>
		createHash('sha256').update(`${seed}:${c.organisationKey}`, 'utf8').digest('hex');
	return candidates
		.map((c) => ({ c, s: score(c) }))
		.sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0))
		.map(({ c }) => c);
}

/** The outcome once a majority of the panel agrees (undefined while undecided). */
export function panelMajority(votes: ('upheld' | 'overturned')[]) {
	const majority = Math.floor(panelSize / 2) + 1;
	for (const outcome of ['upheld', 'overturned'] as const) {
		if (votes.filter((v) => v === outcome).length >= majority) return outcome;
	}
	return undefined;
}
