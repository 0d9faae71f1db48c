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
 * cannot push the process past its setting however many pages readers ask for.
 */
export class PageStore {
	private readonly pages = new Map<string, KeptPage>();
	private used = 0;

	constructor(readonly maxBytes: number) {}

	get size() {
		return this.used;
	}

	get(key: string): KeptPage | undefined {
		const page = this.pages.get(key);
		if (page) {
			// Most recently used last: eviction takes from the front.
			this.pages.delete(key);
			this.pages.set(key, page);
		}
		return page;
	}

	set(key: string, page: KeptPage) {
		this.delete(key);
		const bytes = bytesOf(key, page);
		if (bytes > this.maxBytes / 4) return;
		this.pages.set(key, page);
		this.used += bytes;
		for (const [oldest] of this.pages) {
			if (this.used <= this.maxBytes) break;
			this.delete(oldest);
		}
	}

	delete(key: string) {
		const page = this.pages.get(key);
		if (!page) return;
		this.pages.delete(key);
		this.used -= bytesOf(key, page);
	}
}

function bytesOf(key: string, page: KeptPage) {
	return (
		key.length +
		page.body.byteLength +
		page.headers.reduce((sum, [name, value]) => sum + name.length + value.length, 0) +
		200
	);
}
