// The texts an admin writes for the public pages (for landlords, for volunteers) are plain
// text: a blank line starts a new paragraph, lines that all begin with "- " are a list, and
// web and e-mail addresses become links. This turns such a text into parts a page shows
// with Svelte's own escaping: nothing in the text is ever read as HTML.

export type Inline = { text: string; href?: string };
export type Block = { kind: 'paragraph'; lines: Inline[][] } | { kind: 'list'; items: Inline[][] };

// a web address up to a space (not ending in punctuation that closes a sentence), or an e-mail address
const LINK = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'»”])|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const ITEM = /^\s*[-*•]\s+/;

/** a line's text with its addresses as links (http(s) and mailto only) */
export function inline(line: string): Inline[] {
	const parts: Inline[] = [];
	let at = 0;
	for (const match of line.matchAll(LINK)) {
		if (match.index > at) parts.push({ text: line.slice(at, match.index) });
		const [found, web] = match;
		parts.push({ text: found, href: web ? found : `mailto:${found}` });
		at = match.index + found.length;
	}
	if (at < line.length) parts.push({ text: line.slice(at) });
	return parts;
}

/** a text as paragraphs and lists */
export function blocks(text: string): Block[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((block) => block.split('\n').filter((line) => line.trim() !== ''))
		.filter((lines) => lines.length > 0)
		.map((lines) =>
			lines.every((line) => ITEM.test(line))
				? { kind: 'list' as const, items: lines.map((line) => inline(line.replace(ITEM, '').trim())) }
				: { kind: 'paragraph' as const, lines: lines.map((line) => inline(line.trim())) }
		);
}
