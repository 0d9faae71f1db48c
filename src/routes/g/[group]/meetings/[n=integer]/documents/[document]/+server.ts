import fs from 'node:fs';
import { Readable } from 'node:stream';
import { getDb } from '$lib/server/db';
import { documentForDownload } from '$lib/server/meetings/documents';
import { safeFileName } from '$lib/server/meetings/rules';
import { orPageError } from '$lib/server/http/page';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** An uploaded PDF, as a download: never rendered as anything but a PDF, never run on our origin. */
export const GET: RequestHandler = async (event) => {
	const { document, file } = await orPageError(
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
	const stream = Readable.toWeb(fs.createReadStream(file)) as ReadableStream;
	return new Response(stream, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(fs.statSync(file).size),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`,
			'content-security-policy': "sandbox; default-src 'none'",
			'cache-control': 'private, max-age=300'
		}
	});
};
