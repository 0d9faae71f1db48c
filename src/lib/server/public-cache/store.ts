import { LRUCache } from 'lru-cache';

/** A response kept for anonymous readers, with what it was rendered at. */
export type KeptPage = {
	/** The versions read before it was rendered (versions.ts): served again only while current. */
	versions: string;
	storedAt: number;
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
	/** The CSP nonce in its header and HTML, replaced by a fresh one each time it is served. */
	nonce: string | null;
	/** Where the nonce stands in the body, in bytes (nonce.ts). */
	nonceAt: number[];
};

/**
 * Least recently used, bounded by bytes (bodies and headers), not entries: a few large pages
 * cannot push the process past its setting however many pages readers ask for. A page larger
 * than a quarter of it is not kept at all.
 */
export function pageStore(maxBytes: number) {
	return new LRUCache<string, KeptPage>({
		maxSize: maxBytes,
		maxEntrySize: Math.floor(maxBytes / 4),
		sizeCalculation: bytesOf
	});
}

function bytesOf(page: KeptPage, key: string) {
	return (
		key.length +
		page.body.byteLength +
		page.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0) +
		200
	);
}
