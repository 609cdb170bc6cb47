import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { addressFile, parseAddresses } from './address-register';
import { ImportError } from './import-error';

const HEADER = 'lokalid;kommunenummer;adressetype;adressenavn;nummer;bokstav;EPSG-kode;Nord;Øst;postnummer;poststed;tettstednavn';
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('parseAddresses', () => {
	it('converts EUREF89 UTM zone 32 to degrees, north and east the right way round', () => {
		const { addresses } = parseAddresses(
			'a.csv',
			file(
				'1;4631;vegadresse;Kyrkjevegen;4;B;25832;6650000;500000;5914;KNARVIK;Knarvik',
				'2;4631;vegadresse;Kyrkjevegen;6;;25832;6761000;500000;5914;KNARVIK;'
			)
		);
		// easting 500,000 is zone 32's central meridian, 9° east; 111 km north is about 1° of latitude
		expect(addresses[0].lon).toBeCloseTo(9, 6);
		expect(addresses[1].lat - addresses[0].lat).toBeCloseTo(1, 1);
		expect(addresses[0]).toMatchObject({ id: '1', street: 'Kyrkjevegen 4B', postcode: '5914', place: 'KNARVIK', locality: 'Knarvik' });
		expect(addresses[1].street).toBe('Kyrkjevegen 6');
	});

	it('leaves out cadastral addresses, which have no street to type', () => {
		const { addresses } = parseAddresses(
			'a.csv',
			file('1;4631;vegadresse;Lia;1;;25832;6740000;290000;5915;LID;', '2;4631;matrikkeladresse;;;;25832;6740000;290000;5915;LID;')
		);
		expect(addresses.map((a) => a.id)).toEqual(['1']);
	});

	it('names the line of an address that comes twice, of a wrong coordinate system and of another municipality', () => {
		const row = (id: string, kommune = '4631', epsg = '25832') => `${id};${kommune};vegadresse;Lia;1;;${epsg};6740000;290000;5915;LID;`;
		expect(() => parseAddresses('a.csv', file(row('1'), row('1')))).toThrow('a.csv, line 3: lokalid 1 comes twice');
		expect(() => parseAddresses('a.csv', file(row('1'), row('2', '4631', '4326')))).toThrow('a.csv, line 3: EPSG code "4326"');
		expect(() => parseAddresses('a.csv', file(row('1'), row('2', '4632')))).toThrow(
			'a.csv, line 3: kommunenummer 4632 is another municipality'
		);
	});

	it('refuses a row with a column too many, naming its line', () => {
		expect(() => parseAddresses('a.csv', file('1;4631;vegadresse;Lia;1;;25832;6740000;290000;5915;LID;;extra'))).toThrow(
			/^a\.csv, line 2: not readable as CSV/
		);
	});
});

describe('addressFile', () => {
	const csv = strToU8(file('1;4631;vegadresse;Lia;1;;25832;6740000;290000;5915;LID;'));

	it('reads a CSV as it is', () => {
		expect(addressFile('a.csv', csv)).toEqual({ file: 'a.csv', text: strFromU8(csv) });
	});

	it('reads the one CSV of a zip, naming the member in what it reports', () => {
		const zip = zipSync({ 'dir/adresse.csv': csv, 'readme.txt': strToU8('x') });
		const read = addressFile('a.zip', zip);
		expect(read.file).toBe('a.zip: dir/adresse.csv');
		expect(parseAddresses(read.file, read.text).addresses).toHaveLength(1);
	});

	it('refuses a zip with no CSV, or with several', () => {
		expect(() => addressFile('a.zip', zipSync({ 'readme.txt': strToU8('x') }))).toThrow('a.zip: the zip holds no CSV file');
		expect(() => addressFile('a.zip', zipSync({ 'a.csv': csv, 'b.csv': csv }))).toThrow(/^a\.zip: the zip holds 2 CSV files/);
	});

	it('refuses a broken zip as one error naming the file', () => {
		const broken = zipSync({ 'a.csv': csv }).slice(0, 40);
		expect(() => addressFile('a.zip', broken)).toThrow(ImportError);
	});
});
