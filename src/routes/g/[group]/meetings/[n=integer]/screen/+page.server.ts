import QRCode from 'qrcode';
import { loadLivePage } from '$lib/server/http/live';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await loadLivePage(event);
	// A QR code for phones in the room, drawn on the server as SVG (no script, crisp on a projector).
	const qr = await QRCode.toString(page.liveUrl, {
		type: 'svg',
		margin: 1,
		errorCorrectionLevel: 'M'
	});
	// `bare`: the root layout leaves out its header and footer — a projector needs no controls.
	return { ...page, qr, bare: true };
};
