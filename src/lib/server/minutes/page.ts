import type { Translate } from '$lib/i18n';
import type { Executor } from '../db';
import type { Actor } from '../auth/authorise';
import { renderMarkdown } from '../markdown';
import { representedOrganisations } from '../meetings/members';
import { minutesContext } from './access';
import { correctionWindow, listCorrections, publicCorrection } from './corrections';
import { diffHtml, diffMarkdown } from './diff';
import { listVersions, pickVersion } from './versions';
import { checkpointSince } from '../decision-log/checkpoints';
import { computeNow, type Share } from '../share';

/**
 * One version asked for by number (`?version=N`, no comparison): what was published then, and
 * the first log checkpoint signed after it, nothing else that can change afterwards — no list of
 * later versions, no corrections. Once that checkpoint is signed (within seconds) the page is the
 * same for ever and says so (`immutableCacheControl`, set by the route).
 */
export function isFixedVersion(query: URLSearchParams) {
	return Boolean(query.get('version')) && !query.get('from') && !query.get('to');
}

/** What a fixed version's page leaves out, in the full page's shape. */
const fixedVersion = {
	fixed: true,
	canEdit: false,
	versions: [],
	diff: null,
	corrections: [],
	window: { open: false, deadline: null, eligible: false, days: 0 },
	represented: []
} as const;

/**
 * Everything the public minutes page shows: the chosen version rendered, the list of versions,
 * a diff between two of them when asked for, the corrections, and whether the visitor may
 * submit one. Whether the visitor may see the meeting at all is checked for each visitor; what
 * the record says once they may is the same for everyone (`share`).
 */
export async function minutesPage(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	query: URLSearchParams,
	t: Translate,
	share: Share = computeNow
) {
	const context = await minutesContext(db, actor, groupSlug, number);
	const wanted = query.get('version');
	const fixed = isFixedVersion(query);
	const { versions, corrections, checkpoint } = await share(
		`minutes:${context.meeting.id}:${wanted ?? ''}:${fixed ? 'fixed' : 'whole'}`,
		async () => {
			const versions = await listVersions(db, context.meeting.id);
			const shown = pickVersion(versions, wanted);
			const [corrections, checkpoint] = await Promise.all([
				// A fixed version's page shows none.
				fixed ? [] : listCorrections(db, context.meeting.id),
				// The first checkpoint signed at or after this version: it pins the version's log entry.
				shown ? checkpointSince(db, context.group, shown.publishedAt) : null
			]);
			return { versions, corrections, checkpoint };
		}
	);
	const shown = pickVersion(versions, wanted);
	let diff: { from: number; to: number; html: string; same: boolean } | null = null;
	if (query.get('from') && query.get('to') && versions.length) {
		const from = pickVersion(versions, query.get('from'))!;
		const to = pickVersion(versions, query.get('to'))!;
		const blocks = diffMarkdown(from.markdown, to.markdown);
		diff = {
			from: from.version,
			to: to.version,
			same: blocks.every((b) => b.kind === 'same'),
			html: diffHtml(blocks, {
				added: t('minutes.diff.added'),
				addedEnd: t('minutes.diff.added_end'),
				removed: t('minutes.diff.removed'),
				removedEnd: t('minutes.diff.removed_end')
			})
		};
	}
	const meeting = {
		number: context.meeting.number,
		title: context.meeting.title,
		state: context.meeting.state
	};
	const shownFields = shown && {
		version: shown.version,
		html: renderMarkdown(shown.markdown),
		publishedAt: shown.publishedAt.toISOString(),
		publishedBy: shown.publishedByName
	};
	if (fixed) return { ...fixedVersion, meeting, shown: shownFields, checkpoint };
	const [window, represented] = await Promise.all([
		correctionWindow(db, actor, context, versions.at(-1)),
		actor.user ? representedOrganisations(db, context.group.id, actor.user.id) : []
	]);
	return {
		fixed: false,
		// Not on a fixed version's page: kept unasked by caches, it must not change.
		meeting: {
			...meeting,
			streamUrl: context.meeting.streamUrl,
			recordingUrl: context.meeting.recordingUrl
		},
		canEdit: context.canEdit && context.meeting.state === 'closed',
		versions: versions.map((v) => ({
			version: v.version,
			changeNote: v.changeNote,
			publishedAt: v.publishedAt.toISOString(),
			publishedBy: v.publishedByName
		})),
		shown: shownFields,
		diff,
		checkpoint,
		corrections: corrections.map(publicCorrection),
		window: {
			open: window.open,
			deadline: window.deadline?.toISOString() ?? null,
			eligible: window.eligible,
			days: context.group.correctionWindowDays
		},
		represented: window.eligible ? represented : []
	};
}
