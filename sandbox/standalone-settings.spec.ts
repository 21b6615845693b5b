import { readStandaloneSettings, StandaloneSettingsError } from './standalone-settings';

describe('readStandaloneSettings', () => {
  it('defaults to loopback, ports 4101-4105, generated secrets and no faults', () => {
    const settings = readStandaloneSettings({});
    expect(settings).toMatchObject({
      host: '127.0.0.1',
      allowRemote: false,
      ports: { rainbond: 4101, appCenter: 4102, appWarehouse: 4103, iam: 4104, control: 4105 },
      faults: [],
    });
    expect(settings.secrets.rainbondTokens).toEqual({ acme: undefined, globex: undefined });
  });

  it('reads host, ports, secrets and the fault mix from the environment', () => {
    const settings = readStandaloneSettings({
      SANDBOX_HOST: '0.0.0.0',
      SANDBOX_ALLOW_REMOTE: '1',
      SANDBOX_RAINBOND_PORT: '5001',
      SANDBOX_CONTROL_PORT: '0',
      SANDBOX_ACME_RAINBOND_TOKEN: 'acme-token',
      SANDBOX_GLOBEX_IAM_PASSWORD: 'globex-password',
      SANDBOX_ACME_AK: 'AK',
      SANDBOX_ACME_SK: 'SK',
      SANDBOX_FAULTS: 'iam:status:status=503:p=0.2',
    });
    expect(settings).toMatchObject({
      host: '0.0.0.0',
      allowRemote: true,
      ports: { rainbond: 5001, appCenter: 4102, control: 0 },
      secrets: {
        rainbondTokens: { acme: 'acme-token' },
        iamPasswords: { globex: 'globex-password' },
        aksk: { acme: { accessKey: 'AK', secretKey: 'SK' } },
      },
      faults: [{ target: 'iam', fault: { kind: 'status', status: 503 }, probability: 0.2 }],
    });
  });

  it('reports every problem at once', () => {
    const read = () =>
      readStandaloneSettings({
        SANDBOX_HOST: '0.0.0.0',
        SANDBOX_IAM_PORT: '70000',
        SANDBOX_APP_CENTER_PORT: '4101',
        SANDBOX_ALLOW_REMOTE: 'yes',
        SANDBOX_GLOBEX_TEMP_AK: 'AK',
        SANDBOX_FAULTS: 'rainbond:latency',
      });
    expect(read).toThrow(StandaloneSettingsError);
    let problems: string[] = [];
    try {
      read();
    } catch (error) {
      problems = (error as StandaloneSettingsError).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^SANDBOX_ALLOW_REMOTE must be 1, true, 0 or false/),
      'SANDBOX_HOST=0.0.0.0 is not loopback: set SANDBOX_ALLOW_REMOTE=1 to listen on it',
      'SANDBOX_IAM_PORT must be a port from 0 to 65535, got "70000"',
      expect.stringMatching(/^the SANDBOX_\*_PORT values must differ/),
      'set all of SANDBOX_GLOBEX_TEMP_AK, SANDBOX_GLOBEX_TEMP_SK, SANDBOX_GLOBEX_SECURITY_TOKEN or none of them',
      expect.stringMatching(/^SANDBOX_FAULTS entry "rainbond:latency": fault\.ms/),
    ]);
  });

  it('lets several simulators take any free port (0)', () => {
    const ports = readStandaloneSettings({
      SANDBOX_RAINBOND_PORT: '0',
      SANDBOX_IAM_PORT: '0',
    }).ports;
    expect([ports.rainbond, ports.iam]).toEqual([0, 0]);
  });
});
