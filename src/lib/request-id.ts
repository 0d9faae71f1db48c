/**
 * A fresh random id for one request (a question sent), as a UUID (version 4). Made from
 * `crypto.getRandomValues`, which browsers give pages served over plain http too, where
 * `crypto.randomUUID` is missing.
 */
export function newRequestId(): string {
	return uuidFrom(crypto.getRandomValues(new Uint8Array(16)), 4);
}

/**
 * 16 bytes written as a UUID of `version` (RFC 9562): 4 for random bytes, 8 ("custom") for
 * bytes derived some other way. The version and variant bits overwrite six of the 128.
 */
export function uuidFrom(bytes: Uint8Array, version: 4 | 8): string {
	const b = Uint8Array.from(bytes.subarray(0, 16));
	b[6] = (b[6] & 0x0f) | (version << 4);
	b[8] = (b[8] & 0x3f) | 0x80;
	const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
	return [
		hex.slice(0, 8),
		hex.slice(8, 12),
		hex.slice(12, 16),
		hex.slice(16, 20),
		hex.slice(20)
	].join('-');
}
