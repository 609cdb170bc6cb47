// A small HTTP client for tests against a running app: keeps cookies like a browser,
// never follows redirects (tests assert on them), sends forms as a browser without
// JavaScript would (same-origin, so SvelteKit's CSRF check passes), and can pretend to
// come from a given address (the app runs with ADDRESS_HEADER=x-forwarded-for).
export class Client {
	private cookies = new Map<string, string>();
	readonly base: string;
	readonly ip: string;
	/** the browser's languages (Accept-Language), none by default */
	languages?: string;

	constructor(base: string, ip = '127.0.0.1', languages?: string) {
		this.base = base;
		this.ip = ip;
		this.languages = languages;
	}

	private headers(extra: Record<string, string> = {}) {
		const cookie = this.cookieHeader();
		// a browser's accept: SvelteKit answers form posts with HTML, not its JSON for use:enhance
		const language: Record<string, string> = this.languages ? { 'accept-language': this.languages } : {};
		return { 'x-forwarded-for': this.ip, accept: 'text/html', ...language, ...(cookie ? { cookie } : {}), ...extra };
	}

	private keep(res: Response) {
		for (const line of res.headers.getSetCookie()) {
			const [pair, ...attrs] = line.split(';');
			const [name, value] = pair.split('=');
			const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
			if (expired || value === '') this.cookies.delete(name.trim());
			else this.cookies.set(name.trim(), value);
		}
		return res;
	}

	/** the cookies as a browser would send them, for another HTTP client */
	cookieHeader() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	cookie(name: string) {
		return this.cookies.get(name);
	}

	/** set a cookie by hand (to present a forged one) */
	setCookie(name: string, value: string) {
		this.cookies.set(name, value);
	}

	async get(path: string): Promise<Response> {
		return this.keep(await fetch(this.base + path, { headers: this.headers(), redirect: 'manual' }));
	}

	/** fields as a record, or as pairs when a name repeats (several checkboxes) */
	async post(path: string, fields: Record<string, string> | [string, string][] = {}): Promise<Response> {
		return this.keep(
			await fetch(this.base + path, {
				method: 'POST',
				body: new URLSearchParams(fields),
				headers: this.headers({ origin: this.base, 'content-type': 'application/x-www-form-urlencoded' }),
				redirect: 'manual'
			})
		);
	}

	/** a multipart form with files, as a file input sends it */
	/** files posted as `field`, with the form's other fields */
	async upload(
		path: string,
		files: { name: string; bytes: Uint8Array; type?: string }[],
		fields: Record<string, string> = {},
		field = 'photos'
	): Promise<Response> {
		const body = new FormData();
		for (const [name, value] of Object.entries(fields)) body.append(name, value);
		for (const f of files) body.append(field, new File([Buffer.from(f.bytes)], f.name, { type: f.type ?? 'application/octet-stream' }));
		return this.keep(
			await fetch(this.base + path, { method: 'POST', body, headers: this.headers({ origin: this.base }), redirect: 'manual' })
		);
	}

	async login(email: string, password = 'busett-demo-2026'): Promise<Response> {
		return this.post('/login', { email, password });
	}
}

export const location = (res: Response) => res.headers.get('location');
