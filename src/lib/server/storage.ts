// The dwellings' photos as objects in a private bucket, over the S3 protocol: Supabase
// Storage's S3 endpoint in production, the local stack's S3 server (scripts/stack/storage.ts)
// here and in the tests — one code path. Nothing here is public: the app reads an object and
// streams it after the same check as the dwelling's page (routes/photos/).
import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { config } from './config';

let client: S3Client | undefined;

/** whether photos can be kept at all (STORAGE_URL and keys set) */
export const storageConfigured = () =>
	Boolean(config().STORAGE_URL && config().STORAGE_ACCESS_KEY_ID && config().STORAGE_SECRET_ACCESS_KEY);

function s3(): S3Client {
	const c = config();
	if (!storageConfigured()) throw new Error('storage is not configured: set STORAGE_URL and its keys');
	client ??= new S3Client({
		endpoint: c.STORAGE_URL,
		region: c.STORAGE_REGION,
		// Supabase Storage and local servers address the bucket in the path
		forcePathStyle: true,
		credentials: { accessKeyId: c.STORAGE_ACCESS_KEY_ID!, secretAccessKey: c.STORAGE_SECRET_ACCESS_KEY! }
	});
	return client;
}

const bucket = () => config().STORAGE_BUCKET;

export async function put(key: string, body: Uint8Array, contentType: string) {
	await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: body, ContentType: contentType }));
}

/** the object's bytes, or null when there is none */
export async function get(key: string): Promise<Uint8Array | null> {
	try {
		const res = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
		return res.Body ? await res.Body.transformToByteArray() : null;
	} catch (error) {
		if ((error as { name?: string }).name === 'NoSuchKey') return null;
		throw error;
	}
}

/** removes the objects (those already gone are no error) */
export async function remove(keys: string[]) {
	if (!keys.length) return;
	const res = await s3().send(
		new DeleteObjectsCommand({ Bucket: bucket(), Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } })
	);
	if (res.Errors?.length) throw new Error(`removing objects: ${res.Errors.map((e) => `${e.Key}: ${e.Code}`).join(', ')}`);
}
