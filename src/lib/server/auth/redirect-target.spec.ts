import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './redirect-target';

const ORIGIN = 'https://busett.example';

describe('sameOriginPath', () => {
	it('keeps a path of this site, with its query', () => {
		expect(sameOriginPath('/staff/households?status=expected', ORIGIN)).toBe('/staff/households?status=expected');
		expect(sameOriginPath('https://busett.example/account', ORIGIN)).toBe('/account');
	});

	it('refuses every target that would leave the site', () => {
		for (const target of [
			'//evil.example',
			'/\\evil.example',
			'\\\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/.//evil.example',
			'https://evil.example',
			'http://busett.example/',
			'javascript:alert(1)',
			'\r\nSet-Cookie:x',
			'data:text/html,<script>alert(1)</script>',
			' //evil.example'
		])
			expect(sameOriginPath(target, ORIGIN), JSON.stringify(target)).toBeNull();
	});

	it('never gives back a control character', () => {
		expect(sameOriginPath('/account\r\nSet-Cookie: x=1', ORIGIN)).toBe('/accountSet-Cookie:%20x=1');
	});

	it('refuses what is not a target at all', () => {
		expect(sameOriginPath(undefined, ORIGIN)).toBeNull();
		expect(sameOriginPath('', ORIGIN)).toBeNull();
		expect(sameOriginPath('/' + 'a'.repeat(3000), ORIGIN)).toBeNull();
	});
});
