import { describe, expect, it } from 'vitest';
import { blocks, inline } from './richtext';

describe('richtext', () => {
	it('splits a text into paragraphs at blank lines, keeping single line breaks as lines', () => {
		expect(blocks('Første avsnitt\nandre line\n\n\nAndre avsnitt')).toEqual([
			{ kind: 'paragraph', lines: [[{ text: 'Første avsnitt' }], [{ text: 'andre line' }]] },
			{ kind: 'paragraph', lines: [[{ text: 'Andre avsnitt' }]] }
		]);
	});

	it('makes a block whose every line begins with a dash a list', () => {
		expect(blocks('- leigekontrakt\n- depositum')).toEqual([
			{ kind: 'list', items: [[{ text: 'leigekontrakt' }], [{ text: 'depositum' }]] }
		]);
	});

	it('links web and e-mail addresses, leaving the full stop after them outside the link', () => {
		expect(inline('Søk på https://www.politiet.no/politiattest. Skriv til post@kommune.no.')).toEqual([
			{ text: 'Søk på ' },
			{ text: 'https://www.politiet.no/politiattest', href: 'https://www.politiet.no/politiattest' },
			{ text: '. Skriv til ' },
			{ text: 'post@kommune.no', href: 'mailto:post@kommune.no' },
			{ text: '.' }
		]);
	});

	it('keeps HTML as text and links no other scheme', () => {
		expect(blocks('<script>alert(1)</script> javascript:alert(1)')).toEqual([
			{ kind: 'paragraph', lines: [[{ text: '<script>alert(1)</script> javascript:alert(1)' }]] }
		]);
	});
});
