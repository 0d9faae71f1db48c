import QRCode from 'qrcode';
import { loadLivePage } from '$lib/server/http/live';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await loadLivePage(event);
	// Shown to officers alone (the projector's session), the room code rides in the QR code, so a
	// phone that scans it is admitted at once; the public copy of this page has no code.
	const code = page.snapshot.viewer.roomCode;
	const joinUrl = code ? `${page.liveUrl}?code=${code}` : page.liveUrl;
	// A QR code for phones in the room, drawn on the server as SVG (no script, crisp on a projector).
	const qr = await QRCode.toString(joinUrl, {
		type: 'svg',
		margin: 1,
		errorCorrectionLevel: 'M'
	});
	// `bare`: the root layout leaves out its header and footer — a projector needs no controls.
	return { ...page, qr, bare: true };
};
