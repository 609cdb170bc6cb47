// The local object storage: s3rver, a real server of the S3 protocol, keeping its objects in a
// folder. busett talks S3 to it exactly as it talks to Supabase Storage's S3 endpoint in
// production (src/lib/server/storage.ts): one code path. Its keys are s3rver's own, fixed,
// and it listens on loopback only.
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

export const LOCAL_BUCKET = 'dwelling-photos';
const KEY = 'S3RVER';

export type Storage = {
	env: {
		STORAGE_URL: string;
		STORAGE_REGION: string;
		STORAGE_BUCKET: string;
		STORAGE_ACCESS_KEY_ID: string;
		STORAGE_SECRET_ACCESS_KEY: string;
	};
	stop: () => Promise<void>;
};

export async function startStorage(opts: { port: number; dir: string }): Promise<Storage> {
	mkdirSync(opts.dir, { recursive: true });
	const server = new S3rver({
		address: '127.0.0.1',
		port: opts.port,
		directory: opts.dir,
		silent: true,
		configureBuckets: [{ name: LOCAL_BUCKET, configs: [] }]
	});
	const { port } = await server.run();
	return {
		env: {
			STORAGE_URL: `http://127.0.0.1:${port}`,
			STORAGE_REGION: 'local',
			STORAGE_BUCKET: LOCAL_BUCKET,
			STORAGE_ACCESS_KEY_ID: KEY,
			STORAGE_SECRET_ACCESS_KEY: KEY
		},
		stop: () => server.close()
	};
}
