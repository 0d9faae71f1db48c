import { controlCharacters } from '$lib/schemas/search';
import { htmlEscapes } from '../escape-html';

/** Markers ts_headline puts around matched words: control characters no indexed text keeps. */
export const startMarker = '\u0002';
export const stopMarker = '\u0003';

const markers = `StartSel=${startMarker}, StopSel=${stopMarker}`;

/**
 * ts_headline's options per kind: a question is short and shown whole (tags and all, escaped
 * later); an agenda item gives one passage; long minutes give two fragments around the matches.
 */
export const headlineOptions = {
	question: `${markers}, HighlightAll=true`,
	agenda: `${markers}, MaxWords=35, MinWords=15, ShortWord=3`,
	minutes: `${markers}, MaxWords=25, MinWords=10, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`
} as const;

/**
 * A snippet as safe HTML: ts_headline's output is the stored text (anything anyone typed), so
 * all of it is escaped and only the markers become `<mark>` (always balanced). Other control
 * characters are dropped.
 */
export function highlightedHtml(headline: string): string {
	let html = '';
	let open = false;
	for (const char of headline) {
		if (char === startMarker) {
			if (!open) html += '<mark>';
			open = true;
		} else if (char === stopMarker) {
			if (open) html += '</mark>';
			open = false;
		} else if (char in htmlEscapes) {
			html += htmlEscapes[char];
		} else {
			html += char.replace(controlCharacters, '');
		}
	}
	return open ? html + '</mark>' : html;
}
