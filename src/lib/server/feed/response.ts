import { conditional } from '../http/conditional';

/** An Atom document with an ETag (a matching If-None-Match gets 304) and a short cache life. */
export function feedResponse(request: Request, xml: string): Response {
	return conditional(request, xml, {
		'cache-control': 'public, max-age=300',
		vary: 'accept-language, cookie',
		'content-type': 'application/atom+xml; charset=utf-8'
	});
}
