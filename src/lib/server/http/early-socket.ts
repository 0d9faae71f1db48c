import headScript from '$lib/realtime/early-socket-head.js?raw';
import { earlySocketMeta } from '$lib/realtime/early-socket';

const named = `name="${earlySocketMeta}"`;

/**
 * A page's head, with the script that opens its live connection early when the page names one
 * (the live page's `earlySocketMeta`): after the name, so the script finds it. Other pages are
 * left as they are, so the reading pages stay without scripts. The script is allowed by its hash,
 * which svelte.config.js takes from the same file.
 */
export function startEarlySocket(html: string): string {
	if (!html.includes(named) || !html.includes('</head>')) return html;
	return html.replace('</head>', `<script>${headScript}</script>\n\t</head>`);
}
