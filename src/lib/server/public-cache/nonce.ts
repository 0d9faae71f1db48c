/**
 * A kept page carries the CSP nonce it was rendered with, in its header and in its HTML; each
 * reader gets a fresh one. The page is cut where the nonce stands once, when it is kept, so that
 * serving it joins the pieces around a new nonce instead of decoding, replacing and encoding the
 * whole page for every reader.
 */

/** Where `nonce` starts in `body`, in bytes (the nonce is base64: one byte per character). */
export function nonceOffsets(body: Uint8Array, nonce: string): number[] {
	const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	const offsets: number[] = [];
	for (let at = bytes.indexOf(nonce); at !== -1; at = bytes.indexOf(nonce, at + nonce.length)) {
		offsets.push(at);
	}
	return offsets;
}

/** `body` with the `length`-byte nonce at each of `offsets` replaced by `fresh`. */
export function withNonce(
	body: Uint8Array,
	offsets: readonly number[],
	length: number,
	fresh: string
): Uint8Array<ArrayBuffer> {
	const nonce = Buffer.from(fresh, 'latin1');
	const out = new Uint8Array(body.byteLength + offsets.length * (nonce.byteLength - length));
	let from = 0;
	let to = 0;
	for (const at of offsets) {
		out.set(body.subarray(from, at), to);
		to += at - from;
		out.set(nonce, to);
		to += nonce.byteLength;
		from = at + length;
	}
	out.set(body.subarray(from), to);
	return out;
}
