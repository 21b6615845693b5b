import { present } from './empty-is-absent';

/**
 * An upstream enum value in the gateway's vocabulary: absent stays absent, a value the table does not
 * know becomes `unknown` (the upstream's own word is kept beside it in the model).
 */
export function fromWireEnum<T extends string, U extends string>(
  table: Readonly<Record<string, T>>,
  value: string | null | undefined,
  unknown: U,
): T | U | undefined {
  const wire = present(value);
  if (wire === undefined) return undefined;
  return Object.hasOwn(table, wire) ? table[wire] : unknown;
}
