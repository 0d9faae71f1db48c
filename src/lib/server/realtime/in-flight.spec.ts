import { describe, expect, it } from 'vitest';
import { drain, stopping, track } from './in-flight';

describe('draining work in flight', () => {
	it('waits for tracked work, then stops taking more; gives up after the timeout', async () => {
		let finish!: () => void;
		const work = track(new Promise<void>((resolve) => (finish = resolve)));
		let drained = false;
		const draining = drain(5000).then(() => (drained = true));
		expect(stopping()).toBe(true);
		await new Promise((r) => setTimeout(r, 20));
		expect(drained).toBe(false);
		finish();
		await work;
		await draining;
		expect(drained).toBe(true);

		void track(new Promise(() => {})); // never finishes
		const started = Date.now();
		await drain(50);
		expect(Date.now() - started).toBeGreaterThanOrEqual(45);
	});
});
