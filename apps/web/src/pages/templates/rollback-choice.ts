/**
 * The version a rollback dialog offers first: the highest one below the version in use, which is
 * what "roll back" usually means; else any other version; else the only one there is.
 */
export function defaultRollbackVersion(versions: readonly { version_number: number }[], current: number): number | undefined {
  const numbers = versions.map((version) => version.version_number);
  const below = numbers.filter((number) => number < current);
  if (below.length > 0) return Math.max(...below);
  return numbers.find((number) => number !== current) ?? numbers[0];
}
