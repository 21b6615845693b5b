import { getMetadataStorage } from 'class-validator';
import type { MetadataStorage } from 'class-validator/types/metadata/MetadataStorage';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type TargetLookup = MetadataStorage['getTargetValidationMetadatas'];
type Grouped = Record<string, ValidationMetadata[]>;

const memoized = new WeakSet<MetadataStorage>();

/**
 * class-validator looks up a class's rules on every validation of every object: it scans every
 * class that has rules (for inherited ones), filters and concatenates them, then groups them by
 * property, per nested object too. The rules are fixed once the DTO modules have loaded, so both
 * lookups of the process's one metadata storage are remembered per class (and per set of lookup
 * options), and forgotten whenever a rule is registered. The executor only reads what they return.
 */
export function memoizeValidationMetadata(storage = getMetadataStorage()): void {
  if (memoized.has(storage)) return;
  memoized.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let targets = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let groups = new WeakMap<ValidationMetadata[], Grouped>();

  storage.getTargetValidationMetadatas = ((target, schema, always, strictGroups, names) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${names?.join('\u0000') ?? ''}`;
    let byOptions = targets.get(target);
    if (!byOptions) targets.set(target, (byOptions = new Map<string, ValidationMetadata[]>()));
    let found = byOptions.get(key);
    if (!found) byOptions.set(key, (found = lookUp(target, schema, always, strictGroups, names)));
    return found;
  }) satisfies TargetLookup;
  storage.groupByPropertyName = (metadatas: ValidationMetadata[]): Grouped => {
    let grouped = groups.get(metadatas);
    if (!grouped) groups.set(metadatas, (grouped = group(metadatas)));
    return grouped;
  };
  storage.addValidationMetadata = (metadata: ValidationMetadata): void => {
    targets = new WeakMap();
    groups = new WeakMap();
    register(metadata);
  };
}
