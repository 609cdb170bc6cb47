// School district boundaries as municipalities publish them: a GeoJSON FeatureCollection in
// WGS84 degrees, one Polygon or MultiPolygon feature per district, named by a property
// (`name`, or `navn`, `skolekrets`, `skolekretsnavn`). Each ring must be closed, have at least
// four positions and not cross itself; a broken one is named with the line its feature starts on.
import { parse as parseLocated, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ImportError } from './import-error.ts';

export type Boundary = {
	name: string;
	geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
	min_lat: number;
	max_lat: number;
	min_lon: number;
	max_lon: number;
};

type Position = [number, number];
const NAME_PROPERTIES = ['name', 'navn', 'skolekrets', 'skolekretsnavn'];

/** the line of each feature's start, in file order (`"type": "Feature"` as GeoJSON writes it) */
function featureLines(text: string): number[] {
	const lines: number[] = [];
	const pattern = /"type"\s*:\s*"Feature"/g;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) lines.push(text.slice(0, m.index).split('\n').length);
	return lines;
}

// whether segments ab and cd cross (touching at a shared end does not count)
function crosses(a: Position, b: Position, c: Position, d: Position): boolean {
	const side = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
	const [d1, d2, d3, d4] = [side(a, b, c), side(a, b, d), side(c, d, a), side(c, d, b)];
	return d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0 && d1 !== d2 && d3 !== d4;
}

function checkRing(ring: unknown, fail: (problem: string) => ImportError): Position[] {
	if (!Array.isArray(ring)) throw fail('a ring is not a list of positions');
	const positions = ring.map((p) => {
		if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((v) => typeof v === 'number' && Number.isFinite(v)))
			throw fail(`the position ${JSON.stringify(p)} is not [longitude, latitude]`);
		if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) throw fail(`the position ${JSON.stringify(p)} is not in degrees (WGS84)`);
		return [p[0], p[1]] as Position;
	});
	if (positions.length < 4) throw fail(`a ring has ${positions.length} positions (a closed ring needs at least 4)`);
	const [a, z] = [positions[0], positions[positions.length - 1]];
	if (a[0] !== z[0] || a[1] !== z[1]) throw fail('a ring is not closed (its last position must be its first)');
	const n = positions.length - 1;
	for (let i = 0; i < n; i++)
		for (let j = i + 2; j < n; j++) {
			if (i === 0 && j === n - 1) continue;
			if (crosses(positions[i], positions[i + 1], positions[j], positions[j + 1]))
				throw fail(`the boundary crosses itself (near ${positions[j][1].toFixed(5)}, ${positions[j][0].toFixed(5)})`);
		}
	return positions;
}

export function parseBoundaries(file: string, text: string): Boundary[] {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		// JSON.parse says what is wrong but not where: jsonc-parser finds the place
		const errors: ParseError[] = [];
		parseLocated(text, errors, { disallowComments: true, allowTrailingComma: false });
		const first = errors[0];
		const line = first ? text.slice(0, first.offset).split('\n').length : null;
		throw new ImportError(file, line, `not valid JSON (${first ? printParseErrorCode(first.error) : 'unreadable'})`);
	}
	const collection = json as { type?: unknown; features?: unknown };
	if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features))
		throw new ImportError(file, 1, 'not a GeoJSON FeatureCollection');
	const lines = featureLines(text);
	const seen = new Set<string>();
	const boundaries = collection.features.map(
		(feature: { properties?: Record<string, unknown>; geometry?: { type?: unknown; coordinates?: unknown } }, i) => {
			const line = lines[i] ?? null;
			const fail = (problem: string) => new ImportError(file, line, `feature ${i + 1}: ${problem}`);
			const nameKey = NAME_PROPERTIES.find((k) => typeof feature?.properties?.[k] === 'string' && String(feature.properties[k]).trim());
			if (!nameKey) throw fail(`has no name (a property ${NAME_PROPERTIES.join(', ')})`);
			const name = String(feature.properties![nameKey]).trim();
			if (name.length > 100) throw fail('its name is longer than 100 characters');
			if (seen.has(name.toLowerCase())) throw fail(`the name "${name}" comes twice`);
			seen.add(name.toLowerCase());
			const g = feature.geometry;
			if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon')
				throw fail(`"${name}" is a ${String(g?.type ?? 'feature without geometry')}, not a Polygon or MultiPolygon`);
			const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
			if (!Array.isArray(polygons) || !polygons.length) throw fail(`"${name}" has no coordinates`);
			const all: Position[] = [];
			for (const rings of polygons as unknown[]) {
				if (!Array.isArray(rings) || !rings.length) throw fail(`"${name}" has a polygon without rings`);
				for (const ring of rings) all.push(...checkRing(ring, (p) => fail(`"${name}": ${p}`)));
			}
			const box = { min_lat: 90, max_lat: -90, min_lon: 180, max_lon: -180 };
			for (const [lon, lat] of all) {
				box.min_lat = Math.min(box.min_lat, lat);
				box.max_lat = Math.max(box.max_lat, lat);
				box.min_lon = Math.min(box.min_lon, lon);
				box.max_lon = Math.max(box.max_lon, lon);
			}
			return { name, geometry: { type: g.type, coordinates: g.coordinates }, ...box } satisfies Boundary;
		}
	);
	if (!boundaries.length) throw new ImportError(file, 1, 'the collection has no features');
	return boundaries;
}
