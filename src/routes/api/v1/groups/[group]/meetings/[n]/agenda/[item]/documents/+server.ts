import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import {
	attachDocument,
	uploadOf,
	uploadTooLarge,
	type Upload
} from '$lib/server/meetings/documents';
import { readFormData } from '$lib/server/http/form';
import { formObject } from '$lib/server/validation';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/**
 * Secretary or chair: a link as JSON `{ title, url }`, or a PDF as multipart form data with
 * `title` and `file`.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const { group, n, item } = event.params;
	let input: Record<string, unknown>;
	let upload: Upload | undefined;
	if ((event.request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
		const data = await readFormData(event.request, uploadTooLarge);
		input = formObject(data);
		upload = await uploadOf(data);
	} else {
		input = await readJson(event);
	}
	const document = await attachDocument(
		await getDb(),
		actorOf(event),
		group,
		n,
		item,
		input,
		upload
	);
	const url =
		document.kind === 'pdf' ? `/g/${group}/meetings/${n}/documents/${document.id}` : document.url;
	return json(
		{ id: document.id, kind: document.kind, title: document.title, url, size: document.size },
		{ status: 201 }
	);
});
