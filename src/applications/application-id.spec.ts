import {
  APPLICATION_ID_DESCRIPTION,
  PROVIDERS,
  formatApplicationId,
  parseApplicationId,
  toApplicationRef,
} from './application-id';

describe('application ids from the registered providers', () => {
  it('lists the provider names in the order of the registration list', () => {
    expect(PROVIDERS).toEqual(['rainbond', 'app-center', 'app-warehouse']);
  });

  it.each([
    [
      'rainbond:region-1:2147483647',
      { provider: 'rainbond', region: 'region-1', appId: 2147483647 },
    ],
    ['app-center:x-xx_xxx', { provider: 'app-center', appId: 'x-xx_xxx' }],
    [
      'app-warehouse:609827016182270209',
      { provider: 'app-warehouse', appId: '609827016182270209' },
    ],
  ])('reads %s and prints it back the same', (id, ref) => {
    expect(toApplicationRef(id)).toEqual(ref);
    expect(formatApplicationId(toApplicationRef(id)!)).toBe(id);
  });

  it.each([
    'rainbond:region-1:2147483648',
    'rainbond:region-1:0',
    'app-warehouse:abc',
    'app-center:',
    'other:1',
  ])('reads %s as no id', (id) => {
    expect(toApplicationRef(id)).toBeUndefined();
  });

  it("names every provider's id shape in the 400 of a bad id", () => {
    expect(() => parseApplicationId('nope', 'target')).toThrow(
      'target: must look like rainbond:{region}:{appId} (appId 1-2147483647), app-center:{id} or app-warehouse:{id}',
    );
  });

  it("describes every provider's id parts in the document", () => {
    expect(APPLICATION_ID_DESCRIPTION).toBe(
      'Opaque application id that carries its route: `rainbond:{region}:{appId}` (region 1-64 letters, digits, `_` or `-`; appId an integer 1-2147483647), `app-center:{id}` (1-64 letters, digits, `_` or `-`) or `app-warehouse:{id}` (1-32 digits).',
    );
  });
});
