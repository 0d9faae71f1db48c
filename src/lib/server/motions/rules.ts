import type {
	MotionMajority,
	MotionOutcome,
	MotionQuorum,
	MotionState,
	MotionVote
} from '../db/schema';

/**
 * The rules of motions with no database: the moves a motion may make, the quorum and the
 * outcome. Shared by the domain and its unit tests.
 */

const transitions: Record<MotionState, readonly MotionState[]> = {
	proposed: ['scheduled', 'declined'],
	scheduled: ['voting', 'declined'],
	voting: ['decided'],
	decided: [],
	declined: []
};

export function canMove(from: MotionState, to: MotionState): boolean {
	return transitions[from].includes(to);
}

/** Still to be decided: an amendment in one of these states holds back its main motion's vote. */
export function isUndecided(state: MotionState): boolean {
	return state === 'proposed' || state === 'scheduled' || state === 'voting';
}

const quorumShare: Record<MotionQuorum, [number, number]> = {
	none: [0, 1],
	third: [1, 3],
	half: [1, 2],
	two_thirds: [2, 3]
};

/** Organisations that must vote (abstaining counts): the share of `members`, rounded up. */
export function quorumNeeded(members: number, rule: MotionQuorum): number {
	const [num, den] = quorumShare[rule];
	return Math.floor((members * num + den - 1) / den);
}

export type Counts = Record<MotionVote, number>;

export function countVotes(votes: readonly { vote: MotionVote }[]): Counts {
	const counts: Counts = { for: 0, against: 0, abstain: 0 };
	for (const { vote } of votes) counts[vote]++;
	return counts;
}

/** Whether the votes for carry the motion; abstentions are left out of the majority. */
export function majorityFor(counts: Counts, rule: MotionMajority): boolean {
	if (rule === 'two_thirds')
		return counts.for > 0 && counts.for * 3 >= (counts.for + counts.against) * 2;
	return counts.for > counts.against;
}

export type Result = {
	counts: Counts;
	members: number;
	quorumNeeded: number;
	quorumMet: boolean;
	outcome: MotionOutcome;
};

/** The result of a closed vote under the group's rules. */
export function decideMotion(
	counts: Counts,
	members: number,
	rules: { quorum: MotionQuorum; majority: MotionMajority }
): Result {
	const needed = quorumNeeded(members, rules.quorum);
	const cast = counts.for + counts.against + counts.abstain;
	const quorumMet = cast >= needed;
	const outcome: MotionOutcome = !quorumMet
		? 'no_quorum'
		: majorityFor(counts, rules.majority)
			? 'carried'
			: 'lost';
	return { counts, members, quorumNeeded: needed, quorumMet, outcome };
}
