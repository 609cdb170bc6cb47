// Issue 20, item 1, over HTTP with the real S3 server of the stack: a landlord adds photos to
// an offer; each file is read by its bytes and stored without metadata at two sizes; the
// photos are served only to the landlord and staff; removing one, or the dwelling, removes
// its objects from the bucket.
import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { zipSync, strToU8 } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, startApp, type RunningApp } from '../helpers/app';
import { serviceClient } from '../helpers/clients';
import { COMPLETE_OFFER, letDwelling, passedInspection } from '../helpers/dwellings';
import { livingIn } from '../helpers/households';
import { Client, location } from '../helpers/http';
import { seedId } from '../helpers/seed';
import { DEMO_HASH } from '../helpers/tasks';

let app: RunningApp;
let landlord: Client;

const s3 = () =>
	new S3Client({
		endpoint: process.env.STORAGE_URL,
		region: process.env.STORAGE_REGION,
		forcePathStyle: true,
		credentials: { accessKeyId: process.env.STORAGE_ACCESS_KEY_ID!, secretAccessKey: process.env.STORAGE_SECRET_ACCESS_KEY! }
	});
const bucket = () => process.env.STORAGE_BUCKET!;
const objectOf = async (key: string) => {
	const res = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
	return Buffer.from(await res.Body!.transformToByteArray());
};
const exists = async (key: string) =>
	s3()
		.send(new HeadObjectCommand({ Bucket: bucket(), Key: key }))
		.then(() => true)
		.catch(() => false);

beforeAll(async () => {
	app = await startApp(appEnv({ MAIL_WORKER: 'off' }));
	landlord = new Client(app.url);
	expect((await landlord.login('utleigar@example.no')).status).toBe(303);
});
afterAll(() => app?.stop());

/** an offer of the demo landlord utleigar@example.no */
async function offer() {
	const { data, error } = await serviceClient()
		.from('dwellings')
		.insert({ ...COMPLETE_OFFER, street: `Biletvegen ${Date.now() % 100000}`, landlord_id: seedId('user:landlord:1'), status: 'submitted' })
		.select('id')
		.single();
	if (error) throw error;
	return data.id;
}

const picture = (width = 1200, height = 900) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } });
const photosOf = async (id: string) =>
	(await serviceClient().from('dwelling_photos').select('id, position, caption').eq('dwelling_id', id).order('position')).data!;

describe('a dwelling’s photos', () => {
	it('takes a PNG named .jpg and a JPEG with a GPS position, and keeps neither’s metadata', async () => {
		const id = await offer();
		const png = await picture().png().toBuffer();
		const gps = await picture(1600, 1200)
			.jpeg()
			.withExif({ IFD0: { Make: 'Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '60/1 47/1 12/1' } })
			.toBuffer();
		const res = await landlord.upload(`/landlord/dwellings/${id}?/photo_add`, [
			{ name: 'stova.jpg', bytes: png, type: 'image/jpeg' },
			{ name: 'kjokken.jpg', bytes: gps, type: 'image/jpeg' }
		]);
		expect(location(res)).toBe(`/landlord/dwellings/${id}?photos_added=2`);
		const rows = await photosOf(id);
		expect(rows.map((r) => r.position)).toEqual([1, 2]);
		for (const row of rows)
			for (const size of ['web', 'thumb']) {
				const stored = await objectOf(`photos/${row.id}/${size}.webp`);
				const meta = await sharp(stored).metadata();
				expect(meta.format).toBe('webp');
				expect(meta.exif).toBeUndefined();
			}
		// served to the landlord through the app, as WebP
		const served = await landlord.get(`/photos/${rows[1].id}/thumb`);
		expect(served.status).toBe(200);
		expect(served.headers.get('content-type')).toBe('image/webp');
		expect(served.headers.get('cache-control')).toContain('private');
	});

	it('names each file it does not take and why, and stores nothing of them', async () => {
		const id = await offer();
		const jpeg = await picture().jpeg().toBuffer();
		const res = await landlord.upload(`/landlord/dwellings/${id}?/photo_add`, [
			{ name: 'arkiv.zip', bytes: zipSync({ 'a.txt': strToU8('hei') }) },
			{ name: 'halv.jpg', bytes: jpeg.subarray(0, jpeg.length / 2) },
			{ name: 'stor.jpg', bytes: new Uint8Array(16 * 1024 * 1024) }
		]);
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('arkiv.zip: fila er ikkje eit bilete');
		expect(html).toContain('halv.jpg: fila er skadd eller ikkje heil');
		expect(html).toContain('stor.jpg: fila er større enn 15 MB');
		expect(await photosOf(id)).toEqual([]);
	});

	it('are shown to nobody but the landlord and staff', async () => {
		const id = await offer();
		await landlord.upload(`/landlord/dwellings/${id}?/photo_add`, [{ name: 'a.png', bytes: await picture().png().toBuffer() }]);
		const [photo] = await photosOf(id);
		const other = new Client(app.url);
		expect((await other.login('utleigar02@example.no')).status).toBe(303);
		expect((await other.get(`/photos/${photo.id}/web`)).status).toBe(404);
		// nor may another landlord change them
		expect((await other.post(`/landlord/dwellings/${id}?/photo_remove`, { photo_id: photo.id })).status).toBe(404);
		const volunteer = new Client(app.url);
		expect((await volunteer.login('frivillig02@example.no')).status).toBe(303);
		expect((await volunteer.get(`/photos/${photo.id}/web`)).status).toBe(403);
		expect((await new Client(app.url).get(`/photos/${photo.id}/web`)).status).toBe(303);
		const staff = new Client(app.url);
		expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
		expect((await staff.get(`/photos/${photo.id}/web`)).status).toBe(200);
	});

	it('are ordered, captioned and removed by the landlord; a removed one’s objects leave the bucket', async () => {
		const id = await offer();
		const png = await picture().png().toBuffer();
		await landlord.upload(`/landlord/dwellings/${id}?/photo_add`, [
			{ name: 'a.png', bytes: png },
			{ name: 'b.png', bytes: png },
			{ name: 'c.png', bytes: png }
		]);
		const [a, b, c] = await photosOf(id);
		expect(location(await landlord.post(`/landlord/dwellings/${id}?/photo_up`, { photo_id: c.id }))).toMatch(/\?photo_moved/);
		expect((await photosOf(id)).map((r) => r.id)).toEqual([a.id, c.id, b.id]);
		expect(location(await landlord.post(`/landlord/dwellings/${id}?/photo_caption`, { photo_id: a.id, caption: 'Stova mot sør' }))).toMatch(
			/\?photo_saved/
		);
		expect((await photosOf(id))[0].caption).toBe('Stova mot sør');
		// a caption of two lines is refused at its photo, the typed words kept, nothing stored
		const refused = await landlord.post(`/landlord/dwellings/${id}?/photo_caption`, { photo_id: b.id, caption: 'Soverom\nmot nord' });
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain(`id="caption-${b.id}-error"`);
		expect(html).toContain('Soverom\nmot nord');
		expect((await photosOf(id))[2].caption).toBe('');
		expect(await exists(`photos/${c.id}/web.webp`)).toBe(true);
		expect(location(await landlord.post(`/landlord/dwellings/${id}?/photo_remove`, { photo_id: c.id }))).toMatch(/\?photo_removed/);
		expect((await photosOf(id)).map((r) => [r.id, r.position])).toEqual([
			[a.id, 1],
			[b.id, 2]
		]);
		expect(await exists(`photos/${c.id}/web.webp`)).toBe(false);
		expect(await exists(`photos/${c.id}/thumb.webp`)).toBe(false);
	});

	it('go with their dwelling: its deletion queues the objects, and the purge removes them', async () => {
		const id = await offer();
		await landlord.upload(`/landlord/dwellings/${id}?/photo_add`, [{ name: 'a.png', bytes: await picture().png().toBuffer() }]);
		const [photo] = await photosOf(id);
		expect((await serviceClient().from('dwellings').delete().eq('id', id)).error).toBeNull();
		const { data: queued } = await serviceClient().from('storage_deletions').select('key').like('key', `photos/${photo.id}/%`);
		expect(queued!.map((q) => q.key).sort()).toEqual([`photos/${photo.id}/thumb.webp`, `photos/${photo.id}/web.webp`]);
		// the next removal (or the hourly job) purges the queue
		const other = await offer();
		await landlord.upload(`/landlord/dwellings/${other}?/photo_add`, [{ name: 'b.png', bytes: await picture().png().toBuffer() }]);
		const [second] = await photosOf(other);
		await landlord.post(`/landlord/dwellings/${other}?/photo_remove`, { photo_id: second.id });
		expect(await exists(`photos/${photo.id}/web.webp`)).toBe(false);
		expect((await serviceClient().from('storage_deletions').select('key').like('key', `photos/${photo.id}/%`)).data).toEqual([]);
	});

	it('stop at 12 a dwelling', async () => {
		const id = await offer();
		const png = await picture(64, 48).png().toBuffer();
		const files = Array.from({ length: 13 }, (_, i) => ({ name: `${i + 1}.png`, bytes: png }));
		const res = await landlord.upload(`/landlord/dwellings/${id}?/photo_add`, files);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Ein bustad kan ha 12 bilete.');
		expect(await photosOf(id)).toHaveLength(12);
	});
});

describe('the municipality’s photos', () => {
	const staffClient = async () => {
		const staff = new Client(app.url);
		expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
		return staff;
	};
	const visitOf = async (dwellingId: string) => {
		await passedInspection(dwellingId);
		const { data } = await serviceClient().from('inspections').select('id').eq('dwelling_id', dwellingId).single();
		return data!.id;
	};
	const setOf = async (id: string) =>
		(await serviceClient().from('dwelling_photos').select('id, position, by_staff, inspection_id').eq('dwelling_id', id).order('position'))
			.data!;

	it('are added by staff at a visit, in a set of their own beside the landlord’s, and shown with the visit', async () => {
		const id = await offer();
		const visit = await visitOf(id);
		const png = await picture().png().toBuffer();
		await landlord.upload(`/landlord/dwellings/${id}?/photo_add`, [{ name: 'stova.png', bytes: png }]);
		const staff = await staffClient();
		const res = await staff.upload(
			`/staff/dwellings/${id}?/photo_add`,
			[
				{ name: 'royk.png', bytes: png },
				{ name: 'fukt.png', bytes: png }
			],
			{ inspection_id: visit }
		);
		expect(location(res)).toBe(`/staff/dwellings/${id}?photos_added=2`);
		const rows = await setOf(id);
		const theirs = rows.filter((r) => !r.by_staff);
		const ours = rows.filter((r) => r.by_staff);
		expect(theirs.map((r) => [r.position, r.inspection_id])).toEqual([[1, null]]);
		expect(ours.map((r) => [r.position, r.inspection_id])).toEqual([
			[1, visit],
			[2, visit]
		]);
		const page = await (await staff.get(`/staff/dwellings/${id}`)).text();
		expect(page).toContain('Bilete frå synfaringa');
		for (const row of rows) expect(page).toContain(`/photos/${row.id}/thumb`);
		// staff move and remove their own set
		expect(location(await staff.post(`/staff/dwellings/${id}?/photo_up`, { photo_id: ours[1].id }))).toMatch(/\?photo_moved/);
		expect((await setOf(id)).filter((r) => r.by_staff).map((r) => r.id)).toEqual([ours[1].id, ours[0].id]);
	});

	it('are neither seen nor changed by the landlord', async () => {
		const id = await offer();
		const staff = await staffClient();
		await staff.upload(`/staff/dwellings/${id}?/photo_add`, [{ name: 'mugg.png', bytes: await picture().png().toBuffer() }]);
		const [ours] = await setOf(id);
		expect(ours.by_staff).toBe(true);
		expect(await (await landlord.get(`/landlord/dwellings/${id}`)).text()).not.toContain(ours.id);
		expect((await landlord.get(`/photos/${ours.id}/web`)).status).toBe(404);
		expect((await landlord.post(`/landlord/dwellings/${id}?/photo_remove`, { photo_id: ours.id })).status).not.toBe(303);
		expect((await landlord.post(`/landlord/dwellings/${id}?/photo_caption`, { photo_id: ours.id, caption: 'Mitt' })).status).not.toBe(303);
		await landlord.post(`/landlord/dwellings/${id}?/photo_down`, { photo_id: ours.id });
		expect(await setOf(id)).toEqual([ours]);
		expect((await serviceClient().from('dwelling_photos').select('caption').eq('id', ours.id).single()).data!.caption).toBe('');
	});

	it('refuse a visit of another dwelling, and store nothing', async () => {
		const id = await offer();
		const elsewhere = await visitOf(await offer());
		const staff = await staffClient();
		const res = await staff.upload(`/staff/dwellings/${id}?/photo_add`, [{ name: 'a.png', bytes: await picture().png().toBuffer() }], {
			inspection_id: elsewhere
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('Synfaringa du valde, finst ikkje lenger.');
		expect(await setOf(id)).toEqual([]);
	});
});

describe('a household’s page', () => {
	it('shows the landlord’s photos of the dwelling at its proposal, and not the municipality’s', async () => {
		const id = await letDwelling({ landlord_id: seedId('user:landlord:1') });
		const png = await picture().png().toBuffer();
		await landlord.upload(`/landlord/dwellings/${id}?/photo_add`, [{ name: 'stova.png', bytes: png }]);
		const staff = new Client(app.url);
		expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
		await staff.upload(`/staff/dwellings/${id}?/photo_add`, [{ name: 'mugg.png', bytes: png }]);
		const rows = (await serviceClient().from('dwelling_photos').select('id, by_staff').eq('dwelling_id', id)).data!;
		const household = await livingIn(id, 2);
		const page = await (await staff.get(`/staff/households/${household}`)).text();
		expect(page).toContain('Bilete av bustaden');
		expect(page).toContain(`/photos/${rows.find((r) => !r.by_staff)!.id}/thumb`);
		expect(page).not.toContain(rows.find((r) => r.by_staff)!.id);
	});
});

describe('the demo’s photos', () => {
	it('show the demo’s approved, proposed and let dwellings in three generated pictures each, stored without metadata', async () => {
		const seeded = Array.from({ length: 40 }, (_, i) => seedId(`dwelling:${i + 1}`));
		const { data: rows } = await serviceClient()
			.from('dwelling_photos')
			.select('id, dwelling_id, position, caption')
			.in('dwelling_id', seeded)
			.eq('by_staff', false)
			.order('position');
		const byDwelling = Map.groupBy(rows!, (r) => r.dwelling_id);
		expect(byDwelling.size).toBeGreaterThanOrEqual(10);
		for (const photos of byDwelling.values()) expect(photos.map((p) => p.caption)).toEqual(['Stova', 'Kjøkenet', 'Huset']);
		const { data: without } = await serviceClient()
			.from('dwellings')
			.select('id')
			.in('id', [...byDwelling.keys()])
			.eq('status', 'draft');
		expect(without).toEqual([]);
		expect((await sharp(await objectOf(`photos/${rows![0].id}/web.webp`)).metadata()).exif).toBeUndefined();
	});

	it('show the municipality’s photo at the demo’s failed inspection, which its landlord does not see', async () => {
		const { data: visit } = await serviceClient().from('inspections').select('id, dwelling_id').eq('passed', false).limit(1).single();
		const { data: ours } = await serviceClient().from('dwelling_photos').select('id, by_staff, caption').eq('inspection_id', visit!.id);
		expect(ours).toEqual([{ id: ours![0].id, by_staff: true, caption: 'Røykvarslaren i gangen manglar' }]);
		const staff = new Client(app.url);
		expect((await staff.login('sakshandsamar@fjordvik.kommune.no')).status).toBe(303);
		expect(await (await staff.get(`/staff/dwellings/${visit!.dwelling_id}`)).text()).toContain(`/photos/${ours![0].id}/thumb`);
	});
});

describe('erasing a landlord’s account', () => {
	it('takes their photos with it, from the database and from the bucket', async () => {
		const db = serviceClient();
		const { data: person } = await db
			.from('users')
			.insert({
				email: `foto-${Date.now()}@example.no`,
				display_name: 'Foto Utleigar',
				password_hash: DEMO_HASH,
				email_verified_at: new Date().toISOString(),
				phone: '+47 900 00 000'
			})
			.select('id, email')
			.single();
		await db.from('user_roles').insert({ user_id: person!.id, role: 'landlord' });
		const { data: home } = await db
			.from('dwellings')
			.insert({ ...COMPLETE_OFFER, street: `Slettevegen ${Date.now() % 100000}`, landlord_id: person!.id, status: 'submitted' })
			.select('id')
			.single();
		const own = new Client(app.url);
		expect((await own.login(person!.email)).status).toBe(303);
		await own.upload(`/landlord/dwellings/${home!.id}?/photo_add`, [{ name: 'a.png', bytes: await picture().png().toBuffer() }]);
		const [photo] = await photosOf(home!.id);
		expect(await exists(`photos/${photo.id}/web.webp`)).toBe(true);

		expect((await db.rpc('erase_account', { p_user: person!.id })).error).toBeNull();
		expect((await db.from('dwelling_photos').select('id').eq('id', photo.id)).data).toEqual([]);
		// the purge the next removal runs takes the objects
		const other = await offer();
		await landlord.upload(`/landlord/dwellings/${other}?/photo_add`, [{ name: 'b.png', bytes: await picture().png().toBuffer() }]);
		const [next] = await photosOf(other);
		await landlord.post(`/landlord/dwellings/${other}?/photo_remove`, { photo_id: next.id });
		expect(await exists(`photos/${photo.id}/web.webp`)).toBe(false);
		expect(await exists(`photos/${photo.id}/thumb.webp`)).toBe(false);
	});
});
