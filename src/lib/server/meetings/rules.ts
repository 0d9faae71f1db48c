import type { MeetingState } from '../db/schema';

/** The moves a meeting may make: draft → scheduled → live → closed, or cancelled before it starts. */
const transitions: Record<MeetingState, readonly MeetingState[]> = {
	draft: ['scheduled', 'cancelled'],
	scheduled: ['live', 'cancelled'],
	live: ['closed'],
	closed: [],
	cancelled: []
};

export function canMove(from: MeetingState, to: MeetingState): boolean {
	return transitions[from].includes(to);
}

/** Held or cancelled meetings are part of the record: their details and agenda are fixed. */
export function isLocked(state: MeetingState): boolean {
	return state === 'closed' || state === 'cancelled';
}

/** The public sees every meeting but drafts. */
export function isPublic(state: MeetingState): boolean {
	return state !== 'draft';
}

/** Each item's planned start: the meeting's start plus the planned minutes of the items before it. */
export function runningOrder<T extends { plannedMinutes: number }>(
	startsAt: Date,
	items: readonly T[]
): (T & { plannedStart: Date })[] {
	let at = startsAt.getTime();
	return items.map((item) => {
		const plannedStart = new Date(at);
		at += item.plannedMinutes * 60_000;
		return { ...item, plannedStart };
	});
}

/** The neighbour an item swaps places with, or undefined at the top or bottom. */
export function swapTarget<T extends { id: string }>(
	ordered: readonly T[],
	id: string,
	direction: 'up' | 'down'
): T | undefined {
	const index = ordered.findIndex((item) => item.id === id);
	if (index < 0) return undefined;
	return ordered[direction === 'up' ? index - 1 : index + 1];
}

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short code to type from a screen: no 0/O or 1/I to confuse. */
export function makeJoinCode(random: (n: number) => number): string {
	let code = '';
	for (let i = 0; i < 8; i++) code += codeAlphabet[random(codeAlphabet.length)];
	return code;
}

/** Bytes as "1.2 MB" / "340 KB". */
export function formatSize(bytes: number): string {
	if (bytes >= 1_000_000) return `${Number((bytes / 1_000_000).toFixed(1))} MB`;
	return `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** A PDF file begins with `%PDF-`. */
export function looksLikePdf(bytes: Uint8Array): boolean {
	const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
	return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** A file name safe in a Content-Disposition header: ASCII letters, digits, dot, dash. */
export function safeFileName(title: string): string {
	const base = title
		.normalize('NFKD')
		.replace(/[^\w.-]+/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '')
		.slice(0, 80);
	return `${base || 'document'}.pdf`.replace(/\.pdf\.pdf$/i, '.pdf');
}
