// A dwelling's photo as busett keeps it (issue 20, item 1): whatever the file is called, the
// bytes decide what it is (JPEG, PNG, WebP, or HEIC/HEIF where libvips decodes it); it is
// turned upright by its EXIF orientation and written again without any metadata — no GPS
// position, camera or owner — at two sizes, a web size and a thumbnail, as WebP. Nothing of
// the original file is kept. Pure: bytes in, bytes out (storage is another module's).
import sharp, { type Metadata } from 'sharp';

/** the largest file taken (a phone's photo is 2–8 MB) */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** a larger picture is refused before it is decoded (a "decompression bomb" fills the memory) */
const MAX_PIXELS = 60_000_000;
export const WEB_SIZE = 1600;
export const THUMB_SIZE = 400;

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);

/** why a file is not taken, for the message beside the field */
export type PhotoProblem = 'empty' | 'too_big' | 'not_an_image' | 'heic_unsupported' | 'damaged' | 'too_many_pixels';

export class PhotoError extends Error {
	readonly problem: PhotoProblem;
	constructor(problem: PhotoProblem) {
		super(`photo refused: ${problem}`);
		this.name = 'PhotoError';
		this.problem = problem;
	}
}

export type ProcessedPhoto = {
	web: Buffer;
	thumb: Buffer;
	/** the web size's own dimensions, for the page's width and height attributes */
	width: number;
	height: number;
	type: 'image/webp';
};

export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto> {
	if (bytes.length === 0) throw new PhotoError('empty');
	if (bytes.length > MAX_PHOTO_BYTES) throw new PhotoError('too_big');
	let meta: Metadata;
	try {
		meta = await sharp(bytes, { limitInputPixels: false }).metadata();
	} catch {
		throw new PhotoError('not_an_image');
	}
	if (!meta.format || !ACCEPTED.has(meta.format)) throw new PhotoError('not_an_image');
	if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PIXELS) throw new PhotoError('too_many_pixels');
	// failOn 'truncated': a file cut short is refused, not stored with a grey half
	const upright = sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS }).rotate();
	const size = (edge: number) => upright.clone().resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true });
	try {
		const [web, thumb] = await Promise.all([
			size(WEB_SIZE).webp({ quality: 80 }).toBuffer({ resolveWithObject: true }),
			size(THUMB_SIZE).webp({ quality: 70 }).toBuffer()
		]);
		return { web: web.data, thumb, width: web.info.width, height: web.info.height, type: 'image/webp' };
	} catch {
		// a HEIC the prebuilt libvips cannot decode (HEVC is not in it) says so; others are damaged
		throw new PhotoError(meta.format === 'heif' && meta.compression !== 'av1' ? 'heic_unsupported' : 'damaged');
	}
}
