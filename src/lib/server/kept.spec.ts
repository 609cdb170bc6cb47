import { describe, expect, it } from 'vitest';
import { forgetKept, kept } from './kept';

describe('kept', () => {
	it('reads once within the period and again after it', async () => {
		let reads = 0;
		const read = async () => ++reads;
		expect(await kept('a', 50, read)).toBe(1);
		expect(await kept('a', 50, read)).toBe(1);
		await new Promise((r) => setTimeout(r, 60));
		expect(await kept('a', 50, read)).toBe(2);
	});
	it('shares one read among concurrent misses', async () => {
		let reads = 0;
		const read = async () => {
			reads++;
			await new Promise((r) => setTimeout(r, 10));
			return reads;
		};
		const answers = await Promise.all([kept('b', 1000, read), kept('b', 1000, read), kept('b', 1000, read)]);
		expect(answers).toEqual([1, 1, 1]);
		expect(reads).toBe(1);
	});
	it('reads again after a write forgot everything, and does not keep a read that was under way', async () => {
		let reads = 0;
		const slow = async () => {
			const n = ++reads;
			await new Promise((r) => setTimeout(r, 10));
			return n;
		};
		expect(await kept('c', 1000, slow)).toBe(1);
		forgetKept();
		const during = kept('c', 1000, slow);
		forgetKept();
		expect(await during).toBe(2);
		expect(await kept('c', 1000, slow)).toBe(3);
	});
	it('does not keep a failed read', async () => {
		let reads = 0;
		await expect(kept('d', 1000, async () => Promise.reject(new Error(String(++reads))))).rejects.toThrow('1');
		expect(await kept('d', 1000, async () => ++reads)).toBe(2);
	});
});
