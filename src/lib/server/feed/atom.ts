import { element, renderXml } from './xml';
import type { SignedCheckpoint } from '../decision-log/checkpoint';

/** The namespace of Openfloor's own Atom elements (the decision log's signed checkpoint). */
export const openfloorNamespace = 'urn:openfloor:decision-log';

export type AtomEntry = {
	/** Stable for the life of the thing it announces: a feed reader keys on it. */
	id: string;
	title: string;
	updated: Date;
	published?: Date;
	link: string;
	summary: string;
};

export type AtomFeed = {
	id: string;
	title: string;
	subtitle: string;
	lang: string;
	selfUrl: string;
	alternateUrl: string;
	author: { name: string; uri: string };
	/** When the feed was created: its `updated` when it has no entries yet. */
	createdAt: Date;
	entries: AtomEntry[];
	/**
	 * The latest signed checkpoint of the group's decision log, repeated in every entry so that
	 * feed readers and archives keep copies the host cannot recall.
	 */
	checkpoint?: SignedCheckpoint | null;
};

const timestamp = (date: Date) => date.toISOString();

/** An Atom document (RFC 4287): `updated` is the newest entry's. */
export function atomXml(feed: AtomFeed): string {
	const updated = feed.entries.reduce(
		(latest, entry) => (entry.updated > latest ? entry.updated : latest),
		feed.createdAt
	);
	return renderXml(
		element(
			'feed',
			{
				xmlns: 'http://www.w3.org/2005/Atom',
				'xmlns:openfloor': feed.checkpoint ? openfloorNamespace : undefined,
				'xml:lang': feed.lang
			},
			element('id', {}, feed.id),
			element('title', { type: 'text' }, feed.title),
			element('subtitle', { type: 'text' }, feed.subtitle),
			element('updated', {}, timestamp(updated)),
			element('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl }),
			element('link', { rel: 'alternate', type: 'text/html', href: feed.alternateUrl }),
			element(
				'author',
				{},
				element('name', {}, feed.author.name),
				element('uri', {}, feed.author.uri)
			),
			element('generator', {}, 'Openfloor'),
			...feed.entries.map((entry) =>
				element(
					'entry',
					{},
					element('id', {}, entry.id),
					element('title', { type: 'text' }, entry.title),
					element('updated', {}, timestamp(entry.updated)),
					entry.published && element('published', {}, timestamp(entry.published)),
					element('link', { rel: 'alternate', type: 'text/html', href: entry.link }),
					element('summary', { type: 'text' }, entry.summary),
					feed.checkpoint ? checkpointElement(feed.checkpoint) : undefined
				)
			)
		)
	);
}

/** `<openfloor:checkpoint group size head signedAt signature/>`: exactly the signed checkpoint. */
function checkpointElement(c: SignedCheckpoint) {
	return element('openfloor:checkpoint', {
		group: c.group,
		size: String(c.size),
		head: c.head,
		signedAt: c.signedAt,
		signature: c.signature
	});
}
