/** `clips/a.mov` → `clips/a.fixed.mp4`: next to the input, never over it. String work, so browsers can load it. */
export function defaultOutputPath(input: string, extension: string): string {
  const slash = Math.max(input.lastIndexOf('/'), input.lastIndexOf('\\'));
  const dot = input.lastIndexOf('.');
  const stem = dot > slash + 1 ? input.slice(0, dot) : input;
  return `${stem}.fixed.${extension}`;
}
