// Where to go after logging in, when the login page was reached from another page. The
// target comes from the URL, so anyone can write a link with one: it is resolved against
// ORIGIN with the URL parser (the same one a browser uses, which drops tabs and line
// breaks and reads a backslash as a slash) and accepted only if it stays on this site.
// What comes back is the resolved path and query, percent-encoded, never the text as sent.

/** a same-origin path for a target, or null when the target would leave the site */
export function sameOriginPath(target: unknown, origin: string): string | null {
	if (typeof target !== 'string' || target === '' || target.length > 2000) return null;
	let resolved: URL;
	let base: URL;
	try {
		base = new URL(origin);
		resolved = new URL(target, base);
	} catch {
		return null;
	}
	if (resolved.origin !== base.origin) return null;
	const path = resolved.pathname + resolved.search;
	// "//host" as a Location would be another site again; a path never starts so
	if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
	return path;
}
