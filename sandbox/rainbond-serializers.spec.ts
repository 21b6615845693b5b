import { validateCopy, validateCreateApp, validateInstall } from './rainbond-serializers';
import { SimulatedError } from './simulator-server';

const INSTALL = {
  market_url: 'https://hub.grapps.cn',
  market_domain: 'rainbond',
  market_type: 'rainstore',
  market_access_key: null,
  app_model_id: 'a1b2c3d4e5f6',
  app_model_version: '1.0.0',
};

/** The DRF `err` object a serializer rejects `data` with. */
function errorsOf(validate: (data: unknown) => unknown, data: unknown): unknown {
  try {
    validate(data);
  } catch (error) {
    if (error instanceof SimulatedError) return (error.reply.body as { err: unknown }).err;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('Rainbond request serializers (DRF field rules)', () => {
  it('takes a number for a CharField and returns it as a string, trimmed', () => {
    expect(
      validateInstall({ ...INSTALL, app_model_version: 2, market_type: ' rainstore ' }),
    ).toMatchObject({
      app_model_version: '2',
      market_type: 'rainstore',
    });
  });

  it('refuses a blank CharField and a boolean or object one', () => {
    expect(
      errorsOf(validateInstall, {
        ...INSTALL,
        market_domain: '  ',
        app_model_id: true,
        market_type: {},
      }),
    ).toEqual({
      market_domain: ['This field may not be blank.'],
      app_model_id: ['Not a valid string.'],
      market_type: ['Not a valid string.'],
    });
  });

  it('counts characters, not UTF-16 units, for max lengths', () => {
    expect(validateCreateApp({ app_name: '应'.repeat(128) }).app_name).toHaveLength(128);
    expect(errorsOf(validateCreateApp, { app_name: '应'.repeat(129) })).toEqual({
      app_name: ['Ensure this field has no more than 128 characters.'],
    });
  });

  it.each([
    [5, 5],
    ['5', 5],
    [5.0, 5],
    ['7.0', 7],
  ])('takes %p as the integer %p', (raw, expected) => {
    expect(
      validateCopy({
        services: [],
        target_team_name: 't',
        target_region_name: 'r',
        target_app_id: raw,
      }).target_app_id,
    ).toBe(expected);
  });

  it.each([5.5, true, 'five', null])('refuses %p as an integer', (raw) => {
    expect(
      errorsOf(validateCopy, {
        services: [],
        target_team_name: 't',
        target_region_name: 'r',
        target_app_id: raw,
      }),
    ).toEqual({
      target_app_id: [
        raw === null ? 'This field may not be null.' : 'A valid integer is required.',
      ],
    });
  });

  it('refuses a body that is not an object, and a list field that is not a list', () => {
    expect(errorsOf(validateInstall, [])).toEqual({
      non_field_errors: ['Invalid data. Expected a dictionary, but got list.'],
    });
    expect(
      errorsOf(validateCopy, {
        services: 'all',
        target_team_name: 't',
        target_region_name: 'r',
        target_app_id: 1,
      }),
    ).toEqual({
      services: { non_field_errors: ['Expected a list of items but got type "str".'] },
    });
  });

  it('defaults app_note to "" when absent', () => {
    expect(validateCreateApp({ app_name: 'x' })).toEqual({
      app_name: 'x',
      app_note: '',
      k8s_app: '',
    });
  });
});
