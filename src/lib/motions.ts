import type { Translate } from '$lib/i18n';
import type { LiveMotion, MotionChoice } from '$lib/realtime/live-types';

/** "Motion 2", or "Amendment 3 to motion 2": the heading of a motion wherever it is shown. */
export function motionTitle(t: Translate, motion: Pick<LiveMotion, 'number' | 'amendmentOf'>) {
	return motion.amendmentOf === null
		? t('motions.number', { number: motion.number })
		: t('motions.amendment', { number: motion.number, main: motion.amendmentOf });
}

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
