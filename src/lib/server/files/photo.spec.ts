import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, PhotoError, processPhoto, THUMB_SIZE, WEB_SIZE } from './photo';

const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 90 } } });

const problem = async (bytes: Uint8Array) => {
	try {
		await processPhoto(bytes);
	} catch (e) {
		if (e instanceof PhotoError) return e.problem;
		throw e;
	}
	return null;
};

// A HEIC as an iPhone writes it, at its smallest: the HEIF boxes (ftyp heic, meta with one
// hvc1 item, its hvcC and size, mdat) around a few bytes of HEVC. The prebuilt libvips reads
// the boxes but has no HEVC decoder, as for a real iPhone photo.
function heic(width: number, height: number): Buffer {
	const u32 = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
	const u16 = (n: number) => Buffer.from([n >>> 8, n & 255]);
	const box = (type: string, ...parts: Buffer[]) => {
		const body = Buffer.concat(parts);
		return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
	};
	const full = (type: string, version: number, ...parts: Buffer[]) => box(type, Buffer.from([version, 0, 0, 0]), ...parts);
	const hevc = Buffer.concat([u32(8), Buffer.from([0x26, 0x01, 0xaf, 0x09, 0x40, 0xf3, 0xb8, 0xd5])]);
	// profile Main, level 3, 4:2:0, 8 bits, 4-byte NAL lengths, no parameter sets
	const hvcC = box(
		'hvcC',
		Buffer.from([1, 1]),
		u32(0x60000000),
		Buffer.from([0x90, 0, 0, 0, 0, 0, 0x5a, 0xf0, 0, 0xfc, 0xfd, 0xf8, 0xf8, 0, 0, 0x0f, 0])
	);
	const head = (offset: number) =>
		Buffer.concat([
			box('ftyp', Buffer.from('heic'), u32(0), Buffer.from('mif1heic')),
			full(
				'meta',
				0,
				full('hdlr', 0, u32(0), Buffer.from('pict'), u32(0), u32(0), u32(0), Buffer.from([0])),
				full('pitm', 0, u16(1)),
				full('iinf', 0, u16(1), full('infe', 2, u16(1), u16(0), Buffer.from('hvc1'), Buffer.from([0]))),
				full('iloc', 0, Buffer.from([0x44, 0]), u16(1), u16(1), u16(0), u16(1), u32(offset), u32(hevc.length)),
				box('iprp', box('ipco', hvcC, full('ispe', 0, u32(width), u32(height))), full('ipma', 0, u32(1), u16(1), Buffer.from([2, 0x81, 2])))
			)
		]);
	// the item's bytes are where the mdat's begin: after the head and the mdat's own header
	return Buffer.concat([head(head(0).length + 8), box('mdat', hevc)]);
}

describe('processPhoto', () => {
	it('reads the file by its bytes: a PNG, whatever it is called, becomes a web size and a thumbnail', async () => {
		const png = await picture(3000, 2000).png().toBuffer();
		const out = await processPhoto(png);
		expect(out.type).toBe('image/webp');
		expect([out.width, out.height]).toEqual([WEB_SIZE, Math.round((WEB_SIZE * 2) / 3)]);
		const thumb = await sharp(out.thumb).metadata();
		expect([thumb.format, thumb.width]).toEqual(['webp', THUMB_SIZE]);
	});

	it('keeps no metadata: a JPEG with a GPS position and a camera comes out with no EXIF at all', async () => {
		const jpeg = await picture(800, 600)
			.jpeg()
			.withExif({
				IFD0: { Make: 'Phone', Model: 'Camera', Copyright: 'Utleigar' },
				IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '60/1 47/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 12/1 30/1' }
			})
			.toBuffer();
		expect((await sharp(jpeg).metadata()).exif).toBeDefined();
		const out = await processPhoto(jpeg);
		for (const size of [out.web, out.thumb]) {
			const meta = await sharp(size).metadata();
			expect(meta.exif).toBeUndefined();
			expect(meta.xmp).toBeUndefined();
			expect(meta.iptc).toBeUndefined();
		}
		expect(out.web.includes(Buffer.from('Utleigar'))).toBe(false);
	});

	it('turns a photo upright by its EXIF orientation before the orientation is dropped', async () => {
		const sideways = await picture(800, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();
		const out = await processPhoto(sideways);
		expect([out.width, out.height]).toEqual([400, 800]);
	});

	it('refuses what is not a photo: a zip, an SVG, an empty file', async () => {
		expect(await problem(zipSync({ 'a.txt': strToU8('hei') }))).toBe('not_an_image');
		expect(await problem(strToU8('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toBe('not_an_image');
		expect(await problem(new Uint8Array())).toBe('empty');
	});

	it('says so when a HEIC is one the image library cannot decode, rather than calling it damaged', async () => {
		const meta = await sharp(heic(640, 480)).metadata();
		expect([meta.format, meta.compression, meta.width]).toEqual(['heif', 'hevc', 640]);
		expect(await problem(heic(640, 480))).toBe('heic_unsupported');
	});

	it('takes a HEIF the image library decodes (AV1, as AVIF is)', async () => {
		const avif = await picture(640, 480).avif().toBuffer();
		expect((await processPhoto(avif)).width).toBe(640);
	});

	it('refuses a file over 15 MB before reading it', async () => {
		expect(await problem(new Uint8Array(40 * 1024 * 1024))).toBe('too_big');
		expect(MAX_PHOTO_BYTES).toBe(15 * 1024 * 1024);
	});

	it('refuses a JPEG cut short', async () => {
		const jpeg = await picture(1200, 900).jpeg({ quality: 95 }).toBuffer();
		expect(await problem(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBe('damaged');
	});

	it('refuses a picture of more pixels than a camera makes, before decoding it', async () => {
		// a PNG whose header says 10,000 × 10,000 (300 MB decoded) in a file of under 100 bytes
		const chunk = (type: string, data: Buffer) => {
			const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
			const head = Buffer.alloc(4);
			head.writeUInt32BE(data.length);
			const crc = Buffer.alloc(4);
			crc.writeUInt32BE(crc32(body));
			return Buffer.concat([head, body, crc]);
		};
		const ihdr = Buffer.alloc(13);
		ihdr.writeUInt32BE(10000, 0);
		ihdr.writeUInt32BE(10000, 4);
		ihdr.set([8, 2, 0, 0, 0], 8);
		const bomb = Buffer.concat([
			Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
			chunk('IHDR', ihdr),
			chunk('IDAT', deflateSync(Buffer.alloc(16))),
			chunk('IEND', Buffer.alloc(0))
		]);
		expect(await problem(bomb)).toBe('too_many_pixels');
	});
});
