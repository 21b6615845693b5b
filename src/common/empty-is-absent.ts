/**
 * The public model's rule for upstream "none": `null`, `undefined` and a string of only spaces become
 * an absent field; everything else passes unchanged.
 */
export function present<T>(value: T | null | undefined): T | undefined {
  if (value == null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** The object, or undefined when none of its fields is present (so an empty group is absent too). */
export function presentGroup<T extends object>(group: T): T | undefined {
  return Object.values(group).some((value) => value !== undefined) ? group : undefined;
}
