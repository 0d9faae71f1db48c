import { getDb } from '$lib/server/db';
import { allows } from '$lib/server/auth/authorise';
import { actorOf } from '$lib/server/http/actor';
import { signedInAction } from '$lib/server/http/form';
import { orPageError } from '$lib/server/http/page';
import { representedOrganisations } from '$lib/server/meetings/members';
import {
	declineMotion,
	proposeMotion,
	scheduleMotion,
	secondMotion
} from '$lib/server/motions/propose';
import { listMotions } from '$lib/server/motions/read';
import { castMotionVote, closeMotionVote, openMotionVote } from '$lib/server/motions/voting';
import type { Actions, PageServerLoad } from './$types';

// A public reading page: plain HTML; the forms of representatives and officers are plain posts.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const { user } = event.locals;
	const { group, meeting, roles, motions } = await orPageError(
		event,
		listMotions(db, actorOf(event), event.params.group, event.params.n)
	);
	const represented = user ? await representedOrganisations(db, group.id, user.id) : [];
	const open =
		meeting.state === 'draft' || meeting.state === 'scheduled' || meeting.state === 'live';
	return {
		meeting: { number: meeting.number, title: meeting.title, state: meeting.state },
		motions,
		represented: represented.map((m) => ({ id: m.id, name: m.organisationName })),
		mayPropose: open && (represented.length > 0 || allows(roles, 'motion.propose')),
		/** An officer who also represents an organisation chooses which of the two proposes. */
		mayProposeAsOfficer: open && allows(roles, 'motion.propose'),
		maySchedule: allows(roles, 'motion.schedule'),
		mayRunVote: meeting.state === 'live' && allows(roles, 'motion.vote.run')
	};
};

/** Each form names its motion by number (`motion`); the domain checks every right again. */
const motionOf = (values: Record<string, string>) => values.motion ?? '';

export const actions: Actions = {
	propose: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const motion = await proposeMotion(db, actor, event.params.group, event.params.n, {
				...values,
				amendmentOf: values.amendmentOf || undefined
			});
			return { done: 'motions.proposed' as const, number: motion.number };
		}),
	second: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await secondMotion(db, actor, event.params.group, event.params.n, motionOf(values), values);
			return { done: 'motions.seconded' as const, number: Number(values.motion) };
		}),
	schedule: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await scheduleMotion(db, actor, event.params.group, event.params.n, motionOf(values));
			return { done: 'motions.scheduled' as const, number: Number(values.motion) };
		}),
	decline: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await declineMotion(db, actor, event.params.group, event.params.n, motionOf(values), values);
			return { done: 'motions.declined' as const, number: Number(values.motion) };
		}),
	open: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await openMotionVote(db, actor, event.params.group, event.params.n, motionOf(values));
			return { done: 'motions.vote_opened' as const, number: Number(values.motion) };
		}),
	close: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await closeMotionVote(db, actor, event.params.group, event.params.n, motionOf(values));
			return { done: 'motions.vote_closed_now' as const, number: Number(values.motion) };
		}),
	vote: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await castMotionVote(db, actor, event.params.group, event.params.n, motionOf(values), values);
			return { done: 'motions.voted' as const, number: Number(values.motion) };
		})
};
