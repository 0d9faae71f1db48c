import { getDb } from '$lib/server/db';
import { allows, rolesOf } from '$lib/server/auth/authorise';
import { getGroup } from '$lib/server/groups/groups';
import { signedInAction } from '$lib/server/http/form';
import { representedOrganisations } from '$lib/server/meetings/members';
import { answerInWriting } from '$lib/server/written/answer';
import { askInWriting } from '$lib/server/written/ask';
import { rateWrittenAnswer } from '$lib/server/written/rate';
import { listWritten } from '$lib/server/written/read';
import type { Actions, PageServerLoad } from './$types';

// A public record to read: plain HTML; the asking, answering and verdict forms are plain posts.
export const csr = false;

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	const { user } = locals;
	const [items, roles, represented] = await Promise.all([
		listWritten(db, group),
		rolesOf(db, user, group.id),
		user ? representedOrganisations(db, group.id, user.id) : []
	]);
	return {
		items,
		represented: represented.map((m) => ({ id: m.id, name: m.organisationName })),
		// Each action checks again; these only decide which forms to show.
		mayAsk: represented.length > 0 || allows(roles, 'question.moderate'),
		mayAnswer: allows(roles, 'question.answer.written'),
		mayRate: !!user
	};
};

/** Each form names its written question (`id`); the domain checks every right again. */
export const actions: Actions = {
	ask: (event) =>
		signedInAction(event, async (db, values, actor) => {
			const asked = await askInWriting(db, actor, event.params.group, values);
			return { done: 'written.asked' as const, dueOn: asked.dueOn };
		}),
	answer: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await answerInWriting(db, actor, event.params.group, values.id ?? '', values);
			return { done: 'written.answered' as const, id: values.id };
		}),
	rate: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await rateWrittenAnswer(db, actor, event.params.group, values.id ?? '', values);
			return { done: 'written.rated' as const, id: values.id };
		})
};
