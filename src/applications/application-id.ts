import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ProblemError } from '../common/problem';
import { alternatives, type IdGrammar } from './provider-definition';
import { PROVIDER_DEFINITIONS, type RegisteredProvider } from './registered-providers';

type RefOf<G> = G extends IdGrammar<infer R> ? R : never;

/** Every id a registered provider reads, as one union discriminated by `provider`. */
export type ApplicationRef = RefOf<RegisteredProvider['ids'][number]>;
export type ProviderName = ApplicationRef['provider'];

/** The id grammars of the registered providers, in the order of the list. */
const GRAMMARS: readonly IdGrammar<ApplicationRef>[] = PROVIDER_DEFINITIONS.flatMap(
  (definition): readonly IdGrammar<ApplicationRef>[] => definition.ids,
);

export const PROVIDERS: readonly ProviderName[] = GRAMMARS.map((grammar) => grammar.provider);

const ANY_ID_MESSAGE = `must look like ${alternatives(
  GRAMMARS.map(({ shape, bounds }) => (bounds ? `${shape} (${bounds})` : shape)),
)}`;

function onlyMessage({ shape, bounds }: IdGrammar<ApplicationRef>): string {
  return `must look like ${bounds ? `${shape} with ${bounds}` : shape}`;
}

export const APPLICATION_ID_DESCRIPTION = `Opaque application id that carries its route: ${alternatives(
  GRAMMARS.map(({ shape, parts }) => `\`${shape}\` (${parts})`),
)}.`;

function grammarOf(provider: ProviderName): IdGrammar<ApplicationRef> {
  const grammar = GRAMMARS.find((candidate) => candidate.provider === provider);
  if (!grammar) throw new Error(`no registered provider ${provider}`);
  return grammar;
}

export function formatApplicationId(ref: ApplicationRef): string {
  return grammarOf(ref.provider).format(ref);
}

/** The reference a public id names, or undefined when it is not one (each provider's bounds hold). */
export function toApplicationRef(id: string): ApplicationRef | undefined {
  for (const grammar of GRAMMARS) {
    const ref = grammar.parse(id);
    if (ref) return ref;
  }
  return undefined;
}

/** Parses a public id; anything that is not one is a 400 on `field`. */
export function parseApplicationId(id: string, field = 'id'): ApplicationRef {
  const ref = toApplicationRef(id);
  if (!ref) throw ProblemError.invalidField(field, ANY_ID_MESSAGE);
  return ref;
}

/** A public application id; with `only`, that provider's ids alone (a copy target: `rainbond`). */
export function IsApplicationId(
  only?: ProviderName,
  options?: ValidationOptions,
): PropertyDecorator {
  const message = only ? onlyMessage(grammarOf(only)) : ANY_ID_MESSAGE;
  return ValidateBy(
    {
      name: 'isApplicationId',
      validator: {
        validate: (value: unknown) => {
          const ref = typeof value === 'string' ? toApplicationRef(value) : undefined;
          return ref !== undefined && (only === undefined || ref.provider === only);
        },
        defaultMessage: () => message,
      },
    },
    options,
  );
}
