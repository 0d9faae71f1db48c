import QRCode from 'qrcode';
import { loadLivePage } from '$lib/server/http/live';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await loadLivePage(event);
	// Shown to officers alone (the projector's session), the room code rides in the QR code, so a
	// phone that scans it is admitted at once; the public copy of this page has no code. The QR
	// code opens the live page itself with the code, drawn admitted at once: the short address
	// (`/join?code=…`, fewer modules) would cost a phone one more request, a redirect, before it
	// sees the questions (2 s on a slow 3G network, docs/performance.md). Typing uses /join.
	const code = page.snapshot.viewer.roomCode;
	const joinUrl = code ? `${page.liveUrl}?code=${encodeURIComponent(code)}` : page.liveUrl;
	// A QR code for phones in the room, drawn on the server as SVG (no script, crisp on a projector).
	const qr = await QRCode.toString(joinUrl, {
		type: 'svg',
		margin: 1,
		errorCorrectionLevel: 'M'
	});
	// `bare`: the root layout leaves out its header and footer — a projector needs no controls.
	return { ...page, qr, joinUrl, joinAddress: `${event.url.host}/join`, bare: true };
};
