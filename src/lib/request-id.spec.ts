import { describe, expect, it } from 'vitest';
import { newRequestId, uuidFrom } from './request-id';

describe('request ids', () => {
	it('are random version-4 UUIDs', () => {
		const ids = new Set(Array.from({ length: 1000 }, newRequestId));
		expect(ids.size).toBe(1000);
		for (const id of ids) {
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		}
	});

	it('writes derived bytes as a version-8 UUID, keeping the other 122 bits', () => {
		const bytes = new Uint8Array(16).fill(0xff);
		expect(uuidFrom(bytes, 8)).toBe('ffffffff-ffff-8fff-bfff-ffffffffffff');
		expect(uuidFrom(new Uint8Array(16), 4)).toBe('00000000-0000-4000-8000-000000000000');
		expect(bytes[6]).toBe(0xff); // the caller's bytes are left as they were
	});
});
