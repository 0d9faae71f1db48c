import { getDb } from '$lib/server/db';
import { declineCorrection } from '$lib/server/minutes/corrections';
import { regenerateDraft, saveDraft } from '$lib/server/minutes/draft';
import { minutesEditor, previewDraft } from '$lib/server/minutes/editor';
import { publishMinutes } from '$lib/server/minutes/publish';
import { orPageError } from '$lib/server/http/page';
import { signedInAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';
import { signedInActor } from '$lib/server/http/actor';

export const load: PageServerLoad = async (event) => {
	const actor = signedInActor(event);
	return orPageError(
		event,
		minutesEditor(await getDb(), actor, event.params.group, event.params.n)
	);
};

export const actions: Actions = {
	/** Shows the sanitised preview without saving: the typed draft comes back in the textarea. */
	preview: (event) =>
		signedInAction(event, async (db, values, actor) => ({
			markdown: values.markdown ?? '',
			preview: await previewDraft(
				db,
				actor,
				event.params.group,
				event.params.n,
				values.markdown ?? ''
			)
		})),
	save: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await saveDraft(db, actor, event.params.group, event.params.n, {
				markdown: values.markdown ?? ''
			});
			return { done: 'minutes.edit.saved' as const };
		}),
	regenerate: (event) =>
		signedInAction(event, async (db, _values, actor) => {
			await regenerateDraft(db, actor, event.params.group, event.params.n);
			return { done: 'minutes.edit.regenerated' as const };
		}),
	publish: (event) =>
		signedInAction(event, async (db, values, actor, data) => {
			const version = await publishMinutes(db, actor, event.params.group, event.params.n, {
				changeNote: values.changeNote,
				acceptCorrections: data.getAll('acceptCorrections').map(String)
			});
			return { published: version.version };
		}),
	decline: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await declineCorrection(
				db,
				actor,
				event.params.group,
				event.params.n,
				values.correctionId ?? '',
				{ reason: values.reason }
			);
			return { done: 'corrections.declined_done' as const };
		})
};
