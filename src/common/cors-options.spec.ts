import { corsOptionsFor } from './cors-options';

describe('corsOptionsFor', () => {
  const decide = (origins: string[], origin: string | undefined) => {
    const { origin: check } = corsOptionsFor({ origins, maxAgeSeconds: 60, credentials: false });
    let allowed: unknown;
    (check as (origin: string | undefined, cb: (e: null, allow: boolean) => void) => void)(
      origin,
      (_, allow) => (allowed = allow),
    );
    return allowed;
  };

  it('allows exactly the listed origins', () => {
    expect(decide(['https://portal.example.com'], 'https://portal.example.com')).toBe(true);
    expect(decide(['https://portal.example.com'], 'https://portal.example.com:443')).toBe(false);
    expect(decide(['https://portal.example.com'], 'https://other.example.com')).toBe(false);
    expect(decide(['https://portal.example.com'], undefined)).toBe(false);
  });

  it('passes the credentials policy and preflight cache time on as configured', () => {
    expect(
      corsOptionsFor({ origins: ['https://a.example.com'], maxAgeSeconds: 120, credentials: true }),
    ).toMatchObject({ credentials: true, maxAge: 120 });
    expect(
      corsOptionsFor({ origins: ['https://a.example.com'], maxAgeSeconds: 0, credentials: false }),
    ).toMatchObject({ credentials: false, maxAge: 0 });
  });
});
