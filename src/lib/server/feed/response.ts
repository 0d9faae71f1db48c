import { etagOf } from '../http/api';

/** An Atom document with an ETag (a matching If-None-Match gets 304) and a short cache life. */
export function feedResponse(request: Request, xml: string): Response {
	const etag = etagOf(xml);
	const headers = {
		etag,
		'cache-control': 'public, max-age=300',
		vary: 'accept-language, cookie',
		'content-type': 'application/atom+xml; charset=utf-8'
	};
	if (request.headers.get('if-none-match') === etag) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(xml, { headers });
}
