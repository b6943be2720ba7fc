/**
 * Clockwise display rotation, in degrees (0, 90, 180, 270), from a tkhd matrix [a b u c d v x y w]
 * in 16.16 fixed point. An iPhone portrait clip has [0 1 0 -1 0 0 tx 0 1] and rotates by 90;
 * ffprobe prints that as "rotation: -90" (counter-clockwise).
 */
export function rotationFromMatrix(matrix: number[] | null): number {
  if (!matrix || matrix.length < 5) return 0;
  const a = matrix[0]! / 65536;
  const b = matrix[1]! / 65536;
  if (a === 0 && b === 0) return 0;
  const degrees = (Math.atan2(b, a) * 180) / Math.PI;
  return ((Math.round(degrees / 90) * 90) % 360 + 360) % 360;
}
