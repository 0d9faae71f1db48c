import { conditional, publicCacheControl } from '../http/conditional';

/** An Atom document with an ETag (a matching If-None-Match gets 304), revalidated at each use. */
export function feedResponse(request: Request, xml: string): Response {
	return conditional(request, xml, {
		'cache-control': publicCacheControl,
		vary: 'accept-language, cookie',
		'content-type': 'application/atom+xml; charset=utf-8'
	});
}
