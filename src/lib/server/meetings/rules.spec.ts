import { describe, expect, it } from 'vitest';
import {
	canMove,
	formatSize,
	isLocked,
	isPublic,
	looksLikePdf,
	makeJoinCode,
	runningOrder,
	safeFileName,
	swapTarget
} from './rules';

describe('meeting rules', () => {
	it('moves a meeting only forward, and cancels only before it starts', () => {
		expect(canMove('draft', 'scheduled')).toBe(true);
		expect(canMove('scheduled', 'live')).toBe(true);
		expect(canMove('live', 'closed')).toBe(true);
		expect(canMove('scheduled', 'cancelled')).toBe(true);
		expect(canMove('draft', 'live')).toBe(false);
		expect(canMove('live', 'cancelled')).toBe(false);
		expect(canMove('closed', 'scheduled')).toBe(false);
		expect(canMove('cancelled', 'scheduled')).toBe(false);
		expect(isLocked('closed') && isLocked('cancelled')).toBe(true);
		expect(isLocked('live')).toBe(false);
		expect(isPublic('draft')).toBe(false);
		expect(isPublic('cancelled')).toBe(true);
	});

	it('plans each item’s start from the minutes before it', () => {
		const start = new Date('2026-12-03T18:30:00Z');
		const planned = runningOrder(start, [
			{ id: 'a', plannedMinutes: 10 },
			{ id: 'b', plannedMinutes: 45 },
			{ id: 'c', plannedMinutes: 5 }
		]);
		expect(planned.map((i) => i.plannedStart.toISOString())).toEqual([
			'2026-12-03T18:30:00.000Z',
			'2026-12-03T18:40:00.000Z',
			'2026-12-03T19:25:00.000Z'
		]);
	});

	it('swaps with the neighbour, and not past either end', () => {
		const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
		expect(swapTarget(items, 'b', 'up')?.id).toBe('a');
		expect(swapTarget(items, 'b', 'down')?.id).toBe('c');
		expect(swapTarget(items, 'a', 'up')).toBeUndefined();
		expect(swapTarget(items, 'c', 'down')).toBeUndefined();
		expect(swapTarget(items, 'z', 'up')).toBeUndefined();
	});

	it('makes join codes without look-alike characters', () => {
		let n = 0;
		const code = makeJoinCode((max) => n++ % max);
		expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
	});

	it('knows a PDF by its first bytes', () => {
		expect(looksLikePdf(new TextEncoder().encode('%PDF-1.7\n'))).toBe(true);
		expect(looksLikePdf(new TextEncoder().encode('<html>%PDF-'))).toBe(false);
		expect(looksLikePdf(new Uint8Array())).toBe(false);
	});

	it('names downloads safely and sizes them readably', () => {
		expect(safeFileName('Terms of reference (draft) "v2"')).toBe('Terms-of-reference-draft-v2.pdf');
		expect(safeFileName('../../etc/passwd')).toBe('etc-passwd.pdf');
		expect(safeFileName('تقرير')).toBe('document.pdf');
		expect(safeFileName('report.pdf')).toBe('report.pdf');
		expect(formatSize(2_400_000)).toBe('2.4 MB');
		expect(formatSize(340_400)).toBe('340 KB');
	});
});
