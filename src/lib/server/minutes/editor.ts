import type { Executor } from '../db';
import type { Actor } from '../auth/authorise';
import { renderMarkdown } from '../markdown';
import { minutesForChange } from './access';
import { listCorrections, publicCorrection } from './corrections';
import { latestVersion } from './versions';

/** What the secretary's editor needs: the draft, where publishing stands, pending corrections. */
export async function minutesEditor(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
) {
	const context = await minutesForChange(db, actor, groupSlug, number);
	const [latest, corrections] = await Promise.all([
		latestVersion(db, context.meeting.id),
		listCorrections(db, context.meeting.id)
	]);
	const draft = context.minutes?.draft ?? '';
	return {
		meeting: { number: context.meeting.number, title: context.meeting.title },
		draft,
		draftUpdatedAt: context.minutes?.draftUpdatedAt.toISOString() ?? null,
		publishedVersion: latest?.version ?? 0,
		draftMatchesLatest: latest?.markdown === draft,
		pending: corrections.filter((c) => c.state === 'submitted').map(publicCorrection)
	};
}

/** The preview of a draft as it would be published (sanitised); only officers may ask. */
export async function previewDraft(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	markdown: string
) {
	await minutesForChange(db, actor, groupSlug, number);
	return renderMarkdown(markdown);
}
