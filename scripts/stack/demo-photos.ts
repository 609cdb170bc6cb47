// The demo's photos: three drawn pictures (a living room, a kitchen, the house from outside)
// for every dwelling the demo has approved, proposed or let, made here with sharp from SVG —
// generated, never downloaded — and put through the same processing as a landlord's upload
// (src/lib/server/files/photo.ts) into the stack's S3 bucket. Once: a stack that has photos
// already is left as it is.
import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createClient } from '@supabase/supabase-js';
import sharp from 'sharp';
import type { Database } from '../../src/lib/database.types.ts';
import { processPhoto } from '../../src/lib/server/files/photo.ts';
import type { Storage } from './storage.ts';

// each scene a few shapes in the dwelling's own colours, so the demo's photos differ
const SCENES: { caption: string; svg: (hue: number) => string }[] = [
	{
		caption: 'Stova',
		svg: (
			h
		) => `<rect width="1200" height="560" fill="hsl(${h},30%,88%)"/><rect y="560" width="1200" height="340" fill="hsl(${h},25%,55%)"/>
			<rect x="760" y="140" width="300" height="260" fill="#cfe8ff" stroke="#fff" stroke-width="14"/>
			<rect x="140" y="470" width="460" height="170" rx="30" fill="hsl(${(h + 180) % 360},35%,45%)"/>`
	},
	{
		caption: 'Kjøkenet',
		svg: (
			h
		) => `<rect width="1200" height="900" fill="hsl(${h},20%,92%)"/><rect y="520" width="1200" height="380" fill="hsl(${h},15%,70%)"/>
			<rect x="100" y="380" width="1000" height="180" fill="#f4f4f4" stroke="#999" stroke-width="6"/>
			<rect x="120" y="120" width="420" height="200" fill="hsl(${(h + 40) % 360},30%,80%)"/>`
	},
	{
		caption: 'Huset',
		svg: (h) => `<rect width="1200" height="600" fill="#bde0fe"/><rect y="600" width="1200" height="300" fill="#6a994e"/>
			<rect x="360" y="330" width="480" height="330" fill="hsl(${h},45%,55%)"/><polygon points="320,340 600,140 880,340" fill="#7f5539"/>
			<rect x="560" y="520" width="90" height="140" fill="#fff"/>`
	}
];

const picture = (scene: (typeof SCENES)[number], hue: number) =>
	sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="900">${scene.svg(hue)}</svg>`))
		.jpeg({ quality: 85 })
		.toBuffer();

// the municipality's own photo at the demo's failed inspection (the smoke alarms): a ceiling
// with the alarm's empty mount
const MISSING_ALARM = {
	caption: 'Røykvarslaren i gangen manglar',
	svg: () => `<rect width="1200" height="900" fill="#f2f2ee"/><rect y="700" width="1200" height="200" fill="#d9d4c7"/>
			<circle cx="600" cy="260" r="90" fill="none" stroke="#9a9a9a" stroke-width="10"/><circle cx="600" cy="260" r="12" fill="#9a9a9a"/>`
};

export async function addDemoPhotos(url: string, serviceKey: string, storage: Storage['env'], log: (line: string) => void) {
	const db = createClient<Database>(url, serviceKey, { auth: { persistSession: false } });
	const { count, error } = await db.from('dwelling_photos').select('id', { count: 'exact', head: true });
	if (error) throw new Error(`reading the photos: ${error.message}`);
	if (count) return;
	const started = performance.now();
	const { data: shown, error: listed } = await db.from('dwellings').select('id, landlord_id').in('status', ['approved', 'proposed', 'let']);
	if (listed) throw new Error(`listing the demo's dwellings: ${listed.message}`);
	const s3 = new S3Client({
		endpoint: storage.STORAGE_URL,
		region: storage.STORAGE_REGION,
		forcePathStyle: true,
		credentials: { accessKeyId: storage.STORAGE_ACCESS_KEY_ID, secretAccessKey: storage.STORAGE_SECRET_ACCESS_KEY }
	});
	// a dwelling's photos, processed as an upload is (at once: sharp runs on libuv's threads),
	// into the bucket, and then their rows in order
	const add = async (dwellingId: string, by: string | null, scenes: (typeof SCENES)[number][], hue: number, visit?: string) => {
		const done = await Promise.all(scenes.map(async (scene) => processPhoto(await picture(scene, hue))));
		const ids = done.map(() => randomUUID());
		await Promise.all(
			done.flatMap((photo, i) =>
				(['web', 'thumb'] as const).map((size) =>
					s3.send(
						new PutObjectCommand({
							Bucket: storage.STORAGE_BUCKET,
							Key: `photos/${ids[i]}/${size}.webp`,
							Body: photo[size],
							ContentType: photo.type
						})
					)
				)
			)
		);
		for (const [i, photo] of done.entries()) {
			const { error: added } = await db.rpc('add_dwelling_photo', {
				p_dwelling: dwellingId,
				p_photo: ids[i],
				// the municipality's own dwellings and photos: added by nobody in particular
				p_by: by ?? (null as unknown as string),
				p_width: photo.width,
				p_height: photo.height,
				p_caption: scenes[i].caption,
				p_by_staff: visit !== undefined,
				p_inspection: visit
			});
			if (added) throw new Error(`a demo photo: ${added.message}`);
		}
	};
	// two dwellings at a time: the machine's two cores busy, the start a few seconds shorter
	for (let n = 0; n < shown.length; n += 2)
		await Promise.all(shown.slice(n, n + 2).map((dwelling, k) => add(dwelling.id, dwelling.landlord_id, SCENES, ((n + k) * 47) % 360)));
	const { data: failed, error: visits } = await db.from('inspections').select('id, dwelling_id').eq('passed', false).limit(1);
	if (visits) throw new Error(`reading the demo's inspections: ${visits.message}`);
	for (const visit of failed) await add(visit.dwelling_id, null, [MISSING_ALARM], 0, visit.id);
	log(`made the demo's photos (${shown.length * SCENES.length + failed.length}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
