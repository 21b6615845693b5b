/** The ApplicationProvider adapters, as an array; ApplicationsService routes among them by provider. */
export const APPLICATION_PROVIDERS = Symbol('APPLICATION_PROVIDERS');
