import { json, type RequestHandler } from '@sveltejs/kit';

/** Unknown API addresses answer in the API's own error shape, not with an HTML page. */
const notFound: RequestHandler = ({ locals }) =>
	json(
		{ error: { code: 'not_found', message: locals.t('error.not_found.generic') } },
		{ status: 404 }
	);

export const fallback = notFound;
