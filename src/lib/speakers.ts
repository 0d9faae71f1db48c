import type { Translate } from '$lib/i18n';
import type { LiveSpeaker } from '$lib/realtime/live-types';

/** A length of time as m:ss (h:mm:ss from an hour), the way a timer shows it. */
export function clockTime(seconds: number): string {
	const s = Math.max(0, Math.round(seconds));
	const pad = (x: number) => String(x).padStart(2, '0');
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/**
 * Seconds left of `allowed` that started at `startedAt` (negative: over time), at `now`. Timers
 * run in the browser from the server's times; `skew` is the browser clock's lead on the server's.
 */
export function secondsLeft(startedAt: string, allowed: number, now: number, skew = 0) {
	return allowed - (now - skew - Date.parse(startedAt)) / 1000;
}

/** A timer's words: "2:15 left" or "0:30 over time". */
export function timerText(t: Translate, left: number) {
	return left >= 0
		? t('speakers.remaining', { time: clockTime(Math.ceil(left)) })
		: t('speakers.overrun', { time: clockTime(Math.floor(-left)) });
}

/** How a speaker is named in public: their name, their organisation, or as an attendee. */
export function speakerName(
	t: Translate,
	s: { name: string | null; organisation: string | null },
	/** What the names go through (the minutes draft escapes them as plain text). */
	text: (s: string) => string = (s) => s
): string {
	const organisation = s.organisation && text(s.organisation);
	if (s.name) return organisation ? `${text(s.name)} (${organisation})` : text(s.name);
	return organisation ?? t('speakers.attendee');
}

/** One turn of the record: who spoke (as they chose to be named), for whom, how long. */
export type SpokenTurn = {
	name: string | null;
	organisation: string | null;
	shownAs: LiveSpeaker['shownAs'];
	startedAt: string;
	seconds: number;
};

/** Who asked to speak and was still waiting when the meeting closed. */
export type UnheardRequest = Pick<SpokenTurn, 'name' | 'organisation' | 'shownAs'>;

export type SpeakingRecord = {
	items: {
		agendaItemId: string | null;
		title: string | null;
		turns: SpokenTurn[];
		notReached: UnheardRequest[];
	}[];
	/** Per organisation (null: speakers for no organisation), turns and seconds, most time first. */
	totals: { organisation: string | null; turns: number; seconds: number }[];
};
