import { describe, expect, it } from 'vitest';
import { parseBoundaries } from './district-boundaries';

const square = [
	[5, 60],
	[5.1, 60],
	[5.1, 60.1],
	[5, 60.1],
	[5, 60]
];
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 1);
const feature = (name: unknown, coordinates: unknown, type = 'Polygon') => ({
	type: 'Feature',
	properties: { navn: name },
	geometry: { type, coordinates }
});

describe('parseBoundaries', () => {
	it('reads each district with its name and bounding box, a MultiPolygon too', () => {
		const moved = square.map(([x, y]) => [x + 1, y]);
		const [a, b] = parseBoundaries('d.geojson', collection(feature('Lid', [square]), feature('Øy', [[square], [moved]], 'MultiPolygon')));
		expect(a).toMatchObject({ name: 'Lid', min_lat: 60, max_lat: 60.1, min_lon: 5, max_lon: 5.1 });
		expect(b).toMatchObject({ name: 'Øy', min_lon: 5, max_lon: 6.1 });
	});

	it('refuses a ring that crosses itself, one too short and a feature without a name', () => {
		const bowtie = [
			[5, 60],
			[5.1, 60.1],
			[5.1, 60],
			[5, 60.1],
			[5, 60]
		];
		expect(() => parseBoundaries('d.geojson', collection(feature('Lid', [bowtie])))).toThrow(
			/feature 1: "Lid": the boundary crosses itself/
		);
		expect(() => parseBoundaries('d.geojson', collection(feature('Lid', [square.slice(2)])))).toThrow(/a ring has 3 positions/);
		expect(() => parseBoundaries('d.geojson', collection(feature('', [square])))).toThrow(/feature 1: has no name/);
	});

	it('refuses a point, and a second district of the same name', () => {
		expect(() => parseBoundaries('d.geojson', collection(feature('Lid', [5, 60], 'Point')))).toThrow(/"Lid" is a Point, not a Polygon/);
		expect(() => parseBoundaries('d.geojson', collection(feature('Lid', [square]), feature('lid', [square])))).toThrow(
			/feature 2: the name "lid" comes twice/
		);
	});
});
