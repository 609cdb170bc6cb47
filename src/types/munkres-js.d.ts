// munkres-js ships no types; it is used only by the matching benchmark
declare module 'munkres-js' {
	export default function computeMunkres(costMatrix: number[][]): [number, number][];
}
