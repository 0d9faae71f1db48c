import { describe, expect, it } from 'vitest';
import { nonceOffsets, withNonce } from './nonce';

describe("a kept page's nonce", () => {
	const page = (nonce: string) =>
		`<meta http-equiv="x" content="${nonce}"><script nonce="${nonce}">é ✓</script><p>نص</p><style nonce="${nonce}"></style>`;
	const encode = (text: string) => new TextEncoder().encode(text);

	it('is found everywhere it stands, after multi-byte text too, and replaced by a fresh one', () => {
		const old = 'AbC+/9xyz0123456789ABCD';
		const fresh = 'zzzzzzzzzzzzzzzzzzzzzzzz==';
		const body = encode(page(old));
		const offsets = nonceOffsets(body, old);
		expect(offsets).toHaveLength(3);
		expect(new TextDecoder().decode(withNonce(body, offsets, old.length, fresh))).toBe(page(fresh));
	});

	it('leaves a page without it as it was', () => {
		const body = encode('<p>no nonce here</p>');
		expect(nonceOffsets(body, 'abc')).toEqual([]);
		expect(new TextDecoder().decode(withNonce(body, [], 3, 'xyz'))).toBe('<p>no nonce here</p>');
	});
});
