import { createHash } from 'node:crypto';

const day = 86_400_000;

/** A draft with nothing but white space is not minutes. */
export function isBlank(markdown: string) {
	return markdown.trim() === '';
}

/** The SHA-256 (hex) of a version's markdown, as the decision log records it. */
export function markdownHash(markdown: string) {
	return createHash('sha256').update(markdown, 'utf8').digest('hex');
}

/** When corrections stop being taken: the window runs from the latest version's publication. */
export function correctionDeadline(latestPublishedAt: Date, windowDays: number) {
	return new Date(latestPublishedAt.getTime() + windowDays * day);
}

export function correctionWindowOpen(latestPublishedAt: Date, windowDays: number, now: Date) {
	return now < correctionDeadline(latestPublishedAt, windowDays);
}
