import type { LiveMotion, MotionChoice } from '$lib/realtime/live-types';

/** A decided motion's organisations by their vote, for, against, then abstaining (none: left out). */
export function votesByChoice(motion: Pick<LiveMotion, 'votes'>) {
	const choices: MotionChoice[] = ['for', 'against', 'abstain'];
	return choices
		.map((choice) => ({
			choice,
			organisations: (motion.votes ?? [])
				.filter((v) => v.vote === choice)
				.map((v) => v.organisation)
		}))
		.filter((group) => group.organisations.length > 0);
}
