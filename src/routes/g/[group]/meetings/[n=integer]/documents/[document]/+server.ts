import { getDb } from '$lib/server/db';
import { documentForDownload } from '$lib/server/meetings/documents';
import { safeFileName } from '$lib/server/meetings/rules';
import { orPageError } from '$lib/server/http/page';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** An uploaded PDF, as a download: never rendered as anything but a PDF, never run on our origin. */
export const GET: RequestHandler = async (event) => {
	const { document, bytes } = await orPageError(
		event,
		documentForDownload(
			await getDb(),
			actorOf(event),
			event.params.group,
			event.params.n,
			event.params.document
		)
	);
	const ascii = safeFileName(document.title);
	const utf8 = encodeURIComponent(`${document.title.replace(/[\\/]/g, '-')}.pdf`);
	// Answered from memory in one piece (at most 10 MB); a store outside the database that
	// streams (S3 and the like) is not built.
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(bytes.byteLength),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`,
			'content-security-policy': "sandbox; default-src 'none'",
			// Set for every response by hooks.server.ts too; said here because this one matters most.
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, max-age=300'
		}
	});
};
