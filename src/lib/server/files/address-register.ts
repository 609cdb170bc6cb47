// Kartverket's address register (Matrikkelen – Adresse) as Geonorge distributes it per
// municipality: a CSV separated by ";", one row per address, with the coordinates in
// EUREF89 UTM (zone 32, 33 or 35, named by the row's EPSG code), converted here to WGS84
// degrees with proj4. Only street addresses (vegadresser) are kept: a cadastral address
// (matrikkeladresse) has no street a landlord would type. Geonorge hands the CSV out in a zip,
// which is read as it is, without unpacking it first.
import { unzipSync } from 'fflate';
import proj4 from 'proj4';
import { csvRows } from './csv-rows.ts';
import { ImportError } from './import-error.ts';

export type RegisterAddress = { id: string; street: string; postcode: string; place: string; locality: string; lat: number; lon: number };

// EUREF89 UTM zones 32, 33 and 35 (the ones Norway's mainland uses); ETRS89 = WGS84 to a metre
const UTM: Record<string, string> = {
	'25832': '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
	'25833': '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
	'25835': '+proj=utm +zone=35 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs'
};

// the register's column names, with the other spellings its downloads have used
const COLUMNS = [
	['lokalid', 'adresseId'],
	'kommunenummer',
	'adressenavn',
	'nummer',
	'bokstav',
	['EPSG-kode', 'epsg', 'koordinatsystem'],
	['Nord', 'nord'],
	['Øst', 'øst', 'ost'],
	'postnummer',
	'poststed'
];

/** the street addresses of one municipality's file, with its municipality number */
export function parseAddresses(file: string, text: string): { municipality: string; addresses: RegisterAddress[] } {
	const rows = csvRows(file, text, ';', COLUMNS);
	const seen = new Set<string>();
	const addresses: RegisterAddress[] = [];
	let municipality = '';
	for (const row of rows) {
		if (row.get('adressetype').toLowerCase() === 'matrikkeladresse' || row.get('adressenavn') === '') continue;
		const fail = (problem: string) => new ImportError(file, row.line, problem);
		const id = row.get('lokalid');
		if (!id) throw fail('the address has no lokalid');
		if (seen.has(id)) throw fail(`lokalid ${id} comes twice`);
		seen.add(id);
		const number = row.get('kommunenummer').padStart(4, '0');
		if (!/^\d{4}$/.test(number)) throw fail(`kommunenummer "${row.get('kommunenummer')}" is not a municipality number`);
		if (municipality && number !== municipality)
			throw fail(`kommunenummer ${number} is another municipality than ${municipality} (import one municipality's file at a time)`);
		municipality = number;
		const postcode = row.get('postnummer').padStart(4, '0');
		if (!/^\d{4}$/.test(postcode)) throw fail(`postnummer "${row.get('postnummer')}" is not a postcode`);
		const epsg = row.get('EPSG-kode').replace(/^EPSG:/i, '');
		const projection = UTM[epsg];
		if (!projection) throw fail(`EPSG code "${epsg}" is not EUREF89 UTM zone 32, 33 or 35`);
		const north = Number(row.get('Nord').replace(',', '.'));
		const east = Number(row.get('Øst').replace(',', '.'));
		if (!Number.isFinite(north) || !Number.isFinite(east) || north <= 0 || east <= 0)
			throw fail('Nord and Øst must be coordinates in metres');
		const [lon, lat] = proj4(projection, 'WGS84', [east, north]);
		if (!(lat > 57 && lat < 72 && lon > 3 && lon < 32)) throw fail(`the coordinates (Nord ${north}, Øst ${east}) are not in Norway`);
		const houseNumber = row.get('nummer');
		addresses.push({
			id,
			street: `${row.get('adressenavn')}${houseNumber ? ` ${houseNumber}${row.get('bokstav')}` : ''}`,
			postcode,
			place: row.get('poststed') || '-',
			locality: row.get('tettstednavn'),
			lat: Math.round(lat * 1e7) / 1e7,
			lon: Math.round(lon * 1e7) / 1e7
		});
	}
	if (!addresses.length) throw new ImportError(file, null, 'the file has no street addresses');
	return { municipality, addresses };
}

/**
 * The register's CSV from a downloaded file: the CSV itself, or the zip Geonorge delivers it
 * in (read from its one .csv; errors then name the zip and the member).
 */
export function addressFile(file: string, bytes: Uint8Array): { file: string; text: string } {
	const decode = (b: Uint8Array) => new TextDecoder().decode(b);
	// a zip starts with its local file header, "PK\x03\x04"
	if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) return { file, text: decode(bytes) };
	let members: Record<string, Uint8Array>;
	try {
		members = unzipSync(bytes, { filter: (f) => f.name.toLowerCase().endsWith('.csv') });
	} catch (error) {
		throw new ImportError(file, null, `not a zip file that can be read (${(error as Error).message})`);
	}
	const names = Object.keys(members);
	if (names.length !== 1)
		throw new ImportError(
			file,
			null,
			names.length
				? `the zip holds ${names.length} CSV files (${names.join(', ')}): unpack the address file and import it`
				: 'the zip holds no CSV file'
		);
	return { file: `${file}: ${names[0]}`, text: decode(members[names[0]]) };
}
