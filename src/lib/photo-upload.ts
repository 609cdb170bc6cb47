// The photo upload with JavaScript (issue 20): each chosen file posted on its own to the same
// form action the plain form posts to (?/photo_add), so the server reads, checks and stores
// it the same way, and the browser can show each file's progress. Without JavaScript the
// plain form posts all the files at once.
import { deserialize } from '$app/forms';

export type Upload = {
	name: string;
	loaded: number;
	total: number;
	state: 'waiting' | 'sending' | 'added' | 'refused';
	problems: string[];
};

// what a refused upload answered: the field's problems (each names its file) and a refusal
type Refused = { form?: { errors?: { photos?: string | string[] }; message?: string } };

/** the problems an action's failure names, in order */
export function problemsOf(data: unknown): string[] {
	const form = (data as Refused | undefined)?.form;
	const field = form?.errors?.photos ?? [];
	return [...(Array.isArray(field) ? field : [field]), ...(form?.message ? [form.message] : [])];
}

/**
 * posts one file (and the form's other fields) to the action; reports the bytes sent; resolves
 * with the problems (none: stored) or rejects when the connection failed
 */
export function send(action: string, file: File, fields: [string, string][], progress: (loaded: number) => void): Promise<string[]> {
	const body = new FormData();
	body.append('photos', file);
	for (const [name, value] of fields) body.append(name, value);
	return new Promise((resolve, reject) => {
		const request = new XMLHttpRequest();
		request.open('POST', action);
		// SvelteKit answers an action asked this way with its result as data, not a page
		request.setRequestHeader('x-sveltekit-action', 'true');
		request.setRequestHeader('accept', 'application/json');
		request.upload.addEventListener('progress', (e) => progress(e.loaded));
		request.addEventListener('load', () => {
			try {
				const result = deserialize(request.responseText);
				if (result.type === 'redirect' || result.type === 'success') resolve([]);
				else if (result.type === 'failure') resolve(problemsOf(result.data));
				else reject(new Error(`the upload answered ${request.status}`));
			} catch {
				reject(new Error(`the upload answered ${request.status}`));
			}
		});
		request.addEventListener('error', () => reject(new Error('the upload failed')));
		request.addEventListener('abort', () => reject(new Error('the upload was stopped')));
		request.send(body);
	});
}
